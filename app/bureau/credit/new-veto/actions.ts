'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { recordVeto } from '@/lib/services/veto';

export interface VetoState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const FIELDS = ['companyId', 'projectId', 'vetoType', 'decisionOn', 'description', 'issuer'] as const;

/** DW 11: a district or the city records a one-vote veto (the service authorizes and scopes it). */
export async function recordVetoAction(_prev: VetoState, fd: FormData): Promise<VetoState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await recordVeto(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/bureau/credit');
  revalidatePath('/bureau');
  revalidatePath('/company/credit');
  revalidatePath('/companies', 'layout');
  redirect(`/bureau/credit/${result.data.id}?entered=1`);
}
