'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { createCompanyAccount, unlockAccount } from '@/lib/services/accounts';
import { changeAccountScope, createRoleAccount, deactivateAccount, reactivateAccount, resetAccountPassword } from '@/lib/services/role-accounts';

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

// ── Accounts of every role ──────────────────────────────────────────────────────────────────────────────

const SCOPE_KEYS = ['districtId', 'regionId', 'projectId', 'organisationName'] as const;
const text = (formData: FormData, k: string) => {
  const v = formData.get(k);
  return typeof v === 'string' ? v : '';
};

export interface RoleAccountState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  created?: { username: string; role: string; scope: string; temporaryPassword: string };
}

export async function createRoleAccountAction(_prev: RoleAccountState, formData: FormData): Promise<RoleAccountState> {
  const values = Object.fromEntries(['role', 'username', 'displayName', ...SCOPE_KEYS].map((k) => [k, text(formData, k)]));
  const result = await createRoleAccount(getDb(), await getActor(), values);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  revalidatePath('/bureau/accounts');
  const { username, role, scope, temporaryPassword } = result.data;
  return { created: { username, role, scope, temporaryPassword } };
}

export interface AccountStepState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: string;
  /** A reset's new temporary password, shown once. */
  temporaryPassword?: string;
}

const stepResult = (r: { ok: true; data: { username: string } } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }, done: string): AccountStepState => {
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors };
  revalidatePath('/bureau/accounts');
  return { done };
};

export async function deactivateAccountAction(_prev: AccountStepState, formData: FormData): Promise<AccountStepState> {
  const r = await deactivateAccount(getDb(), await getActor(), { userId: text(formData, 'userId') });
  return stepResult(r, '账号已停用，其所有登录会话已立即失效。');
}

export async function reactivateAccountAction(_prev: AccountStepState, formData: FormData): Promise<AccountStepState> {
  const r = await reactivateAccount(getDb(), await getActor(), { userId: text(formData, 'userId') });
  return stepResult(r, '账号已重新启用。');
}

export async function resetAccountPasswordAction(_prev: AccountStepState, formData: FormData): Promise<AccountStepState> {
  const r = await resetAccountPassword(getDb(), await getActor(), { userId: text(formData, 'userId') });
  if (!r.ok) return { message: r.message };
  revalidatePath('/bureau/accounts');
  return { done: '已重置密码，原密码和所有登录会话立即失效。', temporaryPassword: r.data.temporaryPassword };
}

export async function changeAccountScopeAction(_prev: AccountStepState, formData: FormData): Promise<AccountStepState> {
  const input = Object.fromEntries(['userId', ...SCOPE_KEYS].map((k) => [k, text(formData, k)]));
  const r = await changeAccountScope(getDb(), await getActor(), input);
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors };
  revalidatePath('/bureau/accounts');
  return { done: `辖区已改为“${r.data.scope}”，该账号需重新登录。` };
}
