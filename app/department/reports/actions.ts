'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { recordFormInput, refused, type RecordFormState } from '@/lib/actions/record-form';
import { fileBadReport } from '@/lib/services/practitioner-records';

/** SN 14: a government department reports bad conduct it found, with evidence. */
export async function fileDepartmentReportAction(_prev: RecordFormState, fd: FormData): Promise<RecordFormState> {
  const { values, ...input } = await recordFormInput(fd);
  const result = await fileBadReport(getDb(), await getActor(), input);
  if (!result.ok) return refused(result, values);
  revalidatePath('/department/reports');
  redirect(`/department/reports?filed=1&late=${result.data.lateDays}`);
}
