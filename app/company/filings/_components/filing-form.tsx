'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import { useFieldArray, useForm, type FieldErrors, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { companyFilingSchema, DISTRICT_IDS, DISTRICT_NAMES, LICENCE_MAX_BYTES, MANAGER_KINDS } from '@/lib/validation/company';
import { Field, inputClass } from '@/components/forms/field';
import { ErrorSummary, hookFormItems, summaryItems, useSummary } from '@/components/forms/error-summary';
import { saveFilingAction } from '../actions';

type FormIn = z.input<typeof companyFilingSchema>;
type FormOut = z.output<typeof companyFilingSchema>;

export interface FilingFormProps {
  defaults: FormOut;
  submissionId: string | null;
  expectedVersion: number | null;
  idempotencyKey: string;
  /** A change of basic information: the credit code is fixed. */
  isChange: boolean;
  hasLicence: boolean;
}


function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

/** The list's own messages (at least one 主要负责人) lead to the first row. */
const SUMMARY_IDS = { managers: 'managers-0-kind' };

type ManagerKind = FormIn['managers'][number]['kind'];

/** A manager row with nobody in it yet has no category on file: it starts on 请选择, like a row added later. */
function withBlankKinds(defaults: FormOut): FormOut {
  return { ...defaults, managers: defaults.managers.map((m) => (m.name ? m : { ...m, kind: '' as ManagerKind })) };
}

