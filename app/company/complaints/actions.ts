'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { HandlingState } from '@/components/complaints/handling-forms';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { answerComplaint } from '@/lib/services/complaints';

/** A plain form (works without JavaScript): the serving company answers a complaint or acknowledges a praise. */
export async function answerComplaintAction(_prev: HandlingState, fd: FormData): Promise<HandlingState> {
  const data = { caseId: textOf(fd, 'caseId'), version: textOf(fd, 'version'), answer: textOf(fd, 'answer') };
  const result = await answerComplaint(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: { answer: data.answer } };
  revalidatePath('/company/complaints');
  revalidatePath('/bureau/complaints');
  redirect(`/company/complaints/${result.data.id}?done=1`);
}
