'use client';

import { useActionState } from 'react';
import { controlProps, errorOf, FieldErr, Hint, Label } from '@/components/credit/form-bits';
import { FormAlert, inputClass } from '@/components/forms/field';
import { SEVERITIES, SEVERITY_HINTS, type Severity } from '@/lib/domain/records';
import { confirmRecordAction, rejectRecordAction, type BureauCreditState } from '../actions';

function Conflict({ state }: { state: BureauCreditState }) {
  if (!state.message || (state.fieldErrors && Object.keys(state.fieldErrors).length > 0)) return null;
  return <FormAlert message={`${state.message}${state.conflict ? '，请刷新页面查看最新结果。' : ''}`} />;
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
  const [state, action, pending] = useActionState<BureauCreditState, FormData>(confirmRecordAction, {});
  const v = state.values ?? {};
  const severityError = errorOf(state, 'severity');
  const label = category === 'performance' ? '核定加分' : '核定扣分';
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Conflict state={state} />
      <div>
        <Label name="points">{label}</Label>
        <Hint name="points">报送单位建议 {proposedPoints != null ? Number(proposedPoints) : '—'} 分；0 至 20 分。</Hint>
        <input
          {...controlProps(state, 'points', true)}
          key={`pt-${v.points}`}
          defaultValue={v.points ?? (proposedPoints != null ? String(Number(proposedPoints)) : '')}
          type="number"
          min={0}
          max={20}
          step={0.5}
          required
          inputMode="decimal"
          className={inputClass}
        />
        <FieldErr state={state} name="points" />
      </div>
      {category === 'warning' && (
        <fieldset aria-describedby={severityError ? 'severity-error' : undefined}>
          <legend className="font-medium">情节</legend>
          <p className="text-sm text-slate-600">情节轻重决定公示期限；报送单位建议：{proposedSeverity ?? '—'}。</p>
          <div className="mt-1 space-y-1">
            {SEVERITIES.map((s) => (
              <label key={s} className="flex items-start gap-2">
                <input type="radio" name="severity" value={s} defaultChecked={(v.severity || proposedSeverity) === s} required className="mt-1" />
                <span>
                  {s}
                  <span className="block text-xs text-slate-600">{SEVERITY_HINTS[s]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldErr state={state} name="severity" />
        </fieldset>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '核准并公布'}
      </button>
    </form>
  );
}

/** Decline a report, with the reason the reporter will see. */
export function RejectForm({ id, version }: { id: string; version: number }) {
  const [state, action, pending] = useActionState<BureauCreditState, FormData>(rejectRecordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Conflict state={state} />
      <div>
        <Label name="reason">不予采纳的理由</Label>
        <Hint name="reason">报送单位可以看到理由（4 至 500 字）。</Hint>
        <textarea {...controlProps(state, 'reason', true)} key={`r-${state.values?.reason}`} defaultValue={state.values?.reason} rows={3} maxLength={500} className={inputClass} />
        <FieldErr state={state} name="reason" />
      </div>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-5 py-2 font-medium text-red-800 disabled:opacity-60">
        {pending ? '正在提交…' : '不予采纳'}
      </button>
    </form>
  );
}
