'use client';

import { FormAlert, inputClass } from '@/components/forms/field';
import { Err, NoticeIdentityFields, Submit, a11yOf } from '@/components/objections/record-objection-fields';
import { STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { fileStatementAction, type StatementFormState } from '../actions';

/** Works without JavaScript: a POST to a server action; the answer re-renders the form or redirects. */
export function StatementForm({ noticeCode }: { noticeCode?: string }) {
  const { state, pending, formProps } = useFormAction<StatementFormState>(fileStatementAction, {});
  const { e, a11y } = a11yOf(state);
  const v = state.values;
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <NoticeIdentityFields state={state} noticeCode={noticeCode} />
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
      <Submit pending={pending} label="发表声明" />
    </form>
  );
}
