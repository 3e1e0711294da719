'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isFormData } from '@/lib/actions/form-data';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { markInboxRead } from '@/lib/services/inbox';

/** A plain form (works without JavaScript): mark one item (`id`) or all (`all=1`) read, then back to the page. */
export async function markInboxReadAction(fd: FormData): Promise<void> {
  if (!isFormData(fd)) redirect('/inbox');
  const id = textOf(fd, 'id');
  const input = id ? { id } : { all: textOf(fd, 'all') };
  const result = await markInboxRead(getDb(), await getActor(), input);
  if (!result.ok && result.code === 'UNAUTHENTICATED') redirect('/login?next=%2Finbox');
  revalidatePath('/inbox');
  const page = Number(textOf(fd, 'page'));
  const sp = new URLSearchParams();
  if (textOf(fd, 'unread') === '1') sp.set('unread', '1');
  if (Number.isInteger(page) && page > 1 && page < 100_000) sp.set('page', String(page));
  redirect(sp.size ? `/inbox?${sp}` : '/inbox');
}
