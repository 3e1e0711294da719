'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { recordFormInput, refused, type RecordFormState } from '@/lib/actions/record-form';
import { fileBadReport, fileGoodRecord } from '@/lib/services/practitioner-records';

/** SN 9–12: a good record of one of the company's staff, with evidence; the district reviews it. */
export async function fileGoodRecordAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await fileGoodRecord(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/company/records');
  redirect(`/company/records?filed=good&late=${result.data.lateDays}`);
}

/** SN 14: a report of bad conduct by one of the company's staff, with evidence. */
export async function fileReportAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await fileBadReport(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/company/records');
  redirect(`/company/records?filed=report&late=${result.data.lateDays}`);
}
