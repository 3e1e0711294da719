'use client';

import { inputClass } from '@/components/forms/field';

/** What the record-objection forms get back from their server action. */
export interface FieldsState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

export function Err({ id, msg }: { id: string; msg?: string }) {
  return msg ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

export function a11yOf(state: FieldsState) {
  const e = (k: string) => state.fieldErrors?.[k]?.[0];
  const a11y = (k: string, hint?: string) => {
    const ids = [hint, e(k) ? `${k}-error` : null].filter(Boolean).join(' ');
    return { id: k, name: k, 'aria-invalid': !!e(k), 'aria-describedby': ids || undefined };
  };
  return { e, a11y };
}

export function ReasonAndEvidence({ state, reasonLabel = '哪些内容有误，理由是什么' }: { state: FieldsState; reasonLabel?: string }) {
  const { e, a11y } = a11yOf(state);
  const v = state.values;
  return (
    <>
      <div>
        <label htmlFor="reason" className="block font-medium">
          {reasonLabel}
        </label>
        <textarea {...a11y('reason')} key={`r-${v?.reason}`} defaultValue={v?.reason} required rows={4} maxLength={1000} className={inputClass} />
        <Err id="reason-error" msg={e('reason')} />
      </div>
      <div>
        <label htmlFor="evidence" className="block font-medium">
          书面证明材料（必填）
        </label>
        <p id="evidence-hint" className="text-sm text-slate-600">
          须提供书面证据：1 至 3 个 PDF 或图片文件，每个不超过 5 MB。图片会重新编码并去除拍摄位置等信息。同一记录的异议办结后再次提出，须提供此前未提交过的新材料。
        </p>
        <input {...a11y('evidence', 'evidence-hint')} type="file" multiple required accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
        <Err id="evidence-error" msg={e('evidence')} />
      </div>
    </>
  );
}

export function Submit({ pending, label = '提交异议' }: { pending: boolean; label?: string }) {
  return (
    <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
      {pending ? '正在提交…' : label}
    </button>
  );
}
