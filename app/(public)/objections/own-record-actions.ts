'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { getActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { fileOwnFullRecordRequest, issueOwnFullRecord, type OwnDataUse } from '@/lib/services/data-use';
import { ownRecordsByToken } from '@/lib/services/record-objections';

/** The data-use section of the own-record look-up (SN 20.1; plain forms, the look-up's proof of identity). */
export interface OwnUseState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: boolean;
  dataUse?: OwnDataUse;
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/** The person asks the district to let them print their full record. */
export async function requestOwnFullRecordAction(_prev: OwnUseState, formData: FormData): Promise<OwnUseState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const db = getDb();
  const token = str(formData.get('token'));
  const result = await fileOwnFullRecordRequest(db, await getActor(), { token, purpose: str(formData.get('purpose')) }, { ip: clientIp(await headers()) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  const again = await ownRecordsByToken(db, token);
  return { done: true, message: '已提交，区县住建部门审批后可在此打印。', dataUse: again.ok ? again.data.dataUse : undefined };
}

/** The person prints their approved full record: a document with a verification code, shown as an A4 page. */
export async function printOwnFullRecordAction(_prev: OwnUseState, formData: FormData): Promise<OwnUseState> {
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const result = await issueOwnFullRecord(getDb(), await getActor(), { token: str(formData.get('token')), requestId: str(formData.get('requestId')) }, { ip: clientIp(await headers()) });
  if (!result.ok) return { message: result.message };
  redirect(`/records/full/${result.data.code}`);
}

