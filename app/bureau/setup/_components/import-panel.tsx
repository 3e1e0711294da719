'use client';

import { useActionState, useId } from 'react';
import { FormAlert } from '@/components/forms/field';

export interface ImportRow {
  row: number;
  label: string;
  outcome: 'insert' | 'rename' | 'update' | 'unchanged' | 'refused';
  errors: { column: string; message: string }[];
}

export interface ImportState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  report?: {
    confirmed: boolean;
    counts: { total: number; refused: number; inserted: number; updated: number; unchanged: number };
    rows: ImportRow[];
    /** The rows read by the preview, posted back by the confirmation; empty when there is nothing to confirm. */
    rowsJson: string;
  };
}

const OUTCOME: Record<ImportRow['outcome'], string> = { insert: '新增', rename: '更新名称', update: '更新', unchanged: '不变', refused: '未通过' };
const SHOWN = 300;

/**
 * Upload → the row-by-row report (nothing written) → “确认导入” posts the checked rows back → written in one
 * transaction. Works without JavaScript (plain form posts to the server action).
 */
export function ImportPanel({ action, fileLabel, what }: { action: (s: ImportState, fd: FormData) => Promise<ImportState>; fileLabel: string; what: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  const r = state.report;
  const fileError = state.fieldErrors?.file?.[0];
  const rows = r ? [...r.rows.filter((x) => x.outcome === 'refused'), ...r.rows.filter((x) => x.outcome !== 'refused')].slice(0, SHOWN) : [];
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" aria-busy={pending}>
        <FormAlert message={state.message && !fileError ? state.message : null} />
        <div>
          <label htmlFor={`${id}-file`} className="block font-medium">
            {fileLabel}
          </label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={!!fileError}
            aria-describedby={fileError ? `${id}-file-error` : undefined}
            className="mt-1 block max-w-full"
          />
          {fileError && (
            <p id={`${id}-file-error`} className="mt-1 text-sm text-red-700">
              {fileError}
            </p>
          )}
        </div>
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
          上传并逐行检查
        </button>
      </form>

      {r && (
        <section aria-label={`${what}检查结果`} className="space-y-3">
          <p role="status" className={`rounded px-3 py-2 ${r.counts.refused ? 'bg-red-50 text-red-900' : 'bg-emerald-50 text-emerald-950'}`}>
            {r.confirmed ? `已导入${what}：` : r.counts.refused ? `有 ${r.counts.refused} 行未通过检查，尚未导入任何${what}。请修改后重新上传。` : `检查通过，尚未写入。确认后将：`}
            {!r.counts.refused && `新增 ${r.counts.inserted} 个，更新 ${r.counts.updated} 个，${r.counts.unchanged} 个不变（共 ${r.counts.total} 行）。`}
          </p>
          {r.rowsJson && (
            <form action={formAction}>
              <input type="hidden" name="rowsJson" value={r.rowsJson} />
              <input type="hidden" name="confirm" value="1" />
              <button type="submit" disabled={pending} className="min-h-11 rounded bg-emerald-700 px-5 py-2 font-medium text-white disabled:opacity-60">
                确认导入（新增 {r.counts.inserted}、更新 {r.counts.updated}）
              </button>
            </form>
          )}
          <ul className="divide-y divide-slate-200 rounded border border-slate-200">
            {rows.map((x) => (
              <li key={x.row} className="flex flex-wrap gap-x-3 px-3 py-2 text-sm">
                <span className="w-16 shrink-0 text-slate-600">第 {x.row} 行</span>
                <span className="min-w-0 flex-1 break-words">{x.label}</span>
                <span className={x.outcome === 'refused' ? 'font-medium text-red-800' : 'text-slate-700'}>{OUTCOME[x.outcome]}</span>
                {x.errors.length > 0 && (
                  <ul className="basis-full list-disc pl-5 text-red-800">
                    {x.errors.map((e, i) => (
                      <li key={i}>
                        {e.column}：{e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {r.rows.length > SHOWN && <p className="text-sm text-slate-600">只列出前 {SHOWN} 行（未通过的行在前）。</p>}
        </section>
      )}
    </div>
  );
}
