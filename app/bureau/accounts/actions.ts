'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { createCompanyAccount, unlockAccount } from '@/lib/services/accounts';

export interface AccountState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  created?: { username: string; temporaryPassword: string; companyName: string; newCompany: boolean };
}

export async function createCompanyAccountAction(_prev: AccountState, formData: FormData): Promise<AccountState> {
  const values = Object.fromEntries(['uscc', 'companyName', 'districtId', 'username', 'displayName'].map((k) => [k, String(formData.get(k) ?? '')]));
  const result = await createCompanyAccount(getDb(), await getActor(), values);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath('/bureau/accounts');
  const { username, temporaryPassword, companyName, newCompany } = result.data;
  return { created: { username, temporaryPassword, companyName, newCompany } };
}

/**
 * The city lifts a sign-in lock (a plain form: works without JavaScript). The service decides who may; the page
 * shows a fixed message for the outcome code in the URL.
 */
export async function unlockAccountAction(formData: FormData): Promise<void> {
  const actor = await getActor();
  if (!actor) redirect('/login?next=%2Fbureau%2Faccounts');
  const userId = formData.get('userId');
  const result = await unlockAccount(getDb(), actor, { userId: typeof userId === 'string' ? userId : '' });
  if (result.ok) revalidatePath('/bureau/accounts');
  redirect(`/bureau/accounts?unlock=${result.ok ? 'done' : 'failed'}#locked-heading`);
}
