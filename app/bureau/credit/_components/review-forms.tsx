'use client';

import { controlProps, FieldErr, Hint, Label } from '@/components/credit/form-bits';
import { PointsField, SeverityField, SubmitButton } from '@/components/credit/record-fields';
import { FormAlert, inputClass } from '@/components/forms/field';
import type { Severity } from '@/lib/domain/records';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { confirmRecordAction, rejectRecordAction, type BureauCreditState } from '../actions';

/** Which record, at which version, and the answer when it was decided meanwhile (or failed as a whole). */
function Decision({ id, version, state }: { id: string; version: number; state: BureauCreditState }) {
  const conflict = !state.message || (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) ? null : (
    <FormAlert message={`${state.message}${state.conflict ? '，请刷新页面查看最新结果。' : ''}`} />
  );
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      {conflict}
    </>
  );
}

/** DW 8.2: confirm the points (and a warning's severity, which fixes its publicity window). */
export function ConfirmForm({
  id,
  version,
  category,
  proposedPoints,
  proposedSeverity,
}: {
  id: string;
  version: number;
  category: 'performance' | 'warning';
  proposedPoints: string | null;
  proposedSeverity: Severity | null;
}) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(confirmRecordAction, {});
  const label = category === 'performance' ? '核定加分' : '核定扣分';
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <Decision id={id} version={version} state={state} />
      <PointsField
        state={state}
        name="points"
        label={label}
        hint={<>报送单位建议 {proposedPoints != null ? Number(proposedPoints) : '—'} 分；0 至 20 分。</>}
        fallback={proposedPoints != null ? String(Number(proposedPoints)) : ''}
      />
      {category === 'warning' && (
        <SeverityField
          state={state}
          legend="情节"
          note={<>情节轻重决定公示期限；报送单位建议：{proposedSeverity ?? '—'}。</>}
          selected={state.values?.severity || proposedSeverity}
        />
      )}
      <SubmitButton pending={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        核准并公布
      </SubmitButton>
    </form>
  );
}

/** Decline a report, with the reason the reporter will see. */
export function RejectForm({ id, version }: { id: string; version: number }) {
  const { state, pending, formProps } = useFormAction<BureauCreditState>(rejectRecordAction, {});
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <Decision id={id} version={version} state={state} />
      <div>
        <Label name="reason">不予采纳的理由</Label>
        <Hint name="reason">报送单位可以看到理由（4 至 500 字）。</Hint>
        <textarea {...controlProps(state, 'reason', true)} key={`r-${state.values?.reason}`} defaultValue={state.values?.reason} rows={3} maxLength={500} className={inputClass} />
        <FieldErr state={state} name="reason" />
      </div>
      <SubmitButton pending={pending} className="rounded border border-red-700 px-5 py-2 font-medium text-red-800 disabled:opacity-60">
        不予采纳
      </SubmitButton>
    </form>
  );
}
