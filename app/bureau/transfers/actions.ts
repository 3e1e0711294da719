'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { formObject } from '@/lib/actions/form-data';
import { getActor } from '@/lib/auth/actor';
import { overrideTransfer } from '@/lib/services/practitioner-moves';

export interface OverrideState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, unknown>;
}

/** SN 16: the old estate's district releases a person whose company refused without valid reason or did not answer. */
export async function overrideTransferAction(_prev: OverrideState, fd: FormData): Promise<OverrideState> {
  const actor = await getActor();
  if (!actor) return { message: '登录已失效，请重新登录。' };
  const values = formObject(fd);
  const r = await overrideTransfer(getDb(), actor, values);
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  revalidatePath('/bureau/transfers');
  revalidatePath('/bureau/staff');
  redirect('/bureau/transfers?released=1');
}
