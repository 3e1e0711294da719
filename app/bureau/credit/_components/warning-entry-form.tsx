'use client';

import { controlProps, FieldErr, Label } from '@/components/credit/form-bits';
import {
  DateField,
  DescriptionField,
  EstateField,
  EvidenceField,
  IssuerField,
  PointsField,
  SeverityField,
  SubmitButton,
  TypeField,
} from '@/components/credit/record-fields';
import { FormAlert, inputClass } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { enterWarningAction, type BureauCreditState } from '../actions';

/** A bureau enters a warning record directly (confirmed at once), possibly an administrative penalty. */
export function WarningEntryForm({
  companyId,
  estates,
  suggestions,
  today,
  penaltyDays,
}: {
  companyId: string;
  estates: { id: string; name: string; districtName: string }[];
  suggestions: string[];
  today: string;
  penaltyDays: number;
}) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(enterWarningAction, {});
  const v = state.values ?? {};
  const p = (name: string, hint?: boolean) => controlProps(state, name, hint);
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="companyId" value={companyId} />
      <FormAlert message={state.message ?? null} />
      <EstateField state={state} label="物业项目（选填）" estates={estates.map((e) => ({ id: e.id, name: e.name, detail: e.districtName }))} />
      <TypeField state={state} label="警示类型" listId="warning-types" suggestions={suggestions} />
      <DateField state={state} label="发生日期" today={today} />
      <DescriptionField state={state} label="违规事实" />
      <SeverityField state={state} legend="情节" selected={v.severity} />
      <PointsField state={state} name="points" label="扣分" hint="0 至 20 分。" />
      <fieldset className="space-y-3 rounded border border-slate-300 p-4">
        <legend className="px-1 font-medium">行政处罚</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="isPenalty" defaultChecked={v.isPenalty === 'on'} />
          这是一项行政处罚
        </label>
        <p className="text-sm text-slate-600">行政处罚信息应在处罚决定作出之日起 {penaltyDays} 个工作日内公布（按法定节假日安排计算）。</p>
        <div>
          <Label name="decisionOn">处罚决定日期</Label>
          <input {...p('decisionOn')} key={`dc-${v.decisionOn}`} defaultValue={v.decisionOn} type="date" max={today} className={inputClass} />
          <FieldErr state={state} name="decisionOn" />
        </div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="publishNow" defaultChecked={v.publishNow === 'on'} />
          立即公布（不勾选则列入“待公布的行政处罚”，在期限内发布）
        </label>
      </fieldset>
      <IssuerField state={state} label="决定机关及文号" hint="行政处罚必填，如“船山区住房和城乡建设局 船住建罚决〔2026〕7号”。" />
      <EvidenceField
        state={state}
        label="证据材料（选填）"
        hint="处罚决定书、检查记录、现场照片等，最多 5 个 PDF 或图片文件，每个不超过 10 MB。"
      />
      <p className="text-sm text-slate-700">提交后即确认生效，并向企业送达告知书（记录内容及异议、信用修复途径）。</p>
      <SubmitButton pending={pending}>录入警示信息</SubmitButton>
    </form>
  );
}
