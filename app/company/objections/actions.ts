'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { handleObjection, type EvidenceUpload } from '@/lib/services/objections';
import { fileCompanyRecordObjection } from '@/lib/services/record-objections';
import type { HandleState } from '@/components/objections/handling-forms';
import type { FieldsState } from '@/components/objections/record-objection-fields';

/** A plain form (works without JavaScript): verify, correct or explain an objection. */
export async function handleObjectionAction(_prev: HandleState, formData: FormData): Promise<HandleState> {
  const input = Object.fromEntries(['action', 'caseId', 'version', 'field', 'value', 'note'].map((k) => [k, formData.get(k) ?? undefined]));
  const result = await handleObjection(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/company/objections');
  revalidatePath('/projects', 'layout');
  redirect(`/company/objections/${result.data.id}?done=${result.data.status}`);
}

/** DW 9 第一款: the company about one of its own confirmed credit records, with written evidence. */
export async function fileCompanyRecordObjectionAction(_prev: FieldsState, formData: FormData): Promise<FieldsState> {
  const data = { recordId: String(formData.get('recordId') ?? ''), reason: String(formData.get('reason') ?? '') };
  const evidence: EvidenceUpload[] = [];
  for (const f of formData.getAll('evidence')) {
    if (f instanceof File && f.size > 0) evidence.push({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name });
  }
  const result = await fileCompanyRecordObjection(getDb(), await getActor(), { data, evidence });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: { reason: data.reason } };
  revalidatePath('/company/objections');
  revalidatePath('/companies', 'layout');
  redirect(`/company/objections?filed=${result.data.trackingCode}#record-objections`);
}
