'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DecideState } from '@/components/forms/decision-form';
import { getDb } from '@/db';
import type { FullIdState } from '@/components/practitioner/full-id-view';
import { getActor } from '@/lib/auth/actor';
import { decidePractitionerSubmission, viewFullIdNumber } from '@/lib/services/practitioner-review';
import { STAFF_DECISION_LABELS } from '@/lib/validation/practitioner-review';


/** A plain form (works without JavaScript): the bureau's decision on a staff submission. */
export async function decideStaffAction(_prev: DecideState, fd: FormData): Promise<DecideState> {
  const input = {
    id: fd.get('id'),
    expectedVersion: fd.get('expectedVersion'),
    decision: fd.get('decision') ?? undefined,
    reason: fd.get('reason') ?? '',
  };
  const result = await decidePractitionerSubmission(getDb(), await getActor(), input);
  if (!result.ok) {
    return {
      message: result.message,
      conflict: result.code === 'CONFLICT',
      fieldErrors: result.fieldErrors,
      reason: String(input.reason),
      decision: input.decision ? String(input.decision) : undefined,
    };
  }
  revalidatePath('/bureau/staff');
  revalidatePath('/company/staff');
  const label = STAFF_DECISION_LABELS[result.data.status as keyof typeof STAFF_DECISION_LABELS] ?? '';
  redirect(`/bureau/staff?decided=${encodeURIComponent(label)}`);
}

/** The logged full ID number; returned in this response only. */
export async function viewFullIdAction(_prev: FullIdState, fd: FormData): Promise<FullIdState> {
  const result = await viewFullIdNumber(getDb(), await getActor(), { practitionerId: fd.get('practitionerId') });
  return result.ok ? { idNumber: result.data.idNumber } : { message: result.message };
}
