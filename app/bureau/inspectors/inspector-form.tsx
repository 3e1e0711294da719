'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert } from '@/components/forms/field';
import { PlainInput } from '@/components/forms/plain-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { saveInspectorAction, type InspectorState } from './actions';

export interface InspectorValues {
  id: string;
  version: number;
  name: string;
  unit: string;
  districtId: string | null;
  active: boolean;
}

/** Add an inspector (no `current`) or edit one, including 停用 (untick 在岗). */
export function InspectorForm({ current, districts }: { current: InspectorValues | null; districts: { id: string; name: string }[] }) {
  const { state, pending, formProps } = useFormAction<InspectorState>(saveInspectorAction, {});
  const v = state.values;
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const district = v?.districtId ?? current?.districtId ?? '';
  const active = v ? v.active === 'on' || v.active === 'true' : (current?.active ?? true);
  return (
    <form {...formProps} className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold">{current ? `修改检查人员：${current.name}` : '添加检查人员'}</h2>
      <ErrorSummary items={summaryItems(state.fieldErrors, { order: ['name', 'unit', 'districtId'] })} focusKey={state} />
      <FormAlert message={state.message && !state.fieldErrors ? state.message : null} />
      <input type="hidden" name="id" value={current?.id ?? ''} />
      <input type="hidden" name="version" value={current?.version ?? ''} />
      <PlainInput name="name" label="姓名" defaultValue={v?.name ?? current?.name ?? ''} error={err('name')} maxLength={40} autoComplete="off" />
      <PlainInput name="unit" label="所在单位" hint="如：市住建局物业科、船山区住建局" defaultValue={v?.unit ?? current?.unit ?? ''} error={err('unit')} maxLength={80} />
      <div>
        <label htmlFor="districtId" className="block font-medium">
          所属区县
        </label>
        <p id="districtId-hint" className="text-sm text-slate-600">
          市级人员不属任何区县；区县人员在抽查中回避本区县的对象。
        </p>
        <select
          id="districtId"
          name="districtId"
          defaultValue={district}
          aria-invalid={!!err('districtId')}
          aria-describedby={`districtId-hint${err('districtId') ? ' districtId-error' : ''}`}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        >
          <option value="">市级（不属区县）</option>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
        {err('districtId') && (
          <p id="districtId-error" className="mt-1 text-sm text-red-700">
            {err('districtId')}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2">
        <input id="active" name="active" type="checkbox" defaultChecked={active} className="h-5 w-5" />
        <label htmlFor="active">在岗（参加抽取）</label>
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在保存…' : current ? '保存修改' : '添加'}
      </button>
    </form>
  );
}
