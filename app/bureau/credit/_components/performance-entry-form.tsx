'use client';

import { DateField, DescriptionField, EstateField, EvidenceField, IssuerField, PointsField, SubmitButton, TypeField } from '@/components/credit/record-fields';
import { FormAlert } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { enterPerformanceAction, type BureauCreditState } from '../actions';

/** A bureau enters a performance record directly, with its points. */
export function PerformanceEntryForm({
  companyId,
  estates,
  suggestions,
  today,
}: {
  companyId: string;
  estates: { id: string; name: string; districtName: string }[];
  suggestions: string[];
  today: string;
}) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(enterPerformanceAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="companyId" value={companyId} />
      <FormAlert message={state.message ?? null} />
      <TypeField state={state} label="业绩类型" listId="performance-types" suggestions={suggestions} />
      <EstateField state={state} label="相关物业项目（选填）" estates={estates.map((e) => ({ id: e.id, name: e.name, detail: e.districtName }))} />
      <DateField state={state} label="获得日期" today={today} />
      <IssuerField state={state} label="发文单位及文号" required />
      <DescriptionField state={state} label="情况说明" />
      <PointsField state={state} name="points" label="加分" hint="0 至 20 分。录入后即公布，公示 1 年。" />
      <EvidenceField state={state} label="证明材料（选填）" hint="最多 5 个 PDF 或图片文件，每个不超过 10 MB。" />
      <SubmitButton pending={pending}>录入业绩信息</SubmitButton>
    </form>
  );
}
