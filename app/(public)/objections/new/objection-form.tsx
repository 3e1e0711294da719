'use client';

import { FormAlert, inputClass } from '@/components/forms/field';
import { CodeStep, IdentityStep } from '@/components/objections/identity-steps';
import { Err, Submit, a11yOf } from '@/components/objections/record-objection-fields';
import { OBJECTION_FIELDS } from '@/lib/domain/objections';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { fileObjectionAction, type ObjectionFormState } from '../actions';

/**
 * Works without JavaScript: multipart POSTs to one server action, in three steps — who you are, the code sent to
 * your registered mobile, then the item that is wrong. The answer re-renders the form or redirects.
 */
export function ObjectionForm() {
  const { state, pending, formProps } = useFormAction<ObjectionFormState>(fileObjectionAction, {});
  const { e, a11y } = a11yOf(state);
  const v = state.values;
  if (!state.verified) {
    if (state.challenge) return <CodeStep state={state} formProps={formProps} pending={pending} restartHref="/objections/new" />;
    return <IdentityStep state={state} formProps={formProps} pending={pending} />;
  }
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="step" value="file" />
      <input type="hidden" name="token" value={state.verified.token} />
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
        已确认身份：{state.verified.name}。请在 30 分钟内填写并提交。
      </p>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">第三步：有误的信息</legend>
        <div>
          <label htmlFor="field" className="block font-medium">哪一项信息有误</label>
          <select {...a11y('field')} key={`f-${v?.field}`} defaultValue={v?.field ?? ''} required className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {Object.entries(OBJECTION_FIELDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <Err id="field-error" msg={e('field')} />
        </div>
        <div>
          <label htmlFor="claimed" className="block font-medium">正确的信息</label>
          <textarea {...a11y('claimed')} key={`c-${v?.claimed}`} defaultValue={v?.claimed} required rows={2} maxLength={300} className={inputClass} />
          <Err id="claimed-error" msg={e('claimed')} />
        </div>
        <div>
          <label htmlFor="statement" className="block font-medium">补充说明（选填）</label>
          <textarea {...a11y('statement')} key={`s-${v?.statement}`} defaultValue={v?.statement} rows={3} maxLength={1000} className={inputClass} />
          <Err id="statement-error" msg={e('statement')} />
        </div>
        <div>
          <label htmlFor="evidence" className="block font-medium">证明材料（选填）</label>
          <p id="evidence-hint" className="text-sm text-slate-600">
            最多 3 个 PDF 或图片文件，每个不超过 5 MB。图片会重新编码并去除拍摄位置等信息。同一事项已处理完毕后再次提出异议，须提供新的证明材料。
          </p>
          <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
          <Err id="evidence-error" msg={e('evidence')} />
        </div>
      </fieldset>
      <Submit pending={pending} />
    </form>
  );
}
