import type { ReactNode } from 'react';

export interface ScopeChoices {
  districts: { id: string; name: string }[];
  /** Streets and communities, grouped by district. */
  places: { district: string; options: { id: string; label: string }[] }[];
  estates: { district: string; options: { id: string; label: string }[] }[];
}

const control = 'mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700';

/** A labelled control with its hint and error linked (ids `<prefix>-<name>…`, unique on a page with several forms). */
export function Labelled({ prefix, name, label, hint, error, children }: { prefix: string; name: string; label: string; hint?: string; error?: string; children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; className: string }) => ReactNode }) {
  const id = `${prefix}-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
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
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy, className: control })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** The scope fields of the roles that have one; `show` picks the role's field (all when undefined: no JavaScript). */
export function ScopeFields({ prefix, choices, show, errors, values }: { prefix: string; choices: ScopeChoices; show?: 'districtId' | 'regionId' | 'projectId' | 'organisationName' | 'none'; errors?: Record<string, string[]>; values?: Record<string, string> }) {
  const v = values ?? {};
  const on = (f: string) => !show || show === f;
  return (
    <>
      {on('districtId') && (
        <Labelled prefix={prefix} name="districtId" label="区县（区县审核员）" error={errors?.districtId?.[0]}>
          {(p) => (
            <select {...p} name="districtId" defaultValue={v.districtId ?? ''}>
              <option value="">请选择</option>
              {choices.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Labelled>
      )}
      {on('regionId') && (
        <Labelled prefix={prefix} name="regionId" label="街道乡镇或社区（街道办 / 社区）" error={errors?.regionId?.[0]}>
          {(p) => (
            <select {...p} name="regionId" defaultValue={v.regionId ?? ''}>
              <option value="">请选择</option>
              {choices.places.map((g) => (
                <optgroup key={g.district} label={g.district}>
                  {g.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Labelled>
      )}
      {on('projectId') && (
        <Labelled prefix={prefix} name="projectId" label="项目（业主委员会）" hint="该项目的业主委员会，没有时自动登记" error={errors?.projectId?.[0]}>
          {(p) => (
            <select {...p} name="projectId" defaultValue={v.projectId ?? ''}>
              <option value="">请选择</option>
              {choices.estates.map((g) => (
                <optgroup key={g.district} label={g.district}>
                  {g.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Labelled>
      )}
      {on('organisationName') && (
        <Labelled prefix={prefix} name="organisationName" label="单位名称（政府部门 / 行业协会 / 市级管理员）" hint="如：遂宁市市场监督管理局；不存在的单位将自动登记。市级管理员可留空（市住建局）" error={errors?.organisationName?.[0]}>
          {(p) => <input {...p} name="organisationName" defaultValue={v.organisationName ?? ''} maxLength={60} />}
        </Labelled>
      )}
    </>
  );
}

export const SCOPE_FIELD_OF_ROLE: Record<string, 'districtId' | 'regionId' | 'projectId' | 'organisationName' | 'none'> = {
  district: 'districtId',
  street: 'regionId',
  committee: 'projectId',
  department: 'organisationName',
  association: 'organisationName',
  city: 'organisationName',
  company: 'none',
};
