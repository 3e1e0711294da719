'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { reportWarning } from '@/lib/services/credit-records';

export interface WarningReportState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const FIELDS = ['projectId', 'type', 'occurredOn', 'description', 'severity', 'proposedPoints'] as const;

/** DW 8.1.2: warning information found in daily supervision, with proposed points and evidence. */
export async function reportWarningAction(_prev: WarningReportState, fd: FormData): Promise<WarningReportState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await reportWarning(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/street/warnings');
  revalidatePath('/bureau/credit');
  redirect('/street/warnings?reported=1');
}