export function FilingForm({ defaults, submissionId, expectedVersion, idempotencyKey, isChange, hasLicence }: FilingFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [licenceError, setLicenceError] = useState<string | null>(null);
  const licenceRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef(true);
  // The error summary: what the last refused submit found (the browser's checks or the server's).
  const summary = useSummary();
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FormIn, unknown, FormOut>({ resolver: zodResolver(companyFilingSchema), defaultValues: withBlankKinds(defaults), shouldFocusError: false });
  const managers = useFieldArray({ control, name: 'managers' });

  /**
   * The licence's own check, made on every submit so that its error comes with the others on the first one (as the
   * staff photo's does). A first filing sent for review needs one unless a draft already holds it; whether a change
   * needs a new one depends on what changed, which the server decides.
   */
  const checkLicence = (): string | null => {
    const file = licenceRef.current?.files?.[0];
    if (file && file.size > LICENCE_MAX_BYTES) return `文件不能超过 ${LICENCE_MAX_BYTES / 1024 / 1024} MB`;
    if (!file && submitRef.current && !isChange && !hasLicence) return '请上传营业执照扫描件';
    return null;
  };
  const licenceItems = (message: string | null) => (message ? [{ name: 'licence', fieldId: 'licence', message }] : []);
  const onInvalid = (invalid: FieldErrors<FormIn>) => {
    setFormMessage(null);
    const problem = checkLicence();
    setLicenceError(problem);
    summary.show([...hookFormItems(invalid, SUMMARY_IDS), ...licenceItems(problem)]);
  };

  const onValid = (values: FormOut) => {
    setFormMessage(null);
    const problem = checkLicence();
    setLicenceError(problem);
    if (problem) {
      summary.show(licenceItems(problem));
      return;
    }
    const file = licenceRef.current?.files?.[0];
    const fd = new FormData();
    fd.set('data', JSON.stringify(values));
    fd.set('submit', String(submitRef.current));
    fd.set('idempotencyKey', idempotencyKey);
    if (submissionId) fd.set('submissionId', submissionId);
    if (expectedVersion) fd.set('expectedVersion', String(expectedVersion));
    if (file) fd.set('licence', file);
    startTransition(async () => {
      const result = await saveFilingAction(fd);
      if (result.ok) {
        router.push(`/company/filings/${result.data.id}?saved=${result.data.status}`);
        router.refresh();
        return;
      }
      setFormMessage(result.message);
      for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (key === 'licence') setLicenceError(messages[0] ?? null);
        else if (key === '_form') setFormMessage(messages[0] ?? result.message);
        else setError(key as FieldPath<FormIn>, { type: 'server', message: messages[0] });
      }
      summary.show(summaryItems(result.fieldErrors, { ids: SUMMARY_IDS }));
    });
  };

  const field = (
    name: 'name' | 'uscc' | 'address' | 'registeredCapital' | 'legalRepresentative' | 'contactPhone',
    label: string,
    opts: { hint?: string; inputMode?: 'numeric' | 'decimal' | 'tel'; readOnly?: boolean } = {},
  ) => (
    <Field id={name} label={label} hint={opts.hint} error={errors[name]?.message}>
      {(a11y) => (
        <input {...a11y} {...register(name)} inputMode={opts.inputMode} readOnly={opts.readOnly} className={`${inputClass} ${opts.readOnly ? 'bg-slate-100' : ''}`} />
      )}
    </Field>
  );

  return (
    <form onSubmit={(e) => handleSubmit(onValid, onInvalid)(e)} noValidate className="space-y-6" aria-describedby={formMessage ? 'form-message' : undefined}>
      <ErrorSummary items={summary.items} focusKey={summary.focusKey} />
      {formMessage && (
        <p id="form-message" role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {formMessage}
        </p>
      )}
      <fieldset className="grid gap-4 rounded-lg bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">企业基本信息</legend>
        {field('name', '企业名称', { hint: '与营业执照一致' })}
        {field('uscc', '统一社会信用代码', {
          hint: isChange ? '统一社会信用代码不能通过变更修改' : '18 位，与营业执照一致',
          readOnly: isChange,
        })}
        {field('address', '注册地址')}
        {field('registeredCapital', '注册资本（万元）', { inputMode: 'decimal' })}
        {field('legalRepresentative', '法定代表人')}
        {field('contactPhone', '联系电话', { hint: '手机号码或固定电话，如 0825-1234567', inputMode: 'tel' })}
        <Field id="districtId" label="注册所在区县" error={errors.districtId?.message}>
          {(a11y) => (
            <select {...a11y} {...register('districtId')} className={inputClass}>
              {DISTRICT_IDS.map((id) => (
                <option key={id} value={id}>
                  {DISTRICT_NAMES[id]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="licence"
          label="营业执照扫描件"
          hint={`PDF、JPEG、PNG 或 WebP，不超过 10 MB；图片会重新压缩并去除拍摄位置等元数据。${hasLicence ? '已上传过营业执照，如未变更可不再上传。' : ''}`}
          error={licenceError ?? undefined}
        >
          {(a11y) => (
            <input {...a11y} ref={licenceRef} name="licence" type="file" accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block w-full text-sm" />
          )}
        </Field>
      </fieldset>

      <fieldset className="rounded-lg bg-white p-5 shadow-sm">
        <legend className="px-1 text-lg font-semibold">主要负责人、项目经理和工程技术人员</legend>
        {errors.managers?.message && <FieldError id="managers-error" message={errors.managers.message} />}
        {errors.managers?.root?.message && <FieldError id="managers-root-error" message={errors.managers.root.message} />}
        <ol className="mt-2 space-y-4">
          {managers.fields.map((f, i) => {
            const e = errors.managers?.[i];
            const id = (k: string) => `managers-${i}-${k}`;
            return (
              <li key={f.id} className="grid gap-3 border-b border-slate-200 pb-4 sm:grid-cols-[10rem_1fr_1fr_1fr_auto] sm:items-end">
                <div>
                  <label htmlFor={id('kind')} className="block text-sm font-medium">
                    第 {i + 1} 人 · 类别
                  </label>
                  <select
                    id={id('kind')}
                    {...register(`managers.${i}.kind`)}
                    aria-invalid={!!e?.kind}
                    aria-describedby={e?.kind ? id('kind-error') : undefined}
                    className={inputClass}
                  >
                    <option value="" disabled>
                      请选择
                    </option>
                    {MANAGER_KINDS.map((k) => (
                      <option key={k}>{k}</option>
                    ))}
                  </select>
                  <FieldError id={id('kind-error')} message={e?.kind?.message} />
                </div>
                <div>
                  <label htmlFor={id('name')} className="block text-sm font-medium">
                    姓名
                  </label>
                  <input
                    id={id('name')}
                    {...register(`managers.${i}.name`)}
                    aria-invalid={!!e?.name}
                    aria-describedby={e?.name ? id('name-error') : undefined}
                    className={inputClass}
                  />
                  <FieldError id={id('name-error')} message={e?.name?.message} />
                </div>
                <div>
                  <label htmlFor={id('title')} className="block text-sm font-medium">
                    职务
                  </label>
                  <input id={id('title')} {...register(`managers.${i}.title`)} className={inputClass} />
                  <FieldError id={id('title-error')} message={e?.title?.message} />
                </div>
                <div>
                  <label htmlFor={id('qualification')} className="block text-sm font-medium">
                    资格证书或职称
                  </label>
                  <input id={id('qualification')} {...register(`managers.${i}.qualification`)} className={inputClass} />
                  <FieldError id={id('qualification-error')} message={e?.qualification?.message} />
                </div>
                <button
                  type="button"
                  onClick={() => managers.remove(i)}
                  disabled={managers.fields.length <= 1}
                  className="rounded border border-slate-400 px-3 py-2 text-sm disabled:opacity-50"
                >
                  删除第 {i + 1} 人
                </button>
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          onClick={() => managers.append({ kind: '' as ManagerKind, name: '', title: '', qualification: '' })}
          className="mt-3 rounded border border-brand-700 px-3 py-2 text-sm text-brand-800"
        >
          增加一人
        </button>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          disabled={pending}
          onClick={() => (submitRef.current = true)}
          className="rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60"
        >
          {pending ? '正在提交…' : isChange ? '提交变更审核' : '提交备案审核'}
        </button>
        <button
          type="submit"
          disabled={pending}
          onClick={() => (submitRef.current = false)}
          className="rounded border border-slate-500 px-5 py-2 disabled:opacity-60"
        >
          保存草稿
        </button>
      </div>
    </form>
  );
}
