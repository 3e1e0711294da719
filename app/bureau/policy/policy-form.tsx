'use client';
/** The current credit-policy settings as a plain form (works without JavaScript); saving makes a new version. */
import { POLICY_GROUPS, POLICY_REASON_MAX, POLICY_REASON_MIN } from '@/lib/domain/credit-policy-edit';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { savePolicyAction, type PolicyFormState } from './actions';

const fieldId = (path: string) => `p-${path.replace(/\./g, '-')}`;

export function PolicyForm({ baseVersion, values }: { baseVersion: number; values: Record<string, string> }) {
  const { state, pending, formProps } = useFormAction<PolicyFormState>(savePolicyAction, {});
  // After an error the form shows what was sent; after a save (or on first load) the current version.
  const v = state.values && !state.saved ? state.values : values;
  const formError = state.fieldErrors?._form?.[0];
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <form {...formProps} noValidate className="space-y-6" key={`${baseVersion}-${state.saved ?? ''}`}>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      {state.saved && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已保存为第 {state.saved} 版。
        </p>
      )}
      {state.message && !state.saved && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {formError ?? state.message}
        </p>
      )}
      {POLICY_GROUPS.map((g) => (
        <fieldset key={g.title} className="rounded border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold">{g.title}</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {g.fields.map((f) => {
              const id = fieldId(f.path);
              const error = state.fieldErrors?.[f.path]?.[0];
              const describedBy = [f.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
              if (f.kind === 'boolean') {
                return (
                  <div key={f.path}>
                    <label className="flex items-center gap-2 font-medium">
                      <input type="checkbox" id={id} name={f.path} defaultChecked={v[f.path] === 'on'} aria-describedby={describedBy} />
                      {f.label}
                      <span className="text-xs font-normal text-slate-600">（依据：{f.source}）</span>
                    </label>
                    {error && (
                      <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                        {error}
                      </p>
                    )}
                  </div>
                );
              }
              return (
                <div key={f.path}>
                  <label htmlFor={id} className="block font-medium">
                    {f.label}
                    <span className="ml-1 text-xs font-normal text-slate-600">（{f.unit}；依据：{f.source}）</span>
                  </label>
                  {f.hint && (
                    <p id={`${id}-hint`} className="text-sm text-slate-600">
                      {f.hint}
                    </p>
                  )}
                  <div className="mt-1 flex items-center gap-2">
                    <input
                      id={id}
                      name={f.path}
                      type="text"
                      inputMode={f.kind === 'int' ? 'numeric' : 'decimal'}
                      defaultValue={v[f.path] ?? ''}
                      aria-invalid={!!error}
                      aria-describedby={describedBy}
                      className="w-40 rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
                    />
                    <span aria-hidden="true">{f.unit}</span>
                  </div>
                  {error && (
                    <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                      {error}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
      <div>
        <label htmlFor="policy-reason" className="block font-medium">
          修改原因（必填）
        </label>
        <p id="policy-reason-hint" className="text-sm text-slate-600">
          {POLICY_REASON_MIN}–{POLICY_REASON_MAX} 个字，记入版本历史和审计日志，例如所依据的文件。
        </p>
        <textarea
          id="policy-reason"
          name="reason"
          rows={3}
          required
          maxLength={POLICY_REASON_MAX}
          defaultValue={state.saved ? '' : (state.values?.reason ?? '')}
          aria-invalid={!!reasonError}
          aria-describedby={['policy-reason-hint', reasonError ? 'policy-reason-error' : null].filter(Boolean).join(' ')}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        {reasonError && (
          <p id="policy-reason-error" className="mt-1 text-sm text-red-700">
            {reasonError}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60">
        {pending ? '正在保存…' : '保存为新版本'}
      </button>
    </form>
  );
}
