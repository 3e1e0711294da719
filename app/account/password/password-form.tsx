'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
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
      {FIELDS.map((f) => {
        const error = state.fieldErrors?.[f.name];
        const describedBy = [('hint' in f && f.hint) ? `${f.name}-hint` : null, error ? `${f.name}-error` : null].filter(Boolean).join(' ');
        return (
          <div key={f.name}>
            <label htmlFor={f.name} className="block font-medium">
              {f.label}
            </label>
            {'hint' in f && f.hint && (
              <p id={`${f.name}-hint`} className="text-sm text-slate-600">
                {f.hint}
              </p>
            )}
            <input
              id={f.name}
              name={f.name}
              type="password"
              autoComplete={f.autoComplete}
              required
              aria-invalid={!!error}
              aria-describedby={describedBy || undefined}
              className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
            />
            {error && (
              <p id={`${f.name}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        修改密码
      </button>
    </form>
  );
}
