'use client';

import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { FormAlert, inputClass } from '@/components/forms/field';
import { useFormAction } from '@/components/forms/use-form-action';
import { a11yOf, Err, NameInput, PhoneInput, Submit } from '@/components/objections/record-objection-fields';
import { fileComplaintAction, type ComplaintFormState } from '../actions';

interface Props {
  estate: { id: string; name: string };
  company: string | null;
  staff: { id: string; name: string; post: string }[];
  /** A staff member chosen beforehand (a link from their card). */
  practitionerId?: string;
}

const ORDER = ['kind', 'about', 'practitionerId', 'name', 'phone', 'text', 'evidence'];

function Choice({ name, value, label, checked, first }: { name: string; value: string; label: string; checked: boolean; first?: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      {/* The first option carries the group's id: the error summary's link lands on it. */}
      <input type="radio" id={first ? name : undefined} name={name} value={value} defaultChecked={checked} required />
      {label}
    </label>
  );
}

/** SPEC §3.10: the owner's form, on the estate chosen in step 1 (a plain form: works without JavaScript). */
export function ComplaintForm({ estate, company, staff, practitionerId }: Props) {
  const { state, pending, formProps } = useFormAction<ComplaintFormState>(fileComplaintAction, {});
  const { e, a11y } = a11yOf(state);
  const v = state.values ?? {};
  const kind = v.kind || 'complaint';
  const about = v.about || (practitionerId ? 'staff' : 'estate');
  const chosen = v.practitionerId ?? practitionerId ?? '';
  return (
    <form {...formProps} className="space-y-6" encType="multipart/form-data">
      <ErrorSummary items={summaryItems(state.fieldErrors, { order: ORDER })} focusKey={state} />
      <FormAlert message={state.fieldErrors ? null : (state.message ?? null)} />
      <input type="hidden" name="projectId" value={estate.id} />
      <fieldset aria-describedby={e('kind') ? 'kind-error' : undefined}>
        <legend className="text-lg font-semibold">投诉还是表扬</legend>
        <div key={`k-${kind}`} className="mt-1 flex flex-wrap gap-x-6">
          <Choice name="kind" value="complaint" label="投诉" checked={kind === 'complaint'} first />
          <Choice name="kind" value="praise" label="表扬" checked={kind === 'praise'} />
        </div>
        <Err id="kind-error" msg={e('kind')} />
      </fieldset>
      <fieldset aria-describedby={['about-hint', e('about') ? 'about-error' : ''].filter(Boolean).join(' ')}>
        <legend className="text-lg font-semibold">针对谁</legend>
        <p id="about-hint" className="text-sm text-slate-600">
          表扬请选择企业或具体的工作人员。
        </p>
        <div key={`a-${about}`} className="mt-1 space-y-1">
          <Choice name="about" value="estate" label={`${estate.name}的物业服务（不针对具体的人）`} checked={about === 'estate'} first />
          {company && <Choice name="about" value="company" label={`物业服务企业：${company}`} checked={about === 'company'} />}
          {staff.length > 0 && <Choice name="about" value="staff" label="小区的一位工作人员（在下面选择）" checked={about === 'staff'} />}
        </div>
        <Err id="about-error" msg={e('about')} />
      </fieldset>
      {staff.length > 0 && (
        <div>
          <label htmlFor="practitionerId" className="block font-medium">
            工作人员（选“小区的一位工作人员”时填写）
          </label>
          <p id="practitionerId-hint" className="text-sm text-slate-600">
            名单与小区页面公开的在岗人员一致。
          </p>
          <select {...a11y('practitionerId', 'practitionerId-hint')} key={`p-${chosen}`} defaultValue={chosen} className={inputClass}>
            <option value="">请选择</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}（{s.post}）
              </option>
            ))}
          </select>
          <Err id="practitionerId-error" msg={e('practitionerId')} />
        </div>
      )}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">您的联系方式</legend>
        <p id="who-hint" className="text-sm text-slate-600">
          只用于企业和住建部门核实时与您联系，不会公开，也不会显示在查询页面上。
        </p>
        <NameInput state={state} />
        <PhoneInput state={state} name="phone" label="联系电话" />
      </fieldset>
      <div>
        <label htmlFor="text" className="block font-medium">
          事情经过
        </label>
        <p id="text-hint" className="text-sm text-slate-600">
          什么时间、在哪里、发生了什么。10 至 2000 字。
        </p>
        <textarea {...a11y('text', 'text-hint')} key={`t-${v.text}`} defaultValue={v.text} required rows={6} maxLength={2000} className={inputClass} />
        <Err id="text-error" msg={e('text')} />
      </div>
      <div>
        <label htmlFor="evidence" className="block font-medium">
          照片（选填）
        </label>
        <p id="evidence-hint" className="text-sm text-slate-600">
          最多 3 张 JPEG、PNG 或 WebP 图片，每张不超过 5 MB。图片会重新编码并去除拍摄位置等信息。
        </p>
        <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="image/jpeg,image/png,image/webp" className="mt-1 block max-w-full" />
        <Err id="evidence-error" msg={e('evidence')} />
      </div>
      <Submit pending={pending} label="提交" />
    </form>
  );
}
