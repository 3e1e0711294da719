'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { PlainInput } from '@/components/forms/plain-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { changePassword, type ChangePasswordState } from './actions';

const FIELDS = [
  { name: 'current', label: '当前密码', autoComplete: 'current-password' },
  { name: 'next', label: '新密码', autoComplete: 'new-password', hint: '至少 12 位，须同时包含字母和数字；不能是常见密码（如常用词加年份、键盘顺序），不能包含账号名' },
  { name: 'confirm', label: '再次输入新密码', autoComplete: 'new-password' },
] as const;

export function PasswordForm() {
  const { state, pending, formProps } = useFormAction<ChangePasswordState>(changePassword, {});
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      {FIELDS.map((f) => (
        <PlainInput
          key={f.name}
          name={f.name}
          label={f.label}
          hint={'hint' in f ? f.hint : undefined}
          error={state.fieldErrors?.[f.name]}
          type="password"
          autoComplete={f.autoComplete}
          required
        />
      ))}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        修改密码
      </button>
    </form>
  );
}
