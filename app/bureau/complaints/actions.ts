'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { HandlingState } from '@/components/complaints/handling-forms';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { decideComplaint } from '@/lib/services/complaints';

const FIELDS = ['caseId', 'version', 'outcome', 'reason', 'staffRecord', 'practitionerId', 'companyWarning', 'severity', 'points'] as const;

/** A plain form (works without JavaScript): the district decides a complaint, with its records when substantiated. */
export async function decideComplaintAction(_prev: HandlingState, fd: FormData): Promise<HandlingState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await decideComplaint(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/bureau/complaints');
  revalidatePath('/company/complaints');
  revalidatePath('/bureau/records');
  revalidatePath('/bureau/credit');
  revalidatePath('/projects', 'layout');
  revalidatePath('/companies', 'layout');
  redirect(`/bureau/complaints/${result.data.id}?done=1`);
}
