'use client';

import { controlProps, FieldErr, FILE_ACCEPT, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { applyRepairAction, type CreditFormState } from '../actions';

/** Credit repair: evidence of rectification and the signed credit commitment, both required. */
export function RepairForm({ recordId }: { recordId: string }) {
  const { state, pending, formProps } = useFormAction<CreditFormState>(applyRepairAction, {});
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="recordId" value={recordId} />
      <FormAlert message={state.message ?? null} />
      <div>
        <Label name="rectification">整改情况</Label>
        <Hint name="rectification">写明已采取的整改措施和效果（10 至 1000 字）。</Hint>
        <textarea {...p('rectification', true)} key={`r-${state.values?.rectification}`} defaultValue={state.values?.rectification} required rows={5} maxLength={1000} className={inputClass} />
        <FieldErr state={state} name="rectification" />
      </div>
      <div>
        <Label name="evidence">整改证明材料</Label>
        <Hint name="evidence">整改前后照片、复查记录、业主委员会或社区的意见等，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。</Hint>
        <input {...p('evidence', true)} type="file" multiple required accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="evidence" />
      </div>
      <div>
        <Label name="commitment">信用承诺书</Label>
        <Hint name="commitment">由法定代表人签字并加盖企业公章的信用承诺书扫描件（PDF 或图片）。</Hint>
        <input {...p('commitment', true)} type="file" required accept={FILE_ACCEPT} className="mt-1 block" />
        <FieldErr state={state} name="commitment" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交信用修复申请'}
      </button>
    </form>
  );
}
