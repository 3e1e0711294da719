'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { SupervisionState } from '@/components/supervision/forms';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { recordRosterVerification } from '@/lib/services/supervision';

const TEXT = ['projectId', 'version', 'verifiedOn', 'note', 'discrepancyCount', 'discrepancies', 'followUp', 'orderId'] as const;

/** A plain form: the district (the city) records or amends the year's verification of an estate's roster (SN 23). */
export async function recordRosterVerificationAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = { ...(Object.fromEntries(TEXT.map((k) => [k, textOf(fd, k)])) as Record<(typeof TEXT)[number], string>), checks: fd.getAll('checks').filter((v): v is string => typeof v === 'string') };
  const result = await recordRosterVerification(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/bureau/roster-checks');
  revalidatePath('/bureau');
  redirect(`/bureau/roster-checks/${data.projectId}?saved=1`);
}
