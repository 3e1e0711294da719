'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { fileObjection, type EvidenceUpload } from '@/lib/services/objections';

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
  const evidence: EvidenceUpload[] = [];
  for (const f of formData.getAll('evidence')) {
    if (f instanceof File && f.size > 0) evidence.push({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name });
  }
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || null;
  const result = await fileObjection(getDb(), await getActor(), { data, evidence }, { ip });
  if (!result.ok) {
    const { idNumber: _id, ...values } = data;
    return { message: result.message, fieldErrors: result.fieldErrors, values };
  }
  redirect(`/objections/${result.data.trackingCode}?filed=1`);
}
