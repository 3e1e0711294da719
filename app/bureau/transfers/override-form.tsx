'use client';

import { Field, inputClass } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { overrideTransferAction, type OverrideState } from './actions';

export function OverrideForm({ submissionId, version, name }: { submissionId: string; version: number; name: string }) {
  const { state, pending, formProps } = useFormAction<OverrideState>(overrideTransferAction, {});
  const error = state.fieldErrors?.reason?.[0];
  return (
    <form {...formProps} className="space-y-2" aria-label={`直接调出${name}`}>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {state.message && !error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <Field id={`override-${submissionId}`} label="核实情况" hint="写明核实了什么（劳动合同、原企业理由等），将记录在案并告知双方企业。" error={error}>
        {(a) => <textarea {...a} name="reason" rows={2} maxLength={500} required defaultValue={String(state.values?.reason ?? '')} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '核实后直接调出'}
      </button>
    </form>
  );
}
