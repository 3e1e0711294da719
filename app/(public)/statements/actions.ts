'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { fileRecordStatement } from '@/lib/services/record-statements';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';

export interface StatementFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back when the form comes back without JavaScript (never the ID number). */
  values?: { noticeCode: string; name: string; statement: string };
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/** A plain form (works without JavaScript): the person's statement beside their own record. */
export async function fileStatementAction(_prev: StatementFormState, formData: FormData): Promise<StatementFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const data = { noticeCode: str(formData.get('noticeCode')), name: str(formData.get('name')), idNumber: str(formData.get('idNumber')), statement: str(formData.get('statement')) };
  const result = await fileRecordStatement(getDb(), await getActor(), data, { ip: clientIp(await headers()) });
  if (!result.ok) {
    const { idNumber: _id, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect('/statements/new?saved=1');
}
