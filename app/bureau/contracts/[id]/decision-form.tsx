'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors, Field, FormAlert, inputClass } from '@/components/forms/field';
import { contractDecisionSchema } from '@/lib/validation/contract';
import { ErrorSummary, hookFormItems, summaryItems, useSummary } from '@/components/forms/error-summary';
import { decideContractAction } from '../actions';

type In = z.input<typeof contractDecisionSchema>;
type Out = z.output<typeof contractDecisionSchema>;

export function DecisionForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const form = useForm<In, unknown, Out>({ shouldFocusError: false, resolver: zodResolver(contractDecisionSchema), defaultValues: { id, version, decision: 'confirm', reason: '' } });
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  const errors = form.formState.errors;
  // The error summary: what the last refused submit found (the browser's checks or the server's).
  const summary = useSummary();

  const submitAs = (decision: 'confirm' | 'reject') => {
    form.setValue('decision', decision);
    void form.handleSubmit((values) =>
      startTransition(async () => {
        const r = await decideContractAction(values);
        if (r.ok) {
          setMessage({ text: r.data.status === 'confirmed' ? '已确认该合同。' : '已退回该合同。', tone: 'success' });
          router.refresh();
        } else {
          applyFieldErrors(r.fieldErrors, form.setError);
          summary.show(summaryItems(r.fieldErrors));
          setMessage({ text: r.message, tone: 'error' });
        }
      }),
      (e) => summary.show(hookFormItems(e)),
    )();
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-3">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="reason" label="理由" hint="不予确认时必填，将告知企业" error={errors.reason?.message}>
        {(a) => <textarea {...a} rows={3} {...form.register('reason')} className={inputClass} />}
      </Field>
      <div className="flex gap-3">
        <button type="button" disabled={pending} onClick={() => submitAs('confirm')} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
          确认合同
        </button>
        <button type="button" disabled={pending} onClick={() => submitAs('reject')} className="rounded border border-red-800 px-4 py-2 font-medium text-red-800 disabled:opacity-60">
          不予确认
        </button>
      </div>
    </form>
  );
}
