'use client';

import { useActionState } from 'react';
import { FormAlert, inputClass } from '@/components/forms/field';
import { OBJECTION_FIELDS } from '@/lib/domain/objections';
import { fileObjectionAction, type ObjectionFormState } from '../actions';

function Err({ id, msg }: { id: string; msg?: string }) {
  return msg ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

/** Works without JavaScript: a multipart POST to a server action; the answer re-renders the form or redirects. */
export function ObjectionForm() {
  const [state, action, pending] = useActionState<ObjectionFormState, FormData>(fileObjectionAction, {});
  const e = (k: string) => state.fieldErrors?.[k]?.[0];
  const a11y = (k: string, hint?: string) => {
    const ids = [hint, e(k) ? `${k}-error` : null].filter(Boolean).join(' ');
    return { id: k, name: k, 'aria-invalid': !!e(k), 'aria-describedby': ids || undefined };
  };
  const v = state.values;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.message ?? null} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">您的身份</legend>
        <p id="who-hint" className="text-sm text-slate-600">
          三项须与平台登记的信息一致，仅用于确认是本人提出异议。
        </p>
        <div>
          <label htmlFor="name" className="block font-medium">姓名</label>
          <input {...a11y('name', 'who-hint')} key={`n-${v?.name}`} defaultValue={v?.name} autoComplete="name" required maxLength={20} className={inputClass} />
          <Err id="name-error" msg={e('name')} />
        </div>
        <div>
          <label htmlFor="idNumber" className="block font-medium">身份证号码</label>
          <input {...a11y('idNumber', 'who-hint')} autoComplete="off" required maxLength={18} inputMode="text" className={inputClass} />
          <Err id="idNumber-error" msg={e('idNumber')} />
        </div>
        <div>
          <label htmlFor="mobile" className="block font-medium">手机号码</label>
          <input {...a11y('mobile', 'who-hint')} key={`m-${v?.mobile}`} defaultValue={v?.mobile} type="tel" autoComplete="tel" required maxLength={20} className={inputClass} />
          <Err id="mobile-error" msg={e('mobile')} />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">有误的信息</legend>
        <div>
          <label htmlFor="field" className="block font-medium">哪一项信息有误</label>
          <select {...a11y('field')} key={`f-${v?.field}`} defaultValue={v?.field ?? ''} required className={inputClass}>
            <option value="" disabled>
              请选择
            </option>
            {Object.entries(OBJECTION_FIELDS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <Err id="field-error" msg={e('field')} />
        </div>
        <div>
          <label htmlFor="claimed" className="block font-medium">正确的信息</label>
          <textarea {...a11y('claimed')} key={`c-${v?.claimed}`} defaultValue={v?.claimed} required rows={2} maxLength={300} className={inputClass} />
          <Err id="claimed-error" msg={e('claimed')} />
        </div>
        <div>
          <label htmlFor="statement" className="block font-medium">补充说明（选填）</label>
          <textarea {...a11y('statement')} key={`s-${v?.statement}`} defaultValue={v?.statement} rows={3} maxLength={1000} className={inputClass} />
          <Err id="statement-error" msg={e('statement')} />
        </div>
        <div>
          <label htmlFor="evidence" className="block font-medium">证明材料（选填）</label>
          <p id="evidence-hint" className="text-sm text-slate-600">
            最多 3 个 PDF 或图片文件，每个不超过 5 MB。图片会重新编码并去除拍摄位置等信息。同一事项已处理完毕后再次提出异议，须提供新的证明材料。
          </p>
          <input {...a11y('evidence', 'evidence-hint')} type="file" multiple accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
          <Err id="evidence-error" msg={e('evidence')} />
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '提交异议'}
      </button>
    </form>
  );
}
