'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { login, type LoginState } from './actions';

export function LoginForm({ next }: { next?: string }) {
  const { state, pending, formProps } = useFormAction<LoginState>(login, {});
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      {next && <input type="hidden" name="next" value={next} />}
      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <div>
        <label htmlFor="username" className="block font-medium">
          账号
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          defaultValue={state.username}
          required
          aria-invalid={!!state.fieldErrors?.username}
          aria-describedby={state.fieldErrors?.username ? 'username-error' : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {state.fieldErrors?.username && (
          <p id="username-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.username}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={!!state.fieldErrors?.password}
          aria-describedby={state.fieldErrors?.password ? 'password-error' : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
        {state.fieldErrors?.password && (
          <p id="password-error" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.password}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        登录
      </button>
    </form>
  );
}
