'use client';

import { FormAlert } from '@/components/forms/field';
import { ReasonAndEvidence, Submit, type FieldsState } from '@/components/objections/record-objection-fields';
import { ErrorSummary, summaryItems } from '@/components/forms/error-summary';
import { useFormAction } from '@/components/forms/use-form-action';
import { fileCompanyRecordObjectionAction } from '../actions';

/** Works without JavaScript: a multipart POST; the answer re-renders the form or redirects to the list. */
export function CompanyRecordObjectionForm({ recordId }: { recordId: string }) {
  const { state, pending, formProps } = useFormAction<FieldsState>(fileCompanyRecordObjectionAction, {});
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <ErrorSummary items={summaryItems(state.fieldErrors)} focusKey={state} />
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="recordId" value={recordId} />
      <ReasonAndEvidence state={state} reasonLabel="异议内容：哪些内容有误，理由是什么" />
      <Submit pending={pending} label="提交异议" />
    </form>
  );
}
