import type { ReactNode } from 'react';
import type { RegionOption } from '@/db/queries/public-companies';

/**
 * The GET filter forms of the public lists (/companies, /projects, /lists/*): a search landmark whose fields and
 * submit button look the same everywhere. `layout` holds the grid columns of the one form.
 */
export function FilterForm({ action, label, layout, submitLabel, children }: { action: string; label: string; layout: string; submitLabel: string; children: ReactNode }) {
  return (
    <form action={action} method="get" role="search" aria-label={label} className={`grid gap-3 rounded-lg bg-white p-4 shadow-sm ${layout}`}>
      {children}
      <button type="submit" className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white hover:bg-brand-800">
        {submitLabel}
      </button>
    </form>
  );
}

/** The free-text field (`q`, at most 50 characters). */
export function SearchField({ id, label, defaultValue, className = 'flex flex-col gap-1' }: { id: string; label: string; defaultValue: string; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} maxLength={50} className="min-h-11 rounded border border-slate-400 px-3 py-2" />
    </div>
  );
}

/** A labelled select; its options (the empty "all" option first) are the children. */
export function SelectField({ id, name, label, defaultValue, children }: { id: string; name: string; label: string; defaultValue: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="min-h-11 rounded border border-slate-400 bg-white px-3 py-2">
        {children}
      </select>
    </div>
  );
}

/** The district select (`district`), with 全部区县 as its empty option. */
export function DistrictSelect({ id, label, districts, value }: { id: string; label: string; districts: RegionOption[]; value: string | undefined }) {
  return (
    <SelectField id={id} name="district" label={label} defaultValue={value ?? ''}>
      <option value="">全部区县</option>
      {districts.map((d) => (
        <option key={d.id} value={d.id}>
          {d.name}
        </option>
      ))}
    </SelectField>
  );
}
