'use client';

import { useState } from 'react';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { ROLE_LABELS } from '@/lib/auth/policy';
import { STAFF_ROLES } from '@/lib/validation/role-accounts';
import { createRoleAccountAction, type RoleAccountState } from './actions';
import { Labelled, SCOPE_FIELD_OF_ROLE, ScopeFields, type ScopeChoices } from './scope-fields';

const P = 'ra';

/** An account of any role but a company operator. Works without JavaScript; the temporary password is shown once. */
export function RoleAccountForm({ choices }: { choices: ScopeChoices }) {
  const { state, pending, formProps } = useFormAction<RoleAccountState>(createRoleAccountAction, {});
  const v = state.values ?? {};
  const [role, setRole] = useState(v.role ?? '');
  const e = state.fieldErrors;
  return (
    <div className="space-y-4">
      {state.created && (
        <div role="status" className="rounded bg-emerald-50 p-4 text-emerald-950">
          <p className="font-semibold">
            已开设{ROLE_LABELS[state.created.role as keyof typeof ROLE_LABELS]}账号 <span className="font-mono">{state.created.username}</span>（{state.created.scope}）。
          </p>
          <p className="mt-1">
            临时密码：<span className="font-mono text-lg" data-testid="role-temporary-password">{state.created.temporaryPassword}</span>
          </p>
          <p className="mt-1 text-sm">临时密码只显示这一次，请当面或通过可靠渠道交给本人；首次登录须修改密码。</p>
        </div>
      )}
      {state.message && !e && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <form {...formProps} className="grid gap-4 sm:grid-cols-2" noValidate key={state.created?.username ?? 'form'}>
        <ErrorSummary items={summaryItems(e, { ids: Object.fromEntries(Object.keys(e ?? {}).map((k) => [k, `${P}-${k}`])) })} focusKey={state} />
        <Labelled prefix={P} name="role" label="角色" error={e?.role?.[0]}>
          {(p) => (
            <select {...p} name="role" defaultValue={v.role ?? ''} onChange={(ev) => setRole(ev.target.value)}>
              <option value="">请选择</option>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r === 'city' ? '市级管理员（市住建主管部门）' : ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <Labelled prefix={P} name="username" label="账号" hint="3–64 位字母、数字、点、短横线或下划线" error={e?.username?.[0]}>
          {(p) => <input {...p} name="username" defaultValue={v.username ?? ''} autoComplete="off" />}
        </Labelled>
        <Labelled prefix={P} name="displayName" label="姓名" error={e?.displayName?.[0]}>
          {(p) => <input {...p} name="displayName" defaultValue={v.displayName ?? ''} maxLength={20} />}
        </Labelled>
        <ScopeFields prefix={P} choices={choices} show={role ? SCOPE_FIELD_OF_ROLE[role] : undefined} errors={e} values={v} />
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
            开设该角色账号
          </button>
        </div>
      </form>
    </div>
  );
}
