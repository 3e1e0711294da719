'use client';

import { DISTRICT_IDS, DISTRICT_NAMES } from '@/lib/validation/company';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { PlainInput } from '@/components/forms/plain-input';
import { useFormAction } from '@/components/forms/use-form-action';
import { createCompanyAccountAction, type AccountState } from './actions';

const FIELDS = [
  { name: 'uscc', label: '统一社会信用代码', hint: '18 位，与营业执照一致；已在平台登记的企业将增加一个操作员账号' },
  { name: 'companyName', label: '企业名称', hint: '新登记的企业必填' },
  { name: 'username', label: '操作员账号', hint: '3–64 位字母、数字、点、短横线或下划线' },
  { name: 'displayName', label: '操作员姓名' },
] as const;

/** Works without JavaScript. The temporary password is shown once, here. */
export function AccountForm() {
  const { state, pending, formProps } = useFormAction<AccountState>(createCompanyAccountAction, {});
  const v = state.values ?? {};
  return (
    <div className="space-y-4">
      {state.created && (
        <div role="status" className="rounded bg-emerald-50 p-4 text-emerald-950">
          <p className="font-semibold">
            已为{state.created.companyName}开设账号 <span className="font-mono">{state.created.username}</span>
            {state.created.newCompany ? '（新登记企业，待其提交备案）' : ''}。
          </p>
          <p className="mt-1">
            临时密码：<span className="font-mono text-lg" data-testid="temporary-password">{state.created.temporaryPassword}</span>
          </p>
          <p className="mt-1 text-sm">临时密码只显示这一次，请当面或通过可靠渠道交给操作员；首次登录须修改密码。</p>
        </div>
      )}
      {state.message && !state.fieldErrors && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {state.message}
        </p>
      )}
      <form {...formProps} className="grid gap-4 sm:grid-cols-2" noValidate key={state.created?.username ?? 'form'}>
        <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
        {FIELDS.map((f) => (
          <PlainInput key={f.name} name={f.name} label={f.label} hint={'hint' in f ? f.hint : undefined} error={state.fieldErrors?.[f.name]?.[0]} defaultValue={v[f.name]} />
        ))}
        <div>
          <label htmlFor="districtId" className="block font-medium">
            注册所在区县
          </label>
          <select
            id="districtId"
            name="districtId"
            defaultValue={v.districtId ?? ''}
            aria-invalid={!!state.fieldErrors?.districtId}
            aria-describedby={state.fieldErrors?.districtId ? 'districtId-error' : undefined}
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
          >
            <option value="" disabled>
              请选择
            </option>
            {DISTRICT_IDS.map((id) => (
              <option key={id} value={id}>
                {DISTRICT_NAMES[id]}
              </option>
            ))}
          </select>
          {state.fieldErrors?.districtId && (
            <p id="districtId-error" className="mt-1 text-sm text-red-700">
              {state.fieldErrors.districtId[0]}
            </p>
          )}
        </div>
        <div className="sm:col-span-2">
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
            开设账号
          </button>
        </div>
      </form>
    </div>
  );
}
