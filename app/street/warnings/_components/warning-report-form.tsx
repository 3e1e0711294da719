'use client';

import { DateField, DescriptionField, EstateField, EvidenceField, PointsField, SeverityField, SubmitButton, TypeField } from '@/components/credit/record-fields';
import { FormAlert } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { reportWarningAction, type WarningReportState } from '../actions';

export function WarningReportForm({
  estates,
  suggestions,
  today,
}: {
  estates: { id: string; name: string; companyName: string }[];
  suggestions: string[];
  today: string;
}) {
  const { state, pending, formProps } = useFormAction<WarningReportState>(reportWarningAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <EstateField
        state={state}
        label="物业项目"
        hint="本街道（社区）辖区内的项目；警示信息记入该项目目前的物业服务企业。"
        estates={estates.map((e) => ({ id: e.id, name: e.name, detail: e.companyName }))}
        required
      />
      <TypeField state={state} label="警示类型" hint="可从列表中选择常见情形，也可以直接填写。" listId="warning-types" suggestions={suggestions} />
      <DateField state={state} label="发现日期" today={today} />
      <DescriptionField state={state} label="违规事实" hint="时间、地点、具体情况和已采取的措施（如责令整改），10 至 1000 字。" />
      <SeverityField state={state} legend="建议情节" note="情节轻重决定公示期限，由住建部门核定。" selected={state.values?.severity} />
      <PointsField state={state} name="proposedPoints" label="建议扣分" hint="0 至 20 分，由住建部门核准确定分值（“红黑榜”管理办法第八条）。" />
      <EvidenceField
        state={state}
        label="证据材料"
        hint="现场照片、检查记录、整改通知等，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。图片会重新编码并去除拍摄位置等信息。"
        required
      />
      <SubmitButton pending={pending}>提交警示信息</SubmitButton>
    </form>
  );
}
