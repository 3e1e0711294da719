'use client';

import { controlProps, FieldErr, Hint, Label } from '@/components/credit/form-bits';
import { DescriptionField, EstateField, EvidenceField, IssuerField, SubmitButton } from '@/components/credit/record-fields';
import { FormAlert, inputClass } from '@/components/forms/field';
import { VETO_TYPE_TEXT, VETO_TYPES } from '@/lib/domain/credit-rating';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { recordVetoAction, type VetoState } from '../actions';

/** DW 11: the four cases in the document's words, the estate if any, the facts, the decision date and evidence. */
export function VetoForm({ companyId, estates, today }: { companyId: string; estates: { id: string; name: string; districtName: string }[]; today: string }) {
  const { state, pending, formProps } = useFormAction<VetoState>(recordVetoAction, {});
  const v = state.values ?? {};
  const typeErr = state.fieldErrors?.vetoType?.[0];
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="companyId" value={companyId} />
      <FormAlert message={state.message ?? null} />
      <fieldset aria-describedby={typeErr ? 'vetoType-error' : undefined}>
        <legend className="font-medium">一票否决情形（“红黑榜”管理办法第十一条）</legend>
        <div className="mt-1 space-y-2">
          {VETO_TYPES.map((t, i) => (
            <label key={t} className="flex items-start gap-2">
              <input type="radio" name="vetoType" value={t} defaultChecked={v.vetoType === t} required className="mt-1" />
              <span>
                （{['一', '二', '三', '四'][i]}）{VETO_TYPE_TEXT[t]}
              </span>
            </label>
          ))}
        </div>
        {typeErr && (
          <p id="vetoType-error" className="mt-1 text-sm text-red-700">
            {typeErr}
          </p>
        )}
      </fieldset>
      <EstateField state={state} label="物业项目（选填）" estates={estates.map((e) => ({ id: e.id, name: e.name, detail: e.districtName }))} />
      <div>
        <Label name="decisionOn">认定日期</Label>
        <Hint name="decisionOn">该日期所在年度的综合信用评价资格被取消（等级为D）。</Hint>
        <input {...controlProps(state, 'decisionOn', true)} key={`dc-${v.decisionOn}`} defaultValue={v.decisionOn} type="date" max={today} required className={inputClass} />
        <FieldErr state={state} name="decisionOn" />
      </div>
      <DescriptionField state={state} label="认定事实" />
      <IssuerField state={state} label="认定机关及文号（选填）" />
      <EvidenceField state={state} required label="证据材料" hint="认定文书、调查笔录、现场照片等，最多 5 个 PDF 或图片文件，每个不超过 10 MB。" />
      <p className="text-sm text-slate-700">提交后即生效：企业当日列入黑榜，取消该年度综合信用评价资格，并向企业送达一票否决告知书。</p>
      <SubmitButton pending={pending}>录入一票否决</SubmitButton>
    </form>
  );
}
