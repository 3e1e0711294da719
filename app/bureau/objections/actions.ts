'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { handleObjection } from '@/lib/services/objections';
import { handleRecordObjection } from '@/lib/services/record-objections';
import type { HandleState } from '@/components/objections/handling-forms';

/** A plain form (works without JavaScript): verify, correct or explain an objection. */
export async function handleObjectionAction(_prev: HandleState, formData: FormData): Promise<HandleState> {
  const input = Object.fromEntries(['action', 'caseId', 'version', 'field', 'value', 'note'].map((k) => [k, formData.get(k) ?? undefined]));
  const result = await handleObjection(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/bureau/objections');
  revalidatePath('/projects', 'layout');
  redirect(`/bureau/objections/${result.data.id}?done=${result.data.status}`);
}

/** A plain form (works without JavaScript): verify, correct, revoke or explain an objection about a record. */
export async function handleRecordObjectionAction(_prev: HandleState, formData: FormData): Promise<HandleState> {
  const input = Object.fromEntries(['action', 'caseId', 'version', 'type', 'description', 'severity', 'points', 'note'].map((k) => [k, formData.get(k) ?? undefined]));
  const result = await handleRecordObjection(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/bureau/objections');
  revalidatePath('/companies', 'layout');
  revalidatePath('/projects', 'layout');
  redirect(`/bureau/objections/${result.data.id}?done=${result.data.status}`);
}
