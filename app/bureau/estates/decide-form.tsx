'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/field';
import { decideProposalAction } from './actions';

/** The city confirms a district's proposal or returns it with a reason (a plain form: works without JavaScript). */
export function DecideForm({ id, version }: { id: string; version: number }) {
  const [state, action, pending] = useActionState(decideProposalAction, {});
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <form action={action} className="space-y-2">
      <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
      <FormAlert message={state.done ?? null} tone="success" />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`reason-${id}`} className="block text-sm font-medium">
        退回理由（退回时必填）
      </label>
      <textarea id={`reason-${id}`} name="reason" rows={2} maxLength={500} aria-invalid={!!reasonError} aria-describedby={reasonError ? `reason-${id}-error` : undefined} className="w-full rounded border border-slate-400 px-3 py-2" />
      {reasonError && (
        <p id={`reason-${id}-error`} className="text-sm text-red-700">
          {reasonError}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="decision" value="confirm" disabled={pending} className="min-h-11 rounded bg-emerald-700 px-4 py-2 text-white disabled:opacity-60">
          确认登记
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className="min-h-11 rounded border border-red-700 px-4 py-2 text-red-800 disabled:opacity-60">
          退回
        </button>
      </div>
    </form>
  );
}
