'use client';

import { useActionState } from 'react';
import { decideStaffAction, type StaffDecideState } from './actions';

const OPTIONS = [
  { value: 'approved', label: '审核通过' },
  { value: 'returned', label: '退回修改' },
  { value: 'rejected', label: '不予通过' },
] as const;

export function StaffDecisionForm({ id, version, approveBlocked }: { id: string; version: number; approveBlocked: string | null }) {
  const [state, action, pending] = useActionState<StaffDecideState, FormData>(decideStaffAction, {});
  const decisionError = state.fieldErrors?.decision?.[0];
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
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
          {OPTIONS.map((o) => (
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
          企业可以看到审核意见。不予通过或退回修改时必须写明理由。
        </p>
        <textarea
          id="reason"
          name="reason"
          rows={3}
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
