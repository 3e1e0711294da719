'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { saveInspector } from '@/lib/services/spot-checks';

export interface InspectorState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

const FIELDS = ['id', 'version', 'name', 'unit', 'districtId', 'active'] as const;

/** The city adds or edits an inspector of the 双随机 roster (a plain form: works without JavaScript). */
export async function saveInspectorAction(_prev: InspectorState, fd: FormData): Promise<InspectorState> {
  if (!isFormData(fd)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await saveInspector(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/bureau/inspectors');
  redirect('/bureau/inspectors?saved=1');
}
