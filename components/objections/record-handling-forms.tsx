'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { inputClass } from '@/components/forms/field';
import { SEVERITIES } from '@/lib/domain/records';
import { Alert, DismissForm, Hidden, type HandleAction as Action, type HandleState } from './handling-forms';
import { Err as FieldError } from './record-objection-fields';

export interface CorrectableValues {
  type: string;
  description: string;
  /** Present for credit warning records only. */
  severity?: string | null;
  /** Present for credit records only (as shown, e.g. "3"). */
  points?: string | null;
  /** Staff records: the closed list of types of the record's kind. */
  types?: readonly string[];
}

/**
 * 更正记录: the record's current values, to be changed where the verification found them wrong. Only the items
 * that change are published as the correction, with the reason.
 */
export function RecordCorrectForm({ caseId, version, act, current }: { caseId: string; version: number; act: Action; current: CorrectableValues }) {
  const { state, pending, formProps } = useFormAction<HandleState>(act, {});
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const a11y = (k: string, hint?: string) => ({
    id: `correct-${k}`,
    name: k,
    'aria-invalid': !!err(k),
    'aria-describedby': [hint, err(k) ? `correct-${k}-error` : null].filter(Boolean).join(' ') || undefined,
  });
  return (
    <form {...formProps} className="space-y-3" aria-labelledby="correct-heading">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <h3 id="correct-heading" className="font-semibold">
        更正记录
      </h3>
      <p id="correct-hint" className="text-sm text-slate-600">
        只修改核查认定有误的项目。更正内容（原内容、更正后内容、理由、日期）将与记录一并公开，不会悄悄修改。
      </p>
      <Hidden caseId={caseId} version={version} action="correct" />
      <Alert state={state} />
      <div>
        <label htmlFor="correct-type" className="block font-medium">
          类型
        </label>
        {current.types ? (
          <select {...a11y('type')} defaultValue={current.type} className={inputClass}>
            {current.types.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        ) : (
          <input {...a11y('type')} defaultValue={current.type} maxLength={100} className={inputClass} />
        )}
        <FieldError id="correct-type-error" msg={err('type')} />
      </div>
      <div>
        <label htmlFor="correct-description" className="block font-medium">
          事实描述
        </label>
        <textarea {...a11y('description')} defaultValue={current.description} rows={3} maxLength={1000} className={inputClass} />
        <FieldError id="correct-description-error" msg={err('description')} />
      </div>
      {current.severity !== undefined && (
        <div>
          <label htmlFor="correct-severity" className="block font-medium">
            严重程度
          </label>
          <p id="correct-severity-hint" className="text-sm text-slate-600">
            严重程度决定公示期，更正后按该记录适用的信用政策版本重新计算。
          </p>
          <select {...a11y('severity', 'correct-severity-hint')} defaultValue={current.severity ?? ''} className={inputClass}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <FieldError id="correct-severity-error" msg={err('severity')} />
        </div>
      )}
      {current.points !== undefined && (
        <div>
          <label htmlFor="correct-points" className="block font-medium">
            分值
          </label>
          <input {...a11y('points')} defaultValue={current.points ?? ''} inputMode="decimal" className={inputClass} />
          <FieldError id="correct-points-error" msg={err('points')} />
        </div>
      )}
      <div>
        <label htmlFor="correct-note" className="block font-medium">
          更正理由（公开）
        </label>
        <textarea {...a11y('note')} rows={3} maxLength={1000} required className={inputClass} />
        <FieldError id="correct-note-error" msg={err('note')} />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        确认更正
      </button>
    </form>
  );
}

/** 撤销记录: the record is found wrong as a whole; it leaves public view and stops counting. */
export function RevokeForm({ caseId, version, act }: { caseId: string; version: number; act: Action }) {
  const { state, pending, formProps } = useFormAction<HandleState>(act, {});
  const err = state.fieldErrors?.note?.[0];
  return (
    <form {...formProps} className="space-y-3" aria-labelledby="revoke-heading">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <h3 id="revoke-heading" className="font-semibold">
        撤销记录
      </h3>
      <p id="revoke-hint" className="text-sm text-slate-600">
        核查认定该记录整体不成立时使用：记录不再公示、不再计入信用评价，公开页面显示撤销说明。
      </p>
      <Hidden caseId={caseId} version={version} action="revoke" />
      <Alert state={state} />
      <div>
        <label htmlFor="revoke-note" className="block font-medium">
          撤销理由（公开）
        </label>
        <textarea
          id="revoke-note"
          name="note"
          rows={3}
          maxLength={1000}
          required
          aria-invalid={!!err}
          aria-describedby={`revoke-hint${err ? ' revoke-note-error' : ''}`}
          className={inputClass}
        />
        <FieldError id="revoke-note-error" msg={err} />
      </div>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-4 py-2 font-medium text-red-800 disabled:opacity-60">
        撤销该记录
      </button>
    </form>
  );
}

/** 维持原记录: the explanation the objector sees. */
export function RecordDismissForm({ caseId, version, act }: { caseId: string; version: number; act: Action }) {
  return <DismissForm caseId={caseId} version={version} act={act} heading="维持原记录" submitLabel="维持原记录并说明理由" />;
}
