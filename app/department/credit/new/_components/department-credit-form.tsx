'use client';

import { DateField, DescriptionField, EvidenceField, SubmitButton, TypeField } from '@/components/credit/record-fields';
import { controlProps, FieldErr, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { DEPARTMENT_CREDIT_KIND_LABELS, DEPARTMENT_CREDIT_KINDS } from '@/lib/validation/credit';
import { submitDepartmentCreditAction, type DepartmentCreditState } from '../../actions';

const KIND_HINTS: Record<(typeof DEPARTMENT_CREDIT_KINDS)[number], string> = {
  penalty: '本部门对该企业作出的行政处罚决定；确认后应在决定之日起 7 个工作日内公布。',
  warning: '责令整改、通报批评等警示信息（违反法律法规、侵犯业主权益、造成不良影响的行为）。',
  commendation: '本部门授予该企业（或其服务项目）的奖励、表彰，记为业绩信用信息（红榜）。',
};

export function DepartmentCreditForm({
  company,
  issuer,
  suggestions,
  today,
}: {
  company: { id: string; name: string; uscc: string };
  issuer: string;
  suggestions: string[];
  today: string;
}) {
  const { state, pending, formProps } = useFormAction<DepartmentCreditState>(submitDepartmentCreditAction, {});
  const v = state.values ?? {};
  const kindError = state.fieldErrors?.kind?.[0];
  const doc = controlProps(state, 'documentNumber', true);
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="companyId" value={company.id} />
      <p>
        <span className="font-medium">企业：</span>
        {company.name}
        <span className="ml-2 font-mono text-sm text-slate-600">{company.uscc}</span>
      </p>
      <FieldErr state={state} name="companyId" />
      <fieldset aria-describedby={kindError ? 'kind-error' : undefined}>
        <legend className="font-medium">信息类别</legend>
        <div className="mt-1 space-y-1">
          {DEPARTMENT_CREDIT_KINDS.map((k) => (
            <label key={k} className="flex items-start gap-2">
              <input type="radio" name="kind" value={k} defaultChecked={v.kind === k} required className="mt-1" />
              <span>
                {DEPARTMENT_CREDIT_KIND_LABELS[k]}
                <span className="block text-xs text-slate-600">{KIND_HINTS[k]}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErr state={state} name="kind" />
      </fieldset>
      <TypeField state={state} label="事项名称" hint="如“未按规定明码标价”“消防设施未保持完好有效”“市级文明单位”。" listId="department-types" suggestions={suggestions} />
      <div>
        <Label name="documentNumber">文号</Label>
        <Hint name="documentNumber">
          决定书、通报或表彰文件的文号。发文单位记为“{issuer}”。
        </Hint>
        <input {...doc} key={`n-${v.documentNumber}`} defaultValue={v.documentNumber} required maxLength={60} className={inputClass} />
        <FieldErr state={state} name="documentNumber" />
      </div>
      <DateField state={state} label="决定或发文日期" today={today} />
      <DescriptionField state={state} label="事实和依据" hint="违法违规事实（或表彰事由）、依据的法律法规条款和处理结果，10 至 1000 字。" />
      <EvidenceField
        state={state}
        label="证据材料"
        hint="处罚决定书、通报、表彰文件等，1 至 5 个 PDF 或图片文件，每个不超过 10 MB。图片会重新编码并去除拍摄位置等信息。"
        required
      />
      <p className="text-sm text-slate-700">提交后由住建部门核定分值和情节轻重，并决定公布；本部门不设定分值。</p>
      <SubmitButton pending={pending}>提交信用信息</SubmitButton>
    </form>
  );
}
