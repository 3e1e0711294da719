/**
 * The fields the credit-record forms have in common (type, estate, date, issuer, description, points, severity,
 * evidence, submit). Each form passes its own labels and hints and lays the fields out in its own order.
 */
import { inputClass } from '@/components/forms/field';
import { SEVERITIES, SEVERITY_HINTS } from '@/lib/domain/records';
import { controlProps, errorOf, FieldErr, FILE_ACCEPT, Hint, Label, type FormErrors } from './form-bits';

export interface RecordFormState extends FormErrors {
  values?: Record<string, string>;
}

interface FieldProps {
  state: RecordFormState;
  label: string;
  hint?: React.ReactNode;
}

/** A text field: label, optional hint, the control (given its id/name/aria props), and its error. */
function TextField({ state, name, label, hint, children }: FieldProps & { name: string; children: (props: ReturnType<typeof controlProps>) => React.ReactNode }) {
  return (
    <div>
      <Label name={name}>{label}</Label>
      {hint && <Hint name={name}>{hint}</Hint>}
      {children(controlProps(state, name, !!hint))}
      <FieldErr state={state} name={name} />
    </div>
  );
}

/** The record's type, free text with the usual ones suggested. */
export function TypeField({ state, label, hint, listId, suggestions }: FieldProps & { listId: string; suggestions: string[] }) {
  const v = state.values ?? {};
  return (
    <TextField state={state} name="type" label={label} hint={hint}>
      {(p) => (
        <>
          <input {...p} key={`t-${v.type}`} defaultValue={v.type} list={listId} required maxLength={60} className={inputClass} />
          <datalist id={listId}>
            {suggestions.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      )}
    </TextField>
  );
}

/** The estate: required (choose one) or optional (the company as a whole). */
export function EstateField({
  state,
  label,
  hint,
  estates,
  required = false,
}: FieldProps & { estates: { id: string; name: string; detail: string }[]; required?: boolean }) {
  const v = state.values ?? {};
  return (
    <TextField state={state} name="projectId" label={label} hint={hint}>
      {(p) => (
        <select {...p} key={`p-${v.projectId}`} defaultValue={v.projectId ?? ''} required={required} className={inputClass}>
          {required ? (
            <option value="" disabled>
              请选择
            </option>
          ) : (
            <option value="">不针对某个项目（企业整体）</option>
          )}
          {estates.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}（{e.detail}）
            </option>
          ))}
        </select>
      )}
    </TextField>
  );
}

/** When it happened (not after today). */
export function DateField({ state, label, today }: FieldProps & { today: string }) {
  const v = state.values ?? {};
  return (
    <TextField state={state} name="occurredOn" label={label}>
      {(p) => <input {...p} key={`o-${v.occurredOn}`} defaultValue={v.occurredOn} type="date" max={today} required className={inputClass} />}
    </TextField>
  );
}

/** Who issued it, and the document number. */
export function IssuerField({ state, label, hint, required = false }: FieldProps & { required?: boolean }) {
  const v = state.values ?? {};
  return (
    <TextField state={state} name="issuer" label={label} hint={hint}>
      {(p) => <input {...p} key={`i-${v.issuer}`} defaultValue={v.issuer} required={required} maxLength={100} className={inputClass} />}
    </TextField>
  );
}

/** What happened. */
export function DescriptionField({ state, label, hint }: FieldProps) {
  const v = state.values ?? {};
  return (
    <TextField state={state} name="description" label={label} hint={hint}>
      {(p) => <textarea {...p} key={`d-${v.description}`} defaultValue={v.description} required rows={4} maxLength={1000} className={inputClass} />}
    </TextField>
  );
}

/** Points, 0 to 20 in halves: `points` (confirmed) or `proposedPoints` (a reporter's proposal). */
export function PointsField({
  state,
  label,
  hint,
  name,
  fallback,
}: FieldProps & { name: 'points' | 'proposedPoints'; fallback?: string }) {
  const value = state.values?.[name];
  return (
    <TextField state={state} name={name} label={label} hint={hint}>
      {(p) => (
        <input
          {...p}
          key={`${name === 'points' ? 'pt' : 'pp'}-${value}`}
          defaultValue={value ?? fallback}
          type="number"
          min={0}
          max={20}
          step={0.5}
          required
          inputMode="decimal"
          className={inputClass}
        />
      )}
    </TextField>
  );
}

/** The severity (情节), which fixes a warning's publicity window. */
export function SeverityField({ state, legend, note, selected }: { state: RecordFormState; legend: string; note?: React.ReactNode; selected?: string | null }) {
  const severityError = errorOf(state, 'severity');
  return (
    <fieldset aria-describedby={severityError ? 'severity-error' : undefined}>
      <legend className="font-medium">{legend}</legend>
      {note && <p className="text-sm text-slate-600">{note}</p>}
      <div className="mt-1 space-y-1">
        {SEVERITIES.map((s) => (
          <label key={s} className="flex items-start gap-2">
            <input type="radio" name="severity" value={s} defaultChecked={selected === s} required className="mt-1" />
            <span>
              {s}
              <span className="block text-xs text-slate-600">{SEVERITY_HINTS[s]}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldErr state={state} name="severity" />
    </fieldset>
  );
}

/** Evidence files (PDF or images). */
export function EvidenceField({ state, label, hint, required = false }: FieldProps & { hint: React.ReactNode; required?: boolean }) {
  return (
    <TextField state={state} name="evidence" label={label} hint={hint}>
      {(p) => <input {...p} type="file" multiple required={required} accept={FILE_ACCEPT} className="mt-1 block" />}
    </TextField>
  );
}

/** The submit button, which says so while the form is being sent. */
export function SubmitButton({ pending, className, children }: { pending: boolean; className?: string; children: React.ReactNode }) {
  return (
    <button type="submit" disabled={pending} className={className ?? 'min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60'}>
      {pending ? '正在提交…' : children}
    </button>
  );
}
