'use client';

import { useFormAction } from '@/components/forms/use-form-action';
import { withdrawFilingAction, type WithdrawState } from '../actions';

/** Works without JavaScript: a plain form posting to the server action. */
export function WithdrawForm({ submissionId, version, label }: { submissionId: string; version: number; label: string }) {
  const { state, pending, formProps } = useFormAction<WithdrawState>(withdrawFilingAction, {});
  return (
    <form {...formProps} className="inline-block">
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-4 py-2 text-red-800 disabled:opacity-60">
        {label}
      </button>
      {state.message && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
