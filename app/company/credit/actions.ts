'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { filePerformanceRecord, setRecordStatement } from '@/lib/services/credit-records';
import { applyForRepair } from '@/lib/services/credit-repair';

export interface CreditFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back (files must be chosen again). */
  values?: Record<string, string>;
}

const PERFORMANCE_FIELDS = ['type', 'projectId', 'occurredOn', 'issuer', 'description', 'proposedPoints'] as const;

/** DW 8.1.3: the company's performance record with its evidence (a plain multipart form). */
export async function filePerformanceAction(_prev: CreditFormState, fd: FormData): Promise<CreditFormState> {
  const data = Object.fromEntries(PERFORMANCE_FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await filePerformanceRecord(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/company/credit');
  revalidatePath('/bureau/credit');
  redirect('/company/credit?filed=1');
}

export interface StatementState {
  message?: string;
  fieldError?: string;
  saved?: boolean;
  statement?: string;
}

/** The company's statement beside one of its confirmed records. */
export async function setStatementAction(_prev: StatementState, fd: FormData): Promise<StatementState> {
  const input = { id: textOf(fd, 'id'), statement: textOf(fd, 'statement') };
  const result = await setRecordStatement(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldError: result.fieldErrors?.statement?.[0], statement: input.statement };
  revalidatePath('/company/credit');
  revalidatePath('/companies', 'layout');
  return { saved: true, statement: result.data.statement ?? '' };
}

/** Credit repair: the account of the rectification, its evidence and the signed credit commitment. */
export async function applyRepairAction(_prev: CreditFormState, fd: FormData): Promise<CreditFormState> {
  const data = { recordId: textOf(fd, 'recordId'), rectification: textOf(fd, 'rectification') };
  const [commitment] = await uploadsOf(fd, 'commitment');
  const result = await applyForRepair(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence'), commitment: commitment ?? null });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: { rectification: data.rectification } };
  revalidatePath('/company/credit');
  revalidatePath('/bureau/credit');
  redirect('/company/credit?repair=1');
}
