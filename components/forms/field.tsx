/**
 * A labelled form field whose hint and error are linked to the control with aria-describedby. The control is
 * passed as a render function so that it receives the ids (react-hook-form's register() spreads onto it).
 */
export interface FieldA11y {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  children: (a11y: FieldA11y) => React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy || undefined })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass = 'mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700';

/** Puts a server action's field errors back on the form (react-hook-form setError). */
export function applyFieldErrors(
  fieldErrors: Record<string, string[]> | undefined,
  setError: (name: never, error: { type: string; message: string }) => void,
): boolean {
  let any = false;
  for (const [name, messages] of Object.entries(fieldErrors ?? {})) {
    if (name === '_form' || !messages[0]) continue;
    setError(name as never, { type: 'server', message: messages[0] });
    any = true;
  }
  return any;
}

export function FormAlert({ message, tone = 'error' }: { message: string | null; tone?: 'error' | 'success' }) {
  if (!message) return null;
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`rounded px-3 py-2 ${tone === 'error' ? 'bg-red-50 text-red-900' : 'bg-green-50 text-green-900'}`}>
      {message}
    </p>
  );
}
