'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { findUserForLogin } from '@/db/queries/auth';
import { signIn } from '@/lib/auth/next-auth';
import { ROLE_HOME } from '@/lib/auth/policy';
import { loginSchema, safeNextPath } from '@/lib/validation/auth';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';

export interface LoginState {
  message?: string;
  fieldErrors?: { username?: string; password?: string };
  username?: string;
}

/** Same words for an unknown account and a wrong password. */
const INVALID = '账号或密码错误';
const LOCKED = '登录失败次数过多，该账号已被暂时锁定，请稍后再试；如急需使用，请联系市住建主管部门解锁';

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const parsed = loginSchema.safeParse({
    username: formData.get('username'),
    password: formData.get('password'),
    next: formData.get('next') ?? undefined,
  });
  if (!parsed.success) {
    const fe: LoginState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const k = issue.path[0];
      if (k === 'username' || k === 'password') fe[k] ??= issue.message;
    }
    return { fieldErrors: fe, username: String(formData.get('username') ?? '') };
  }
  const { username, password, next } = parsed.data;
  try {
    await signIn('credentials', { username, password, redirect: false });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return { message: code === 'locked' ? LOCKED : INVALID, username };
    }
    throw err;
  }
  const user = await findUserForLogin(getDb(), username);
  if (user?.mustChangePassword) redirect('/account/password');
  redirect(safeNextPath(next) ?? (user ? ROLE_HOME[user.role] : '/'));
}
