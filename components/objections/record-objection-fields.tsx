'use client';

import type { InputHTMLAttributes } from 'react';
import { inputClass } from '@/components/forms/field';

/** What the record-objection forms (and the public statement and own-data objection forms) get back from their server action. */
export interface FieldsState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

export function Err({ id, msg }: { id: string; msg?: string }) {
  return msg ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

export function a11yOf(state: FieldsState) {
  const e = (k: string) => state.fieldErrors?.[k]?.[0];
  const a11y = (k: string, hint?: string) => {
    const ids = [hint, e(k) ? `${k}-error` : null].filter(Boolean).join(' ');
    return { id: k, name: k, 'aria-invalid': !!e(k), 'aria-describedby': ids || undefined };
  };
  return { e, a11y };
}

/**
 * One input of who is filing, described by the `who-hint` paragraph of its fieldset. `remember` refills it with the
 * value sent when the form comes back with errors (not the ID number), else with `initial`.
 */
function WhoInput({
  state,
  name,
  label,
  initial,
  remember = true,
  className = inputClass,
  ...rest
}: { state: FieldsState; name: string; label: string; initial?: string; remember?: boolean } & InputHTMLAttributes<HTMLInputElement>) {
  const { e, a11y } = a11yOf(state);
  const value = remember ? (state.values?.[name] ?? initial) : undefined;
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      <input {...a11y(name, 'who-hint')} key={remember ? `${name}-${value}` : undefined} defaultValue={value} required className={className} {...rest} />
      <Err id={`${name}-error`} msg={e(name)} />
    </div>
  );
}

export function NameInput({ state, label = '姓名' }: { state: FieldsState; label?: string }) {
  return <WhoInput state={state} name="name" label={label} autoComplete="name" maxLength={20} />;
}

export function IdNumberInput({ state, inputMode }: { state: FieldsState; inputMode?: 'text' }) {
  return <WhoInput state={state} name="idNumber" label="身份证号码" remember={false} autoComplete="off" maxLength={18} inputMode={inputMode} />;
}

export function PhoneInput({ state, name = 'mobile', label = '手机号码' }: { state: FieldsState; name?: string; label?: string }) {
  return <WhoInput state={state} name={name} label={label} type="tel" autoComplete="tel" maxLength={20} />;
}

/** SN 18: the person proves who they are with the code on their record notice, their name and ID number. */
export function NoticeIdentityFields({ state, noticeCode }: { state: FieldsState; noticeCode?: string }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">您的身份</legend>
      <p id="who-hint" className="text-sm text-slate-600">
        告知书编号印在您收到的记录告知书上；姓名和身份证号码须与平台登记的一致。
      </p>
      <WhoInput state={state} name="noticeCode" label="告知书编号" initial={noticeCode} autoComplete="off" maxLength={40} className={`${inputClass} font-mono`} />
      <NameInput state={state} />
      <IdNumberInput state={state} />
    </fieldset>
  );
}

export function ReasonAndEvidence({ state, reasonLabel = '哪些内容有误，理由是什么' }: { state: FieldsState; reasonLabel?: string }) {
  const { e, a11y } = a11yOf(state);
  const v = state.values;
  return (
    <>
      <div>
        <label htmlFor="reason" className="block font-medium">
          {reasonLabel}
        </label>
        <textarea {...a11y('reason')} key={`r-${v?.reason}`} defaultValue={v?.reason} required rows={4} maxLength={1000} className={inputClass} />
        <Err id="reason-error" msg={e('reason')} />
      </div>
      <div>
        <label htmlFor="evidence" className="block font-medium">
          书面证明材料（必填）
        </label>
        <p id="evidence-hint" className="text-sm text-slate-600">
          须提供书面证据：1 至 3 个 PDF 或图片文件，每个不超过 5 MB。图片会重新编码并去除拍摄位置等信息。同一记录的异议办结后再次提出，须提供此前未提交过的新材料。
        </p>
        <input {...a11y('evidence', 'evidence-hint')} type="file" multiple required accept="application/pdf,image/jpeg,image/png,image/webp" className="mt-1 block" />
        <Err id="evidence-error" msg={e('evidence')} />
      </div>
    </>
  );
}

export function Submit({ pending, label = '提交异议' }: { pending: boolean; label?: string }) {
  return (
    <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
      {pending ? '正在提交…' : label}
    </button>
  );
}
