'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, FormAlert, inputClass } from '@/components/forms/field';
import { earlyExitSchema, nonRenewalNoticeSchema } from '@/lib/validation/contract';
import { ErrorSummary } from '@/components/forms/error-summary';
import { useHookFormSubmit } from '@/components/forms/use-hook-form-submit';
import { fileNonRenewalNoticeAction, recordEarlyExitAction } from '../../actions';

export function NoticeForm({ contractId, version, today }: { contractId: string; version: number; today: string }) {
  const form = useForm<z.input<typeof nonRenewalNoticeSchema>, unknown, z.output<typeof nonRenewalNoticeSchema>>({
    resolver: zodResolver(nonRenewalNoticeSchema),
    defaultValues: { contractId, version, noticeOn: today, note: '' },
  });
  const errors = form.formState.errors;
  const { pending, message, summary, submit } = useHookFormSubmit(form);
  const onSubmit = submit(fileNonRenewalNoticeAction, (data) =>
    data.late ? `已登记。告知晚于规定期限，不足 ${data.daysShort} 天，已标记为逾期告知。` : '已登记，告知在规定期限内。',
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="noticeOn" label="书面告知日期" error={errors.noticeOn?.message}>
        {(a) => <input {...a} type="date" {...form.register('noticeOn')} className={inputClass} />}
      </Field>
      <Field id="note" label="说明（可选）" hint="如告知方式、送达对象" error={errors.note?.message}>
        {(a) => <textarea {...a} rows={2} {...form.register('note')} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        登记不续约告知
      </button>
    </form>
  );
}

export function ExitForm({ contractId, version, today }: { contractId: string; version: number; today: string }) {
  const form = useForm<z.input<typeof earlyExitSchema>, unknown, z.output<typeof earlyExitSchema>>({
    resolver: zodResolver(earlyExitSchema),
    defaultValues: { contractId, version, exitedOn: today, reason: '', handoverDone: false },
  });
  const errors = form.formState.errors;
  const { pending, message, summary, submit } = useHookFormSubmit(form);
  const onSubmit = submit(recordEarlyExitAction, () => '已登记提前撤出，合同已终止。');
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <Field id="exitedOn" label="撤出日期" error={errors.exitedOn?.message}>
        {(a) => <input {...a} type="date" {...form.register('exitedOn')} className={inputClass} />}
      </Field>
      <Field id="reason" label="撤出原因" error={errors.reason?.message}>
        {(a) => <textarea {...a} rows={3} {...form.register('reason')} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2">
        <input id="handoverDone" type="checkbox" {...form.register('handoverDone')} className="h-4 w-4" />
        <label htmlFor="handoverDone">已与业主委员会或新物业服务企业完成交接</label>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        登记提前撤出
      </button>
    </form>
  );
}
