/**
 * Small pieces shared by the credit-record forms (plain multipart forms posting to server actions, so they work
 * without JavaScript): each control gets its id, name and the ids of its hint and error.
 */
export interface FormErrors {
  fieldErrors?: Record<string, string[]>;
}

export function errorOf(state: FormErrors, name: string): string | undefined {
  return state.fieldErrors?.[name]?.[0];
}

export function controlProps(state: FormErrors, name: string, hint?: boolean) {
  const err = errorOf(state, name);
  const describedBy = [hint ? `${name}-hint` : null, err ? `${name}-error` : null].filter(Boolean).join(' ');
  return { id: name, name, 'aria-invalid': !!err, 'aria-describedby': describedBy || undefined };
}

export function Hint({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <p id={`${name}-hint`} className="text-sm text-slate-600">
      {children}
    </p>
  );
}

export function FieldErr({ state, name }: { state: FormErrors; name: string }) {
  const err = errorOf(state, name);
  return err ? (
    <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
      {err}
    </p>
  ) : null;
}

export function Label({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <label htmlFor={name} className="block font-medium">
      {children}
    </label>
  );
}

export const FILE_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp';
