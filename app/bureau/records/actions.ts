'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DecideState } from '@/components/forms/decision-form';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { recordFormInput, refused, type RecordFormState } from '@/lib/actions/record-form';
import { decideRecord, enterBadRecord } from '@/lib/services/practitioner-records';
import { RECORD_DECISION_LABELS } from '@/lib/validation/records';

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

/** A plain form: the district records a good record or a report (possibly adjusted), or declines it with a reason. */
export async function decideRecordAction(_prev: DecideState, fd: FormData): Promise<DecideState> {
  const input = {
    id: str(fd.get('id')),
    expectedVersion: str(fd.get('expectedVersion')),
    decision: fd.get('decision') ?? undefined,
    reason: str(fd.get('reason')),
    type: str(fd.get('type')),
    description: str(fd.get('description')),
  };
  const result = await decideRecord(getDb(), await getActor(), input);
  if (!result.ok) {
    return {
      message: result.message,
      conflict: result.code === 'CONFLICT',
      fieldErrors: result.fieldErrors,
      reason: input.reason,
      decision: input.decision ? String(input.decision) : undefined,
    };
  }
  revalidatePath('/bureau/records');
  revalidatePath('/company/records');
  const label = RECORD_DECISION_LABELS[result.data.status as keyof typeof RECORD_DECISION_LABELS] ?? '';
  redirect(result.data.noticeCode ? `/bureau/records/${result.data.id}?entered=1` : `/bureau/records?decided=${encodeURIComponent(label)}`);
}

/** SN 14: the bureau enters a bad record itself. */
export async function enterBadRecordAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await enterBadRecord(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/bureau/records');
  redirect(`/bureau/records/${result.data.id}?entered=1`);
}
