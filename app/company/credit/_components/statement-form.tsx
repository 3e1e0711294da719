'use client';

import { STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { ErrorSummary } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { setStatementAction, type StatementState } from '../actions';

/** The company's short public statement beside one record (SPEC §3.7); a blank statement removes it. */
export function StatementForm({ recordId, current }: { recordId: string; current: string | null }) {
  const { state, pending, formProps } = useFormAction<StatementState>(setStatementAction, {});
  const id = `statement-${recordId}`;
  const err = state.fieldError ?? (state.message && !state.saved ? state.message : undefined);
  return (
    <form {...formProps} className="mt-3 space-y-2">
      <ErrorSummary items={err ? [{ name: 'statement', fieldId: id, message: err }] : []} focusKey={state} />
      <input type="hidden" name="id" value={recordId} />
      <label htmlFor={id} className="block text-sm font-medium">
        企业声明（公开显示在该记录旁）
      </label>
      <p id={`${id}-hint`} className="text-xs text-slate-600">
        不超过 {STATEMENT_MAX_CHARS} 字，可说明整改情况或不同意见；清空后保存即撤回声明。
      </p>
      <textarea
        id={id}
        name="statement"
        rows={2}
        maxLength={STATEMENT_MAX_CHARS}
        defaultValue={state.statement ?? current ?? ''}
        key={state.saved ? `saved-${state.statement}` : 'edit'}
        aria-invalid={!!err}
        aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`}
        className="w-full rounded border border-slate-400 px-3 py-2 text-sm aria-[invalid=true]:border-red-700"
      />
      {err && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {err}
        </p>
      )}
      {state.saved && (
        <p role="status" className="text-sm text-emerald-800">
          {state.statement ? '声明已保存，已在公示页面该记录旁显示。' : '声明已撤回。'}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 disabled:opacity-60">
        {pending ? '正在保存…' : '保存声明'}
      </button>
    </form>
  );
}
