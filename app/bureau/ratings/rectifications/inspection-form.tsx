'use client';
/** The inspection of one estate in its rectification period (DW 14 (三)): result and note, as a plain form. */
import { RECTIFICATION_RESULT_LABELS, RECTIFICATION_RESULTS } from '@/lib/validation/ratings';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { inspectRectificationAction, type InspectionFormState } from '../actions';

export function InspectionForm({ entryId, projectName }: { entryId: string; projectName: string }) {
  const { state, pending, formProps } = useFormAction<InspectionFormState>(inspectRectificationAction, {});
  if (state.done) {
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
        {state.done}
      </p>
    );
  }
  const id = `insp-${entryId}`;
  const resultError = state.fieldErrors?.result?.[0];
  const noteError = state.fieldErrors?.note?.[0];
  return (
    <form {...formProps} className="space-y-2">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="seenStatus" value="rectifying" />
      {state.message && !resultError && !noteError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <fieldset aria-describedby={resultError ? `${id}-result-error` : undefined}>
        <legend className="font-medium">{projectName} 复查结果</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {RECTIFICATION_RESULTS.map((r) => (
            <label key={r} className="flex items-center gap-2">
              <input type="radio" name="result" value={r} required />
              {RECTIFICATION_RESULT_LABELS[r]}
            </label>
          ))}
        </div>
        {resultError && (
          <p id={`${id}-result-error`} className="mt-1 text-sm text-red-700">
            {resultError}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor={`${id}-note`} className="block font-medium">
          复查情况
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          required
          aria-invalid={!!noteError}
          aria-describedby={noteError ? `${id}-note-error` : undefined}
          className="mt-1 w-full max-w-xl rounded border border-slate-400 px-3 py-2"
        />
        {noteError && (
          <p id={`${id}-note-error`} className="mt-1 text-sm text-red-700">
            {noteError}
          </p>
        )}
      </div>
      <p className="text-sm text-slate-700">
        整改合格的，移出黑榜，结束重点监管，并记录“整改合格（晋升信用等级）”标记一年（第十四条（三）2）。整改不合格或拒不整改的，项目转为市场禁入（黑榜），并建议企业退出物业服务市场。
      </p>
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '记录复查结果'}
      </button>
    </form>
  );
}
