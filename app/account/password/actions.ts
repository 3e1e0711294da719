'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getPasswordHash, setPassword } from '@/db/queries/auth';
import { audit } from '@/lib/audit';
import { getActor } from '@/lib/auth/actor';
import { signOut } from '@/lib/auth/next-auth';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { changePasswordSchema, containsUsername, PASSWORD_HAS_USERNAME_MESSAGE } from '@/lib/validation/auth';

export interface ChangePasswordState {
  fieldErrors?: Partial<Record<'current' | 'next' | 'confirm', string>>;
}

/** Any signed-in user changes their own password; every session ends and they sign in again. */
export async function changePassword(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const parsed = changePasswordSchema.safeParse({
    current: formData.get('current'),
    next: formData.get('next'),
    confirm: formData.get('confirm'),
  });
  if (!parsed.success) {
    const fieldErrors: ChangePasswordState['fieldErrors'] = {};
    for (const i of parsed.error.issues) {
      const k = i.path[0] as 'current' | 'next' | 'confirm';
      fieldErrors[k] ??= i.message;
    }
    return { fieldErrors };
  }
  if (containsUsername(parsed.data.next, actor.username)) return { fieldErrors: { next: PASSWORD_HAS_USERNAME_MESSAGE } };
  const db = getDb();
  const stored = await getPasswordHash(db, actor.userId);
  if (!stored || !(await verifyPassword(stored, parsed.data.current))) {
    return { fieldErrors: { current: '当前密码不正确' } };
  }
  const newHash = await hashPassword(parsed.data.next);
  await db.transaction(async (tx) => {
    await setPassword(tx, actor.userId, newHash);
    await audit(tx, actor, { action: 'user.password_changed', objectType: 'user', objectId: actor.userId });
  });
  await signOut({ redirectTo: '/login?changed=1' });
  return {};
}
