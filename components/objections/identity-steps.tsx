'use client';

import { FormAlert, inputClass } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import type { ActionFormProps } from '@/components/forms/use-form-action';
import { Err, IdNumberInput, NameInput, PhoneInput, Submit, a11yOf, type FieldsState } from './record-objection-fields';


/**
 * Step 1 of the identity check by SMS (plain form, works without JavaScript): name, ID number and mobile. The
 * answer is the same whether or not they match; a code goes to the registered mobile only when they do.
 */
export function IdentityStep({ state, formProps, pending, legend = '第一步：确认身份' }: { state: FieldsState; formProps: ActionFormProps; pending: boolean; legend?: string }) {
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="step" value="identify" />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">{legend}</legend>
        <p id="who-hint" className="text-sm text-slate-600">
          三项须与平台登记的信息一致。信息无误时，平台会向登记的手机号码发送 6 位验证码，凭验证码确认是本人。
        </p>
        <NameInput state={state} />
        <IdNumberInput state={state} inputMode="text" />
        <PhoneInput state={state} />
      </fieldset>
      <Submit pending={pending} label="获取短信验证码" />
    </form>
  );
}

/** Step 2: the 6-digit code from the SMS, with the challenge of step 1. */
export function CodeStep({
  state,
  formProps,
  pending,
  restartHref,
  submitLabel = '验证',
}: {
  state: FieldsState & { notice?: string; challenge?: string };
  formProps: ActionFormProps;
  pending: boolean;
  restartHref: string;
  submitLabel?: string;
}) {
  const { e, a11y } = a11yOf(state);
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      {state.notice && <FormAlert message={state.notice} tone="success" />}
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="step" value="code" />
      <input type="hidden" name="challenge" value={state.challenge ?? ''} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">第二步：填写短信验证码</legend>
        <div>
          <label htmlFor="code" className="block font-medium">
            短信验证码
          </label>
          <p id="code-hint" className="text-sm text-slate-600">
            6 位数字，10 分钟内有效，最多可尝试 5 次。
          </p>
          <input
            {...a11y('code', 'code-hint')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            className={`${inputClass} max-w-40 font-mono tracking-widest`}
          />
          <Err id="code-error" msg={e('code')} />
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Submit pending={pending} label={submitLabel} />
        {/* A full page load (not a client navigation), so the form starts again from step 1. */}
        <a href={restartHref} className="text-brand-800 underline">
          没有收到？重新填写并获取
        </a>
      </div>
    </form>
  );
}
