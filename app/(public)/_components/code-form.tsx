import { inputClass } from '@/components/forms/field';

/**
 * A plain GET form for a code copied from paper (objection tracking codes, notice and letter numbers): one field
 * named `code`, its hint, the error at the field. Works without JavaScript; the page normalises what was typed.
 */
export function CodeForm({ action, label, hint, button, typed, error }: { action: string; label: string; hint: React.ReactNode; button: string; typed: string; error: string | null }) {
  return (
    <form method="get" action={action} className="mt-3 space-y-2" noValidate>
      <label htmlFor="code" className="block font-medium">
        {label}
      </label>
      <p id="code-hint" className="text-sm text-slate-600">
        {hint}
      </p>
      <input
        id="code"
        name="code"
        defaultValue={typed}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-describedby={error ? 'code-hint code-error' : 'code-hint'}
        aria-invalid={error ? true : undefined}
        className={`${inputClass} max-w-xs font-mono uppercase tracking-wider`}
      />
      {error && (
        <p id="code-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
          {button}
        </button>
      </div>
    </form>
  );
}
