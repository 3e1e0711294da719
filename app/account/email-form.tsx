'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { PlainInput } from '@/components/forms/plain-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { setOwnEmailAction, type AccountEmailState } from './actions';

export function EmailForm({ current }: { current: string | null }) {
  const { state, pending, formProps } = useFormAction<AccountEmailState>(setOwnEmailAction, { values: { email: current ?? '' } });
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      {state.saved !== undefined && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          {state.saved ? `已保存：新消息将发送到 ${state.saved}` : '已清除邮箱，不再发送邮件'}
        </p>
      )}
      <PlainInput
        name="email"
        label="接收消息的邮箱（可不填）"
        hint="填写后，待办消息也会发送到这个邮箱；留空则只在平台内查看"
        error={state.fieldErrors?.email}
        type="email"
        autoComplete="email"
        defaultValue={state.values?.email ?? ''}
        key={state.values?.email ?? ''}
      />
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        保存邮箱
      </button>
    </form>
  );
}
