'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { useFieldArray, useForm, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { ErrorSummary, hookFormItems, summaryItems, useSummary, type SummaryItem } from '@/components/forms/error-summary';
import { applyFieldErrors, Field, FormAlert, inputClass } from '@/components/forms/field';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';
import { practitionerEntrySchema } from '@/lib/validation/practitioner';
import { resubmitEntryAction, submitEntryAction } from '../actions';

type FormIn = z.input<typeof practitionerEntrySchema>;
type FormOut = z.output<typeof practitionerEntrySchema>;

const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The order of the fields on the page, for the error summary (the photo is checked outside the schema). */
const FIELD_ORDER = ['name', 'idNumber', 'ethnicity', 'nativePlace', 'politicalStatus', 'mobile', 'school', 'major', 'education', 'skills', 'photo', 'projectId', 'post', 'hiredOn', 'labourContractOn', 'certificates', 'informed'];
const rank = (name: string) => {
  const i = FIELD_ORDER.findIndex((f) => name === f || name.startsWith(`${f}.`));
  return i === -1 ? FIELD_ORDER.length : i;
};

export interface EntryFormProps {
  projects: { id: string; name: string; districtName: string | null }[];
  /** A returned entry being corrected: its id, version and the values on file (the ID number is typed again). */
  correction?: { submissionId: string; expectedVersion: number; defaults: Partial<FormIn> };
}

const EMPTY: Partial<FormIn> = {
  name: '',
  idNumber: '',
  ethnicity: '' as FormIn['ethnicity'],
  nativePlace: '',
  politicalStatus: '' as FormIn['politicalStatus'],
  mobile: '',
  school: '',
  major: '',
  education: '' as FormIn['education'],
  skills: '',
  certificates: [],
  hiredOn: '',
  labourContractOn: '',
  projectId: '',
  post: '' as FormIn['post'],
};

/** SN 5: why the data is collected, how it is used, what is public (SN 19) and what never is. */
export function PurposeNotice() {
  return (
    <section aria-labelledby="notice-heading" className="rounded-lg border border-brand-700/30 bg-sky-50 p-5 text-sm leading-relaxed">
      <h2 id="notice-heading" className="mb-2 text-base font-semibold">
        信息采集的目的和用途告知
      </h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          <strong>为什么采集：</strong>依据《遂宁市物业服务从业人员执业管理办法》，物业服务企业应当在签订劳动合同之日起 10 个工作日内，为从业人员办理实名信息登记，以便住建主管部门对从业人员实行信用管理。
        </li>
        <li>
          <strong>怎样使用：</strong>信息仅用于从业人员的实名登记、信用记录、审核与监督管理；按“合法、正当、必要、最小”的原则只采集本表所列项目，不作其他用途，不出售，不用于营销。
        </li>
        <li>
          <strong>哪些会公开：</strong>姓名、证件照、性别、年龄、岗位、资格证书及良好、不良行为记录；项目负责人和客服、工程、安保主管的手机号码。
        </li>
        <li>
          <strong>哪些不会公开：</strong>身份证号码、出生日期、民族、籍贯、政治面貌、学历，以及其他岗位人员的手机号码。身份证号码加密保存，只有经授权的人员在留痕后才能查看。
        </li>
      </ul>
    </section>
  );
}

