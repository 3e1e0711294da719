'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { handleObjection } from '@/lib/services/objections';
import type { HandleState } from '@/components/objections/handling-forms';

/** A plain form (works without JavaScript): verify, correct or explain an objection. */
export async function handleObjectionAction(_prev: HandleState, formData: FormData): Promise<HandleState> {
  const input = Object.fromEntries(['action', 'caseId', 'version', 'field', 'value', 'note'].map((k) => [k, formData.get(k) ?? undefined]));
  const result = await handleObjection(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/company/objections');
  revalidatePath('/projects', 'layout');
  redirect(`/company/objections/${result.data.id}?done=${result.data.status}`);
}
