'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { createCompanyAccount } from '@/lib/services/accounts';

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
