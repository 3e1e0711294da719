'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { inputClass } from '@/components/forms/field';
import { Err as FieldError } from './record-objection-fields';
import { CORRECTABLE_FIELDS, OBJECTION_FIELDS, type CorrectableField } from '@/lib/domain/objections';

export interface HandleState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
}
export type HandleAction = (prev: HandleState, formData: FormData) => Promise<HandleState>;

/** Alert and Hidden are shared with the record-objection handling forms (record-handling-forms). */
export function Alert({ state }: { state: HandleState }) {
  return state.message ? (
    <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
      {state.message}
    </p>
  ) : null;
}

export function Hidden({ caseId, version, action }: { caseId: string; version: number; action: string }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

/** 开始核实: the objector's tracking page shows the case as under verification. */
export function VerifyForm({ caseId, version, act }: { caseId: string; version: number; act: HandleAction }) {
  const { state, pending, formProps } = useFormAction<HandleState>(act, {});
  return (
    <form {...formProps} className="space-y-2">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <Hidden caseId={caseId} version={version} action="verify" />
      <Alert state={state} />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 disabled:opacity-60">
        开始核实
      </button>
    </form>
  );
}

/** 更正信息: one item, its new value and a note that the objector sees. */
export function CorrectForm({
  caseId,
  version,
  act,
  defaultField,
  fields = CORRECTABLE_FIELDS,
  hint,
}: {
  caseId: string;
  version: number;
  act: HandleAction;
  defaultField: CorrectableField | null;
  /** The items this handler may correct on this case. */
  fields?: readonly CorrectableField[];
  /** Said above the button, e.g. that the correction waits for the district. */
  hint?: string;
}) {
  const { state, pending, formProps } = useFormAction<HandleState>(act, {});
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <form {...formProps} className="space-y-3" aria-labelledby="correct-heading">
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <h3 id="correct-heading" className="font-semibold">
        更正信息
      </h3>
      <Hidden caseId={caseId} version={version} action="correct" />
      <Alert state={state} />
      <div>
        <label htmlFor="correct-field" className="block font-medium">
          更正的信息项
        </label>
        <select id="correct-field" name="field" defaultValue={defaultField ?? ''} required aria-invalid={!!err('field')} aria-describedby={err('field') ? 'correct-field-error' : undefined} className={inputClass}>
          <option value="" disabled>
            请选择
          </option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {OBJECTION_FIELDS[f]}
            </option>
          ))}
        </select>
        <FieldError id="correct-field-error" msg={err('field')} />
      </div>
      <div>
        <label htmlFor="correct-value" className="block font-medium">
          更正后的内容
        </label>
        <p id="correct-value-hint" className="text-sm text-slate-600">
          民族、政治面貌、学历、岗位请填写标准名称；日期按“年-月-日”填写。
        </p>
        <input id="correct-value" name="value" maxLength={200} aria-invalid={!!err('value')} aria-describedby={`correct-value-hint${err('value') ? ' correct-value-error' : ''}`} className={inputClass} />
        <FieldError id="correct-value-error" msg={err('value')} />
      </div>
      <div>
        <label htmlFor="correct-note" className="block font-medium">
          更正说明（异议人可以看到）
        </label>
        <textarea id="correct-note" name="note" rows={3} maxLength={1000} required aria-invalid={!!err('note')} aria-describedby={err('note') ? 'correct-note-error' : undefined} className={inputClass} />
        <FieldError id="correct-note-error" msg={err('note')} />
      </div>
      {hint && <p className="text-sm text-slate-700">{hint}</p>}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        确认更正
      </button>
    </form>
  );
}

/** 维持原信息 (维持原记录 for a record): the explanation the objector sees. */
export function DismissForm({
  caseId,
  version,
  act,
  heading = '维持原信息',
  submitLabel = '维持原信息并说明理由',
  actionName = 'dismiss',
  noteLabel = '理由（异议人可以看到）',
}: {
  caseId: string;
  version: number;
  act: HandleAction;
  heading?: string;
  submitLabel?: string;
  /** The same form for other steps that only take a note (the district's approve / reject of a proposal). */
  actionName?: 'dismiss' | 'approve' | 'reject';
  noteLabel?: string;
}) {
  const { state, pending, formProps } = useFormAction<HandleState>(act, {});
  const err = state.fieldErrors?.note?.[0];
  return (
    <form {...formProps} className="space-y-3" aria-labelledby={`${actionName}-heading`}>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <h3 id={`${actionName}-heading`} className="font-semibold">
        {heading}
      </h3>
      <Hidden caseId={caseId} version={version} action={actionName} />
      <Alert state={state} />
      <div>
        <label htmlFor={`${actionName}-note`} className="block font-medium">
          {noteLabel}
        </label>
        <textarea id={`${actionName}-note`} name="note" rows={3} maxLength={1000} required aria-invalid={!!err} aria-describedby={err ? `${actionName}-note-error` : undefined} className={inputClass} />
        <FieldError id={`${actionName}-note-error`} msg={err} />
      </div>
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-4 py-2 font-medium disabled:opacity-60">
        {submitLabel}
      </button>
    </form>
  );
}
