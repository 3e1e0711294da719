'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/forms/field';
import { ReasonAndEvidence, Submit, type FieldsState } from '@/components/objections/record-objection-fields';
import { fileCompanyRecordObjectionAction } from '../actions';

/** Works without JavaScript: a multipart POST; the answer re-renders the form or redirects to the list. */
export function CompanyRecordObjectionForm({ recordId }: { recordId: string }) {
  const [state, action, pending] = useActionState<FieldsState, FormData>(fileCompanyRecordObjectionAction, {});
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormAlert message={state.message ?? null} />
      <input type="hidden" name="recordId" value={recordId} />
      <ReasonAndEvidence state={state} reasonLabel="异议内容：哪些内容有误，理由是什么" />
      <Submit pending={pending} label="提交异议" />
    </form>
  );
}
