'use client';
/**
 * A bureau's approve / return / reject decision with a reason, as a plain form (works without JavaScript). The
 * page passes its server action, the hidden fields that name the submission and its version, and the words for
 * approving and rejecting that fit the submission (准予备案 / 审核通过 …).
 */
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';

export interface DecideState {
  message?: string;
  /** Another reviewer (or a withdrawal) got there first. */
  conflict?: boolean;
  fieldErrors?: Record<string, string[]>;
  reason?: string;
  decision?: string;
}

export function DecisionForm({
  action: decide,
  hidden,
  approveLabel,
  rejectLabel,
  approveBlocked,
  returnLabel = '退回修改',
  audience = '企业',
  children,
}: {
  action: (prev: DecideState, fd: FormData) => Promise<DecideState>;
  hidden: Record<string, string | number>;
  approveLabel: string;
  rejectLabel: string;
  approveBlocked: string | null;
  /** null: a decision that cannot be returned for correction (staff records are recorded or declined). */
  returnLabel?: string | null;
  /** Who reads the reason. */
  audience?: string;
  /** Extra fields of this kind of decision, shown before the reason (e.g. adjusting a report's type). */
  children?: React.ReactNode;
}) {
  const { state, pending, formProps } = useFormAction<DecideState>(decide, {});
  const decisionError = state.fieldErrors?.decision?.[0];
  const reasonError = state.fieldErrors?.reason?.[0];
  const otherError = Object.entries(state.fieldErrors ?? {}).find(([k]) => k !== 'decision' && k !== 'reason')?.[1]?.[0];
  // An entry that cannot pass (e.g. no photo) is not offered approval at all: the hint says why.
  const options = [
    ...(approveBlocked ? [] : [{ value: 'approved', label: approveLabel }]),
    ...(returnLabel ? [{ value: 'returned', label: returnLabel }] : []),
    { value: 'rejected', label: rejectLabel },
  ];
  return (
    <form {...formProps} className="space-y-4">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message && !decisionError && !reasonError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {otherError ?? state.message}
          {state.conflict && '，请刷新页面查看最新结果。'}
        </p>
      )}
      <fieldset aria-describedby={decisionError ? 'decision-error' : approveBlocked ? 'decision-hint' : undefined}>
        <legend className="font-medium">审核结果</legend>
        {approveBlocked && (
          <p id="decision-hint" className="text-sm text-red-800">
            {approveBlocked}
          </p>
        )}
        <div className="mt-2 flex flex-wrap gap-4">
          {options.map((o, i) => (
            <label key={o.value} className="flex items-center gap-2">
              {/* The first option carries the group's id: the error summary's link lands on it. */}
              <input id={i === 0 ? 'decision' : undefined} type="radio" name="decision" value={o.value} defaultChecked={state.decision === o.value} required />
              {o.label}
            </label>
          ))}
        </div>
        {decisionError && (
          <p id="decision-error" role="alert" className="mt-1 text-sm text-red-700">
            {decisionError}
          </p>
        )}
      </fieldset>
      {children}
      <div>
        <label htmlFor="reason" className="block font-medium">
          审核意见
        </label>
        <p id="reason-hint" className="text-sm text-slate-600">
          {audience}可以看到审核意见。{rejectLabel}
          {returnLabel ? `或${returnLabel}` : ''}时必须写明理由。
        </p>
        <textarea
          id="reason"
          name="reason"
          rows={4}
          maxLength={500}
          defaultValue={state.reason}
          aria-invalid={!!reasonError}
          aria-describedby={`reason-hint${reasonError ? ' reason-error' : ''}`}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {reasonError && (
          <p id="reason-error" className="mt-1 text-sm text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交审核结果'}
      </button>
    </form>
  );
}
