'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { fileObjection, type EvidenceUpload } from '@/lib/services/objections';
import { fileOwnRecordObjection, filePublicRecordObjection, lookupOwnRecords, ownRecordsByToken, type OwnRecordsLookup } from '@/lib/services/record-objections';

export interface ObjectionFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back without JavaScript (never the ID number). */
  values?: { name: string; mobile: string; field: string; claimed: string; statement: string };
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/** A plain multipart form (works without JavaScript): anyone may file; the service checks who they are. */
export async function fileObjectionAction(_prev: ObjectionFormState, formData: FormData): Promise<ObjectionFormState> {
  const data = {
    name: str(formData.get('name')),
    idNumber: str(formData.get('idNumber')),
    mobile: str(formData.get('mobile')),
    field: str(formData.get('field')),
    claimed: str(formData.get('claimed')),
    statement: str(formData.get('statement')),
  };
  const evidence = await evidenceOf(formData);
  const ip = await clientIp();
  const result = await fileObjection(getDb(), await getActor(), { data, evidence }, { ip });
  if (!result.ok) {
    const { idNumber: _id, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

async function evidenceOf(formData: FormData): Promise<EvidenceUpload[]> {
  const evidence: EvidenceUpload[] = [];
  for (const f of formData.getAll('evidence')) {
    if (f instanceof File && f.size > 0) evidence.push({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name });
  }
  return evidence;
}

async function clientIp() {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
}

export interface RecordObjectionFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back without JavaScript (never the ID number). */
  values?: Record<string, string>;
  /** Second step of the look-up by name, ID number and mobile: the person's records and the proof of identity. */
  lookup?: OwnRecordsLookup;
}

/** DW 9 第二款: anyone about a published credit record or staff record, with written evidence. */
export async function filePublicRecordObjectionAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  const data = Object.fromEntries(['subject', 'recordId', 'name', 'phone', 'reason'].map((k) => [k, str(formData.get(k))]));
  const result = await filePublicRecordObjection(getDb(), await getActor(), { data, evidence: await evidenceOf(formData) }, { ip: await clientIp() });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

/** SN 18: the person about their own record, by the notice code with name and ID number. */
export async function fileOwnRecordByNoticeAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  const data = Object.fromEntries(['noticeCode', 'name', 'idNumber', 'reason'].map((k) => [k, str(formData.get(k))]));
  const result = await fileOwnRecordObjection(getDb(), await getActor(), { by: 'notice', data, evidence: await evidenceOf(formData) }, { ip: await clientIp() });
  if (!result.ok) {
    const { idNumber: _id, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}

/**
 * SN 18 without the notice, in two steps on one form: `step=lookup` checks name, ID number and mobile and lists
 * the person's records; `step=file` files on the chosen one. A failed second step comes back with the list.
 */
export async function ownRecordLookupAction(_prev: RecordObjectionFormState, formData: FormData): Promise<RecordObjectionFormState> {
  const db = getDb();
  if (str(formData.get('step')) !== 'file') {
    const data = { name: str(formData.get('name')), idNumber: str(formData.get('idNumber')), mobile: str(formData.get('mobile')) };
    const found = await lookupOwnRecords(db, await getActor(), data);
    if (!found.ok) return { message: found.message, fieldErrors: found.fieldErrors, values: { name: data.name, mobile: data.mobile } };
    return { lookup: found.data };
  }
  const data = { token: str(formData.get('token')), recordId: str(formData.get('recordId')), reason: str(formData.get('reason')) };
  const result = await fileOwnRecordObjection(db, await getActor(), { by: 'token', data, evidence: await evidenceOf(formData) }, { ip: await clientIp() });
  if (!result.ok) {
    const again = await ownRecordsByToken(db, data.token);
    if (!again.ok) return { message: again.message };
    return { message: result.message, fieldErrors: result.fieldErrors, values: { recordId: data.recordId, reason: data.reason }, lookup: again.data };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}
