'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { formObject, isSafeFieldName } from '@/lib/actions/form-data';
import { getActor } from '@/lib/auth/actor';
import { savePolicyVersion } from '@/lib/services/credit-policy';

export interface PolicyFormState {
  message?: string;
  conflict?: boolean;
  fieldErrors?: Record<string, string[]>;
  /** What was sent, flat by field name, to refill the form after an error. */
  values?: Record<string, string>;
  saved?: number;
}

export async function savePolicyAction(_prev: PolicyFormState, fd: FormData): Promise<PolicyFormState> {
  const actor = await getActor();
  if (!actor) return { message: '登录已失效，请重新登录。' };
  const values: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === 'string' && !k.startsWith('$ACTION') && isSafeFieldName(k)) values[k] = v;
  const { reason, baseVersion, ...settings } = formObject(fd);
  const result = await savePolicyVersion(getDb(), actor, { settings, reason, baseVersion });
  if (!result.ok) return { message: result.message, conflict: result.code === 'CONFLICT', fieldErrors: result.fieldErrors, values };
  revalidatePath('/bureau/policy');
  return { saved: result.data.version };
}
