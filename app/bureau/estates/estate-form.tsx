'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { PROJECT_TYPES } from '@/lib/domain/city-setup';
import type { EstateFormState } from './actions';

export interface PlaceChoices {
  districts: { id: string; name: string }[];
  streets: { id: string; label: string }[];
  communities: { id: string; label: string }[];
}

const control = 'mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700';

function Field({ name, label, error, children }: { name: string; label: string; error?: string; children: (p: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string; className: string }) => React.ReactNode }) {
  const id = `estate-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined, className: control })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** Create (city), propose (district) or edit an estate's basic fields. Works without JavaScript. */
export function EstateForm({
  action,
  submitLabel,
  places,
  fixedDistrict,
  initial,
  hidden,
}: {
  action: (s: EstateFormState, fd: FormData) => Promise<EstateFormState>;
  submitLabel: string;
  places: PlaceChoices;
  /** A district's own district: shown, not chosen. */
  fixedDistrict?: { id: string; name: string };
  initial?: Record<string, string>;
  hidden?: Record<string, string>;
}) {
  const { state, pending, formProps } = useFormAction<EstateFormState>(action, {});
  const v = state.values ?? initial ?? {};
  const e = state.fieldErrors;
  const err = (k: string) => e?.[k]?.[0];
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2" key={state.done ?? 'form'}>
      <ErrorSummary items={summaryItems(e, { ids: Object.fromEntries(Object.keys(e ?? {}).map((k) => [k, `estate-${k}`])) })} focusKey={state} />
      <div className="sm:col-span-2">
        <FormAlert message={state.message && !e ? state.message : null} />
        <FormAlert message={state.done ?? null} tone="success" />
      </div>
      {Object.entries(hidden ?? {}).map(([k, val]) => (
        <input key={k} type="hidden" name={k} value={val} />
      ))}
      <Field name="name" label="项目名称" error={err('name')}>
        {(p) => <input {...p} defaultValue={v.name ?? ''} maxLength={60} />}
      </Field>
      <Field name="address" label="地址" error={err('address')}>
        {(p) => <input {...p} defaultValue={v.address ?? ''} maxLength={100} />}
      </Field>
      {fixedDistrict ? (
        <p>
          <span className="block font-medium">所在区县</span>
          {fixedDistrict.name}
        </p>
      ) : (
        <Field name="districtId" label="所在区县" error={err('districtId')}>
          {(p) => (
            <select {...p} defaultValue={v.districtId ?? ''}>
              <option value="">请选择</option>
              {places.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field name="streetId" label="街道乡镇（可空）" error={err('streetId')}>
        {(p) => (
          <select {...p} defaultValue={v.streetId ?? ''}>
            <option value="">未填</option>
            {places.streets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="communityId" label="社区（可空）" error={err('communityId')}>
        {(p) => (
          <select {...p} defaultValue={v.communityId ?? ''}>
            <option value="">未填</option>
            {places.communities.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="type" label="类型" error={err('type')}>
        {(p) => (
          <select {...p} defaultValue={v.type ?? ''}>
            <option value="">请选择</option>
            {PROJECT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="households" label="户数" error={err('households')}>
        {(p) => <input {...p} inputMode="numeric" defaultValue={v.households ?? ''} />}
      </Field>
      <Field name="floorArea" label="建筑面积（平方米）" error={err('floorArea')}>
        {(p) => <input {...p} inputMode="decimal" defaultValue={v.floorArea ?? ''} />}
      </Field>
      <label className="flex items-center gap-2 self-end">
        <input type="checkbox" name="hasOwnersCommittee" defaultChecked={v.hasOwnersCommittee === 'true'} className="h-5 w-5" />
        已成立业主委员会
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
