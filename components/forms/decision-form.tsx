'use client';
/**
 * A bureau's approve / return / reject decision with a reason, as a plain form (works without JavaScript). The
 * page passes its server action, the hidden fields that name the submission and its version, and the words for
 * approving and rejecting that fit the submission (准予备案 / 审核通过 …).
 */
import { useActionState } from 'react';

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
  allowReturn = true,
}: {
  action: (prev: DecideState, fd: FormData) => Promise<DecideState>;
  hidden: Record<string, string | number>;
  approveLabel: string;
  rejectLabel: string;
  approveBlocked: string | null;
  /** Whether "退回修改" is offered (a decision that is final either way, e.g. credit repair, has no return). */
  allowReturn?: boolean;
}) {
  const [state, action, pending] = useActionState<DecideState, FormData>(decide, {});
  const decisionError = state.fieldErrors?.decision?.[0];
  const reasonError = state.fieldErrors?.reason?.[0];
  const options = [
    { value: 'approved', label: approveLabel },
    ...(allowReturn ? [{ value: 'returned', label: '退回修改' }] : []),
    { value: 'rejected', label: rejectLabel },
  ];
  return (
    <form action={action} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message && !decisionError && !reasonError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
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
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2">
              <input type="radio" name="decision" value={o.value} defaultChecked={state.decision === o.value} required />
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
      <div>
        <label htmlFor="reason" className="block font-medium">
          审核意见
        </label>
        <p id="reason-hint" className="text-sm text-slate-600">
          企业可以看到审核意见。{rejectLabel}
          {allowReturn ? '或退回修改' : ''}时必须写明理由。
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
