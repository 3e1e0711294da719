'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { identityName, startIdentityCheck, verifyIdentityCode } from '@/lib/services/identity-check';
import { fileObjection, IDENTITY_EXPIRED_MESSAGE, type EvidenceInput } from '@/lib/services/objections';
import { fileOwnRecordObjection, filePublicRecordObjection, ownRecordsByCode, ownRecordsByToken, type OwnRecordsLookup } from '@/lib/services/record-objections';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { lazyUploadsOf } from '@/lib/actions/form-files';

/**
 * The two forms of the person about themselves go through the identity check by SMS first (plain forms, three
 * steps on one page, no JavaScript needed): `step=identify` (name, ID number, mobile → the same neutral answer and
 * a challenge), `step=code` (the code from the SMS → proof of identity), then the form itself.
 */
interface IdentitySteps {
  /** The neutral answer to step 1 (shown above the code field). */
  notice?: string;
  /** Step 2 is due: the challenge of step 1. */
  challenge?: string;
}

export interface ObjectionFormState extends IdentitySteps {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back without JavaScript (never the ID number). */
  values?: Record<string, string>;
  /** Step 3: who the person is (from the code) and the proof the form carries. */
  verified?: { token: string; name: string };
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');
const ipOf = async () => clientIp(await headers());

/** The uploads, counted but not read: the service checks its limits (and the count) before any byte is read. */
const evidenceOf = (formData: FormData): EvidenceInput => lazyUploadsOf(formData, 'evidence');

/** Steps 1 and 2, shared by both forms; null when the form is at its own step. */
async function identitySteps(formData: FormData, ip: string): Promise<(IdentitySteps & { message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; code?: { token: string; name: string } }) | null> {
  const step = str(formData.get('step'));
  if (step === 'code') {
    const challenge = str(formData.get('challenge'));
    const r = await verifyIdentityCode(getDb(), { challenge, code: str(formData.get('code')) }, { ip });
    if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, challenge };
    return { code: { token: r.data.token, name: r.data.name } };
  }
  if (step === 'file') return null;
  const data = { name: str(formData.get('name')), idNumber: str(formData.get('idNumber')), mobile: str(formData.get('mobile')) };
  const values = { name: data.name, mobile: data.mobile };
  const r = await startIdentityCheck(getDb(), data, { ip });
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  return { notice: r.data.message, challenge: r.data.challenge, values };
}

/** SN 18, the person about their own data: identity by SMS, then the item that is wrong with evidence. */
export async function fileObjectionAction(_prev: ObjectionFormState, formData: FormData): Promise<ObjectionFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const ip = await ipOf();
  const early = await identitySteps(formData, ip);
  if (early) {
    const { code, ...rest } = early;
    return code ? { verified: code } : rest;
  }
  const db = getDb();
  const data = { token: str(formData.get('token')), field: str(formData.get('field')), claimed: str(formData.get('claimed')), statement: str(formData.get('statement')) };
  const result = await fileObjection(db, await getActor(), { data, evidence: evidenceOf(formData) }, { ip });
  if (!result.ok) {
    const name = await identityName(db, data.token);
    if (name === null) return { message: IDENTITY_EXPIRED_MESSAGE };
    const { token: _t, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values, verified: { token: data.token, name } };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

export interface RecordObjectionFormState extends IdentitySteps {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back without JavaScript (never the ID number). */
  values?: Record<string, string>;
  /** Step 3 of the look-up: the person's records and the proof of identity. */
  lookup?: OwnRecordsLookup;
}

/** DW 9 第二款: anyone about a published credit record or staff record, with written evidence. */
export async function filePublicRecordObjectionAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(['subject', 'recordId', 'name', 'phone', 'reason'].map((k) => [k, str(formData.get(k))]));
  const result = await filePublicRecordObjection(getDb(), await getActor(), { data, evidence: evidenceOf(formData) }, { ip: await ipOf() });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

/** SN 18: the person about their own record, by the notice code with name and ID number. */
export async function fileOwnRecordByNoticeAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(['noticeCode', 'name', 'idNumber', 'reason'].map((k) => [k, str(formData.get(k))]));
  const result = await fileOwnRecordObjection(getDb(), await getActor(), { by: 'notice', data, evidence: evidenceOf(formData) }, { ip: await ipOf() });
  if (!result.ok) {
    const { idNumber: _id, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

/**
 * SN 18 without the notice: identity by SMS (steps 1 and 2; the code answers with the person's records), then
 * `step=file` on the chosen record. A failed last step comes back with the list.
 */
export async function ownRecordLookupAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const db = getDb();
  const ip = await ipOf();
  if (str(formData.get('step')) === 'code') {
    const challenge = str(formData.get('challenge'));
    const found = await ownRecordsByCode(db, { challenge, code: str(formData.get('code')) }, { ip });
    if (!found.ok) return { message: found.message, fieldErrors: found.fieldErrors, challenge };
    return { lookup: found.data };
  }
  const early = str(formData.get('step')) === 'file' ? null : await identitySteps(formData, ip);
  if (early) return early;
  const data = { token: str(formData.get('token')), recordId: str(formData.get('recordId')), reason: str(formData.get('reason')) };
  const result = await fileOwnRecordObjection(db, await getActor(), { by: 'token', data, evidence: evidenceOf(formData) }, { ip });
  if (!result.ok) {
    const again = await ownRecordsByToken(db, data.token);
    if (!again.ok) return { message: again.message };
    return { message: result.message, fieldErrors: result.fieldErrors, values: { recordId: data.recordId, reason: data.reason }, lookup: again.data };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}
