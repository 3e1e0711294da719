'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, FormAlert, inputClass } from '@/components/forms/field';
import { contractDecisionSchema } from '@/lib/validation/contract';
import { ErrorSummary } from '@/components/forms/error-summary';
import { useHookFormSubmit } from '@/components/forms/use-hook-form-submit';
import { decideContractAction } from '../actions';

type In = z.input<typeof contractDecisionSchema>;
type Out = z.output<typeof contractDecisionSchema>;

export function DecisionForm({ id, version }: { id: string; version: number }) {
  const form = useForm<In, unknown, Out>({ shouldFocusError: false, resolver: zodResolver(contractDecisionSchema), defaultValues: { id, version, decision: 'confirm', reason: '' } });
  const errors = form.formState.errors;
  const { pending, message, summary, submit } = useHookFormSubmit(form);

  const submitAs = (decision: 'confirm' | 'reject') => {
    form.setValue('decision', decision);
    void submit(decideContractAction, (data) => (data.status === 'confirmed' ? '已确认该合同。' : '已退回该合同。'))();
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
