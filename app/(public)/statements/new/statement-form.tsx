'use client';

import { useActionState } from 'react';
import { FormAlert, inputClass } from '@/components/forms/field';
import { STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { fileStatementAction, type StatementFormState } from '../actions';

function Err({ id, msg }: { id: string; msg?: string }) {
  return msg ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {msg}
    </p>
  ) : null;
}

/** Works without JavaScript: a POST to a server action; the answer re-renders the form or redirects. */
export function StatementForm({ noticeCode }: { noticeCode?: string }) {
  const [state, action, pending] = useActionState<StatementFormState, FormData>(fileStatementAction, {});
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
          告知书编号印在您收到的记录告知书上；姓名和身份证号码须与平台登记的一致。
        </p>
        <div>
          <label htmlFor="noticeCode" className="block font-medium">
            告知书编号
          </label>
          <input {...a11y('noticeCode', 'who-hint')} key={`c-${v?.noticeCode ?? noticeCode}`} defaultValue={v?.noticeCode ?? noticeCode} autoComplete="off" required maxLength={40} className={`${inputClass} font-mono`} />
          <Err id="noticeCode-error" msg={e('noticeCode')} />
        </div>
        <div>
          <label htmlFor="name" className="block font-medium">
            姓名
          </label>
          <input {...a11y('name', 'who-hint')} key={`n-${v?.name}`} defaultValue={v?.name} autoComplete="name" required maxLength={20} className={inputClass} />
          <Err id="name-error" msg={e('name')} />
        </div>
        <div>
          <label htmlFor="idNumber" className="block font-medium">
            身份证号码
          </label>
          <input {...a11y('idNumber', 'who-hint')} autoComplete="off" required maxLength={18} className={inputClass} />
          <Err id="idNumber-error" msg={e('idNumber')} />
        </div>
      </fieldset>
      <div>
        <label htmlFor="statement" className="block font-medium">
          声明内容
        </label>
        <p id="statement-hint" className="text-sm text-slate-600">
          不超过 {STATEMENT_MAX_CHARS} 个字，将与记录一并公开显示。请勿填写身份证号码、住址等个人信息。再次提交会替换原有声明。
        </p>
        <textarea {...a11y('statement', 'statement-hint')} key={`s-${v?.statement}`} defaultValue={v?.statement} required rows={4} maxLength={STATEMENT_MAX_CHARS} className={inputClass} />
        <Err id="statement-error" msg={e('statement')} />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white disabled:opacity-60">
        {pending ? '正在提交…' : '发表声明'}
      </button>
    </form>
  );
}
