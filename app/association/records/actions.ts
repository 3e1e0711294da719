'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { recordFormInput, refused, type RecordFormState } from '@/lib/actions/record-form';
import { fileAssociationCommendation, fileBadReport } from '@/lib/services/practitioner-records';

/** SN 10: an association commendation, within the year's cap. */
export async function fileCommendationAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await fileAssociationCommendation(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/association/records');
  revalidatePath('/association');
  redirect(`/association/records?filed=commendation&used=${result.data.used}`);
}

/** SN 13.4: a public censure by the association, reported to the district with evidence. */
export async function fileCensureAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await fileBadReport(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/association/records');
  redirect(`/association/records?filed=censure&late=${result.data.lateDays}`);
}
