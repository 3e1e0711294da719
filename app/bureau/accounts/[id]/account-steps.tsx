'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/field';
import { changeAccountScopeAction, deactivateAccountAction, reactivateAccountAction, resetAccountPasswordAction, type AccountStepState } from '../actions';
import { ScopeFields, type ScopeChoices } from '../scope-fields';

const button = 'min-h-11 rounded px-4 py-2 font-medium disabled:opacity-60';

function Outcome({ state }: { state: AccountStepState }) {
  return (
    <>
      <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
      <FormAlert message={state.done ?? null} tone="success" />
      {state.temporaryPassword && (
        <p className="rounded bg-emerald-50 px-3 py-2 text-emerald-950">
          新的临时密码：<span className="font-mono text-lg" data-testid="reset-temporary-password">{state.temporaryPassword}</span>
          <span className="block text-sm">只显示这一次，请交给本人；首次登录须修改密码。</span>
        </p>
      )}
    </>
  );
}

/** Deactivate or reactivate, reset the password, change the scope: each a plain form (works without JavaScript). */
export function AccountSteps({ userId, disabled, isSelf, scopeField, choices }: { userId: string; disabled: boolean; isSelf: boolean; scopeField: 'districtId' | 'regionId' | 'projectId' | 'organisationName' | 'none'; choices: ScopeChoices }) {
  const [toggle, toggleAction, toggling] = useActionState(disabled ? reactivateAccountAction : deactivateAccountAction, {});
  const [reset, resetAction, resetting] = useActionState(resetAccountPasswordAction, {});
  const [scope, scopeAction, scoping] = useActionState(changeAccountScopeAction, {});
  return (
    <div className="space-y-6">
      <section aria-labelledby="status-heading" className="space-y-2 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="status-heading" className="text-lg font-semibold">
          {disabled ? '重新启用' : '停用'}
        </h2>
        <p className="text-sm text-slate-600">{disabled ? '重新启用后可用原密码登录。' : '停用后不能登录，其所有登录会话立即失效；可随时重新启用。'}</p>
        <Outcome state={toggle} />
        {isSelf ? (
          <p className="text-sm">不能停用自己的账号。</p>
        ) : (
          <form action={toggleAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={toggling} className={`${button} ${disabled ? 'bg-brand-700 text-white' : 'border border-red-700 text-red-800'}`}>
              {disabled ? '重新启用该账号' : '停用该账号'}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="reset-heading" className="space-y-2 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="reset-heading" className="text-lg font-semibold">
          重置密码
        </h2>
        <p className="text-sm text-slate-600">生成新的临时密码（只显示一次），原密码和所有登录会话立即失效，本人首次登录须修改密码。</p>
        <Outcome state={reset} />
        {isSelf ? (
          <p className="text-sm">自己的密码请在“修改密码”页修改。</p>
        ) : (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={resetting} className={`${button} border border-brand-700 text-brand-700`}>
              重置密码
            </button>
          </form>
        )}
      </section>
      {scopeField !== 'none' && (
        <section aria-labelledby="scope-heading" className="space-y-2 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="scope-heading" className="text-lg font-semibold">
            更改辖区
          </h2>
          <p className="text-sm text-slate-600">更改后该账号须重新登录，按新的辖区办理事项。</p>
          <Outcome state={scope} />
          <form action={scopeAction} className="space-y-3">
            <input type="hidden" name="userId" value={userId} />
            <ScopeFields prefix="scope" choices={choices} show={scopeField} errors={scope.fieldErrors} />
            <button type="submit" disabled={scoping} className={`${button} bg-brand-700 text-white`}>
              更改辖区
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
