import type { InputHTMLAttributes } from 'react';

/**
 * A labelled text or password input for a form without react-hook-form, its hint and error linked with
 * aria-describedby (ids `<name>-hint`, `<name>-error`). Other input attributes pass through.
 */
export function PlainInput({
  name,
  label,
  hint,
  error,
  ...input
}: { name: string; label: string; hint?: string; error?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'>) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={name}
        name={name}
        {...input}
        aria-invalid={!!error}
        aria-describedby={describedBy || undefined}
        className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
