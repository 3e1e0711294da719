'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, useTransition } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { applyFieldErrors, Field, FormAlert, inputClass } from '@/components/forms/field';
import { boardSaveSchema } from '@/lib/validation/board';
import { ErrorSummary, hookFormItems, summaryItems, useSummary } from '@/components/forms/error-summary';
import { saveBoardAction } from '../../actions';

type In = z.input<typeof boardSaveSchema>;
type Out = z.output<typeof boardSaveSchema>;

const TEXTS: { name: FieldPath<In>; label: string; area?: boolean; hint?: string }[] = [
  { name: 'data.managerName', label: '项目负责人' },
  { name: 'data.managerPhone', label: '项目负责人电话' },
  { name: 'data.complaintPhone', label: '投诉电话' },
  { name: 'data.serviceContent', label: '服务内容', area: true },
  { name: 'data.serviceStandard', label: '服务标准', area: true },
];

const AFTER_FEES: { name: FieldPath<In>; label: string; area?: boolean; hint?: string }[] = [
  { name: 'data.elevatorMaintenance.unit', label: '电梯维保单位', hint: '无电梯的请填写“本项目无电梯”' },
  { name: 'data.elevatorMaintenance.contact', label: '电梯维保联系电话' },
  { name: 'data.fireMaintenance.unit', label: '消防维保单位' },
  { name: 'data.fireMaintenance.contact', label: '消防维保联系电话' },
  { name: 'data.parking', label: '车位使用情况', area: true },
  { name: 'data.sharedUtilities', label: '公共水电分摊情况', area: true },
  { name: 'data.commonRevenue.income', label: '公共收益收入', area: true },
  { name: 'data.commonRevenue.spending', label: '公共收益支出', area: true },
  { name: 'data.maintenanceFund', label: '专项维修资金使用情况', area: true },
  { name: 'data.elevatorSpending', label: '电梯维保支出', area: true, hint: '无电梯的请填写“无”' },
];

const idOf = (name: string) => name.replace(/\./g, '-');

function errorAt(errors: unknown, name: string): string | undefined {
  let e: unknown = errors;
  for (const k of name.split('.')) e = (e as Record<string, unknown> | undefined)?.[k];
  return (e as { message?: string } | undefined)?.message;
}

export function BoardForm({ projectId, baseVersion, defaults }: { projectId: string; baseVersion: number; defaults: In['data'] }) {
  const form = useForm<In, unknown, Out>({ shouldFocusError: false, resolver: zodResolver(boardSaveSchema), defaultValues: { projectId, baseVersion, data: defaults } });
  const fees = useFieldArray({ control: form.control, name: 'data.fees' });
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const errors = form.formState.errors;
  // The error summary: what the last refused submit found (the browser's checks or the server's).
  const summary = useSummary();

  const onSubmit = form.handleSubmit((values) => {
    setFormError(null);
    startTransition(async () => {
      const r = await saveBoardAction(values);
      if (r && !r.ok) {
        const placed = applyFieldErrors(r.fieldErrors, form.setError);
        summary.show(summaryItems(r.fieldErrors));
        if (!placed || r.code !== 'INVALID') setFormError(r.message);
      }
    });
  }, (e) => summary.show(hookFormItems(e)));

  const textField = (f: { name: FieldPath<In>; label: string; area?: boolean; hint?: string }) => (
    <Field key={f.name} id={idOf(f.name)} label={f.label} hint={f.hint} error={errorAt(errors, f.name)}>
      {(a) => (f.area ? <textarea {...a} rows={3} {...form.register(f.name)} className={inputClass} /> : <input {...a} {...form.register(f.name)} className={inputClass} />)}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-5 shadow-sm">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={formError} />
      {TEXTS.map(textField)}
      <fieldset className="space-y-3 rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">收费项目及标准</legend>
        {errorAt(errors, 'data.fees') && (
          <p id="data-fees-error" role="alert" className="text-sm text-red-700">
            {errorAt(errors, 'data.fees')}
          </p>
        )}
        {fees.fields.map((row, i) => (
          <div key={row.id} className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
            <Field id={`data-fees-${i}-item`} label={`收费项目 ${i + 1}`} error={errorAt(errors, `data.fees.${i}.item`)}>
              {(a) => <input {...a} {...form.register(`data.fees.${i}.item`)} className={inputClass} />}
            </Field>
            <Field id={`data-fees-${i}-standard`} label={`收费标准 ${i + 1}`} error={errorAt(errors, `data.fees.${i}.standard`)}>
              {(a) => <input {...a} {...form.register(`data.fees.${i}.standard`)} className={inputClass} />}
            </Field>
            <button type="button" onClick={() => fees.remove(i)} className="rounded border border-slate-400 px-3 py-2">
              删除<span className="sr-only">收费项目 {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" onClick={() => fees.append({ item: '', standard: '' })} className="rounded border border-brand-700 px-3 py-1 text-brand-700">
          添加收费项目
        </button>
      </fieldset>
      {AFTER_FEES.map(textField)}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在发布…' : '发布新版本'}
      </button>
    </form>
  );
}
