'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors, Field, FormAlert, inputClass } from '@/components/forms/field';
import { bondRangeMessage, type BondRule } from '@/lib/domain/contracts';
import { contractRegistrationSchema } from '@/lib/validation/contract';
import { ErrorSummary, hookFormItems, summaryItems, useSummary } from '@/components/forms/error-summary';
import { registerContractAction } from '../actions';

type Schema = ReturnType<typeof contractRegistrationSchema>;
type In = z.input<Schema>;
type Out = z.output<Schema>;

export function ContractForm({
  bondRule,
  groups,
  defaults,
}: {
  bondRule: BondRule;
  groups: { district: string; items: { id: string; name: string; served: boolean }[] }[];
  defaults: { projectId: string; startDate: string; endDate: string; annualFees: string; bondAmount: string };
}) {
  const schema = useMemo(() => contractRegistrationSchema(bondRule), [bondRule]);
  const form = useForm<In, unknown, Out>({ shouldFocusError: false, resolver: zodResolver(schema), defaultValues: defaults });
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const errors = form.formState.errors;
  // The error summary: what the last refused submit found (the browser's checks or the server's).
  const summary = useSummary();
  const fees = Number(useWatch({ control: form.control, name: 'annualFees' }));

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const r = await registerContractAction(values);
      // On success the action redirects; only failures come back.
      if (r && !r.ok) {
        const placed = applyFieldErrors(r.fieldErrors, form.setError);
        summary.show(summaryItems(r.fieldErrors));
        if (!placed || r.code !== 'INVALID') setFormError(r.message);
      }
    });
  }, (e) => summary.show(hookFormItems(e)));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-5 shadow-sm">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={formError} />
      <Field id="projectId" label="物业项目" error={errors.projectId?.message}>
        {(a) => (
          <select {...a} {...form.register('projectId')} className={inputClass}>
            <option value="">请选择物业项目</option>
            {groups.map((g) => (
              <optgroup key={g.district} label={g.district}>
                {g.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}（{g.district}）{p.served ? '〔本企业在服务〕' : ''}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="startDate" label="合同开始日期" error={errors.startDate?.message}>
          {(a) => <input {...a} type="date" {...form.register('startDate')} className={inputClass} />}
        </Field>
        <Field id="endDate" label="合同结束日期" error={errors.endDate?.message}>
          {(a) => <input {...a} type="date" {...form.register('endDate')} className={inputClass} />}
        </Field>
      </div>
      <Field id="annualFees" label="年物业费（元）" hint="一年的物业服务费总额" error={errors.annualFees?.message}>
        {(a) => <input {...a} inputMode="decimal" {...form.register('annualFees')} className={inputClass} />}
      </Field>
      <Field
        id="bondAmount"
        label="履约保证金（元）"
        hint={Number.isFinite(fees) && fees > 0 ? bondRangeMessage(fees, bondRule) : '填写年物业费后显示允许的范围'}
        error={errors.bondAmount?.message}
      >
        {(a) => <input {...a} inputMode="decimal" {...form.register('bondAmount')} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交登记'}
      </button>
    </form>
  );
}
