'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { submitDepartmentCredit } from '@/lib/services/department-credit';

export interface DepartmentCreditState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const FIELDS = ['companyId', 'kind', 'type', 'documentNumber', 'occurredOn', 'description'] as const;

/** DW 8.1.4, ZJ 10: a department submits a company's penalty, warning or commendation information with evidence. */
export async function submitDepartmentCreditAction(_prev: DepartmentCreditState, fd: FormData): Promise<DepartmentCreditState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await submitDepartmentCredit(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/department/credit');
  revalidatePath('/bureau/credit');
  redirect(`/department/credit/${result.data.id}?submitted=1`);
}
