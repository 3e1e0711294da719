'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { SupervisionState } from '@/components/supervision/forms';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { answerRectificationOrder } from '@/lib/services/supervision';

/** A plain form: the company reports its rectification with evidence (SN 24), again after a return. */
export async function answerRectificationOrderAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = { orderId: textOf(fd, 'orderId'), version: textOf(fd, 'version'), answer: textOf(fd, 'answer') };
  const result = await answerRectificationOrder(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: { answer: data.answer } };
  revalidatePath('/company/rectifications');
  revalidatePath('/bureau/rectifications');
  redirect(`/company/rectifications/${result.data.id}?done=1`);
}
