'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { publishEvaluation, runEvaluation } from '@/lib/services/evaluations';

export interface EvaluationState {
  message?: string;
}

/** ZT 五.(三): the city computes a year (the service authorizes). */
export async function runEvaluationAction(_prev: EvaluationState, fd: FormData): Promise<EvaluationState> {
  const year = textOf(fd, 'year');
  const r = await runEvaluation(getDb(), await getActor(), { year });
  if (!r.ok) return { message: r.fieldErrors?.year?.[0] ?? r.message };
  revalidatePath('/bureau/evaluations');
  redirect(`/bureau/evaluations?year=${r.data.year}&done=run`);
}

/**
 * The city publishes a year, confirming the plan it read on the check-your-answers page (its fingerprint): letters,
 * interviews, black entries (the service authorizes, and refuses a plan that has changed).
 */
export async function publishEvaluationAction(_prev: EvaluationState, fd: FormData): Promise<EvaluationState> {
  const year = textOf(fd, 'year');
  const r = await publishEvaluation(getDb(), await getActor(), { year, fingerprint: textOf(fd, 'fingerprint') || undefined });
  if (!r.ok) return { message: r.fieldErrors?.year?.[0] ?? r.fieldErrors?.fingerprint?.[0] ?? r.message };
  revalidatePath('/bureau/evaluations');
  revalidatePath('/company/evaluations');
  revalidatePath('/companies', 'layout');
  redirect(`/bureau/evaluations?year=${r.data.year}&done=published`);
}