export function EntryForm({ projects, correction }: EntryFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  // The error summary: what the last refused submit found (the browser's checks, the photo's, or the server's).
  const summary = useSummary();
  const showSummary = (items: SummaryItem[], photo: string | null) =>
    summary.show([...items, ...(photo ? [{ name: 'photo', fieldId: 'photo', message: photo }] : [])].sort((a, b) => rank(a.name) - rank(b.name)));
  const photoRef = useRef<HTMLInputElement>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(practitionerEntrySchema),
    defaultValues: { ...EMPTY, ...correction?.defaults, informed: false as unknown as true },
    // The error summary takes focus instead of the first field (GOV.UK); its links lead to each field.
    shouldFocusError: false,
  });
  const certs = useFieldArray({ control, name: 'certificates' });

  /** The photo's own check, made on every submit so that its error comes with the others on the first one. */
  const checkPhoto = (): string | null => {
    const file = photoRef.current?.files?.[0];
    if (!file && !correction) return '请上传证件照';
    if (file && file.size > PHOTO_MAX_BYTES) return '照片不能超过 5 MB';
    return null;
  };
  const onInvalid = (invalid: FieldErrors<FormIn>) => {
    setFormMessage(null);
    const photoProblem = checkPhoto();
    setPhotoError(photoProblem);
    showSummary(hookFormItems(invalid), photoProblem);
  };

  const onValid = (values: FormOut) => {
    setFormMessage(null);
    const photoProblem = checkPhoto();
    setPhotoError(photoProblem);
    if (photoProblem) {
      showSummary([], photoProblem);
      return;
    }
    const file = photoRef.current?.files?.[0];
    const fd = new FormData();
    fd.set('data', JSON.stringify(values));
    if (file) fd.set('photo', file);
    if (correction) {
      fd.set('submissionId', correction.submissionId);
      fd.set('expectedVersion', String(correction.expectedVersion));
    }
    startTransition(async () => {
      const result = correction ? await resubmitEntryAction(fd) : await submitEntryAction(fd);
      if (result.ok) {
        router.push(`/company/staff/${result.data.practitionerId}?${correction ? 'corrected' : 'entered'}=1`);
        router.refresh();
        return;
      }
      const { photo, _form, ...rest } = result.fieldErrors ?? {};
      if (photo?.[0]) setPhotoError(photo[0]);
      const anyField = applyFieldErrors(rest, setError as never);
      // A CONFLICT (e.g. the ID is current at another company) carries the field's own message: say it on top too.
      setFormMessage(_form?.[0] ?? (result.code === 'CONFLICT' || !(anyField || photo) ? result.message : '填写的内容有误，请按提示修改'));
      showSummary(summaryItems(rest), photo?.[0] ?? null);
    });
  };

  const text = (name: 'name' | 'idNumber' | 'nativePlace' | 'mobile' | 'school' | 'major' | 'skills', label: string, hint?: string, inputMode?: 'numeric' | 'tel') => (
    <Field id={name} label={label} hint={hint} error={errors[name]?.message}>
      {(a11y) => <input {...a11y} {...register(name)} inputMode={inputMode} className={inputClass} />}
    </Field>
  );
  const select = (name: 'ethnicity' | 'politicalStatus' | 'education' | 'post', label: string, options: readonly string[]) => (
    <Field id={name} label={label} error={errors[name]?.message}>
      {(a11y) => (
        <select {...a11y} {...register(name)} className={inputClass}>
          <option value="" disabled>
            请选择
          </option>
          {options.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      )}
    </Field>
  );
  const date = (name: 'hiredOn' | 'labourContractOn', label: string, hint?: string) => (
    <Field id={name} label={label} hint={hint} error={errors[name]?.message}>
      {(a11y) => <input {...a11y} {...register(name)} type="date" className={inputClass} />}
    </Field>
  );

  return (
    <form onSubmit={handleSubmit(onValid, onInvalid)} noValidate className="space-y-6">
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      <FormAlert message={formMessage} />
      <PurposeNotice />

      <fieldset className="grid gap-4 rounded-lg bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">基本信息</legend>
        {text('name', '姓名')}
        {text('idNumber', '身份证号码', correction ? '18 位；为保护个人信息，修改时请重新填写完整号码。性别和出生年月由号码自动得出' : '18 位；性别和出生年月由号码自动得出')}
        {select('ethnicity', '民族', ETHNIC_GROUPS)}
        {text('nativePlace', '籍贯', '如：四川遂宁')}
        {select('politicalStatus', '政治面貌', POLITICAL_STATUSES)}
        {text('mobile', '手机号码', '11 位手机号码', 'tel')}
        {text('school', '毕业院校（选填）')}
        {text('major', '毕业专业（选填）')}
        {select('education', '学历', EDUCATION_LEVELS)}
        {text('skills', '专业技能（选填）')}
        <Field
          id="photo"
          label={correction ? '证件照（如需更换请重新上传）' : '证件照'}
          hint="JPEG、PNG 或 WebP，不超过 5 MB；照片会重新压缩并去除拍摄位置等元数据"
          error={photoError ?? undefined}
        >
          {(a11y) => <input {...a11y} ref={photoRef} name="photo" type="file" accept="image/jpeg,image/png,image/webp" className="mt-1 block w-full text-sm" />}
        </Field>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">任职信息</legend>
        <Field id="projectId" label="服务项目（小区）" error={errors.projectId?.message}>
          {(a11y) => (
            <select {...a11y} {...register('projectId')} className={inputClass}>
              <option value="" disabled>
                请选择
              </option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.districtName ? `（${p.districtName}）` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {select('post', '岗位', POSTS)}
        {date('hiredOn', '入职时间')}
        {date('labourContractOn', '劳动合同签订日期', '应在签订之日起 10 个工作日内登记，逾期登记将标注逾期天数')}
      </fieldset>

      <fieldset className="rounded-lg bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">资格证书（没有可不填）</legend>
        {errors.certificates?.message && <p className="text-sm text-red-700">{errors.certificates.message}</p>}
        <ol className="space-y-4">
          {certs.fields.map((f, i) => {
            const e = errors.certificates?.[i];
            const cert = (k: 'name' | 'number' | 'issuer' | 'validUntil', label: string, type = 'text') => (
              <Field id={`certificates-${i}-${k}`} label={`证书 ${i + 1} · ${label}`} error={e?.[k]?.message}>
                {(a11y) => <input {...a11y} {...register(`certificates.${i}.${k}`)} type={type} className={inputClass} />}
              </Field>
            );
            return (
              <li key={f.id} className="grid gap-3 border-b border-slate-200 pb-4 sm:grid-cols-[1fr_1fr_1fr_1fr_auto] sm:items-end">
                {cert('name', '证书名称')}
                {cert('number', '证书编号')}
                {cert('issuer', '发证机关')}
                {cert('validUntil', '有效期至（选填）', 'date')}
                <button type="button" onClick={() => certs.remove(i)} className="rounded border border-slate-400 px-3 py-2 text-sm">
                  删除证书 {i + 1}
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => certs.append({ name: '', number: '', issuer: '', validUntil: '' })}
          className="mt-3 rounded border border-brand-700 px-3 py-2 text-sm text-brand-800"
        >
          增加一项证书
        </button>
      </fieldset>

      <div className="rounded-lg bg-white p-5 shadow-sm">
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            id="informed"
            {...register('informed')}
            aria-invalid={!!errors.informed}
            aria-describedby={errors.informed ? 'informed-error' : undefined}
            className="mt-1"
          />
          <span>已向本人告知上述信息采集的目的和用途，本人知悉</span>
        </label>
        {errors.informed?.message && (
          <p id="informed-error" className="mt-1 text-sm text-red-700">
            {errors.informed.message}
          </p>
        )}
      </div>

      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : correction ? '修改后重新提交审核' : '提交登记'}
      </button>
    </form>
  );
}
