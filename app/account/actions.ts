'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { isFormData } from '@/lib/actions/form-data';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { setOwnEmail } from '@/lib/services/inbox';

export interface AccountEmailState {
  message?: string;
  saved?: string | null;
  fieldErrors?: { email?: string };
  values?: { email: string };
}

/** Any signed-in account sets or clears its own e-mail address for inbox mail. */
export async function setOwnEmailAction(_prev: AccountEmailState, fd: FormData): Promise<AccountEmailState> {
  if (!isFormData(fd)) return { message: '请求格式无效，请刷新页面后重试。' };
  const email = textOf(fd, 'email');
  const r = await setOwnEmail(getDb(), await getActor(), { email });
  if (!r.ok) return { message: r.message, fieldErrors: { email: r.fieldErrors?.email?.[0] }, values: { email } };
  revalidatePath('/account');
  return { saved: r.data.email, values: { email: r.data.email ?? '' } };
}
