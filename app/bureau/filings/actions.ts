'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DecideState } from '@/components/forms/decision-form';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { decideFiling, DECISION_LABELS } from '@/lib/services/company-filing';


/** A plain form (works without JavaScript): the city's decision on a filing. */
export async function decideFilingAction(_prev: DecideState, formData: FormData): Promise<DecideState> {
  const input = {
    submissionId: formData.get('submissionId'),
    version: formData.get('version'),
    decision: formData.get('decision') ?? undefined,
    reason: formData.get('reason') ?? '',
  };
  const result = await decideFiling(getDb(), await getActor(), input);
  if (!result.ok) {
    return {
      message: result.message,
      fieldErrors: result.fieldErrors,
      reason: String(input.reason),
      decision: input.decision ? String(input.decision) : undefined,
    };
  }
  revalidatePath('/bureau/filings');
  revalidatePath('/company/filing');
  revalidatePath('/companies');
  const label = DECISION_LABELS[result.data.status as keyof typeof DECISION_LABELS] ?? '';
  redirect(`/bureau/filings?decided=${encodeURIComponent(label)}`);
}
