import type { ReactNode } from 'react';

/**
 * The GET filter form of a list page: plain HTML (works without JavaScript, shareable URLs), fields that wrap on
 * a phone and tap targets of at least 44 px. Fields are named as the page's filter schema reads them.
 */
export function FilterBar({ action, label, submitLabel = '筛选', children }: { action?: string; label?: string; submitLabel?: string; children: ReactNode }) {
  return (
    <form method="get" action={action} role={label ? 'search' : undefined} aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
      {children}
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
        {submitLabel}
      </button>
    </form>
  );
}

const control = 'mt-1 block min-h-11 w-full max-w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-auto sm:max-w-xs';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="w-full min-w-0 sm:w-auto">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

export function TextFilter({ id, name = 'q', label, value, maxLength }: { id?: string; name?: string; label: string; value: string | null | undefined; maxLength?: number }) {
  return (
    <Field id={id ?? name} label={label}>
      <input id={id ?? name} name={name} defaultValue={value ?? ''} maxLength={maxLength} className={control} />
    </Field>
  );
}

export type Option = { value: string; label: string };
/** `[value, label]` pairs from a label map, in the order of `values`. */
export const optionsOf = <K extends string>(values: readonly K[], labels: Partial<Record<K, string>>): Option[] => values.map((v) => ({ value: v, label: labels[v] ?? v }));

/**
 * A select. `all` is the label of an empty option put first (the filter's "any" value); `options` may be a list
 * or, for grouped options, the children.
 */
export function SelectFilter({
  id,
  name,
  label,
  value,
  options = [],
  all,
  children,
}: {
  id?: string;
  name: string;
  label: string;
  value: string | null | undefined;
  options?: readonly Option[];
  all?: string;
  children?: ReactNode;
}) {
  return (
    <Field id={id ?? name} label={label}>
      <select id={id ?? name} name={name} defaultValue={value ?? ''} className={control}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </Field>
  );
}

/** A checkbox sent as `name=1` when ticked. */
export function CheckFilter({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} className="size-5" />
      {label}
    </label>
  );
}

/** A date (`YYYY-MM-DD`; the browser's date picker where there is one). */
export function DateFilter({ id, name, label, value }: { id?: string; name: string; label: string; value: string | null | undefined }) {
  return (
    <Field id={id ?? name} label={label}>
      <input type="date" id={id ?? name} name={name} defaultValue={value ?? ''} className={control} />
    </Field>
  );
}
