'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { lazyUploadsOf, textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { fileComplaint } from '@/lib/services/complaints';

export interface ComplaintFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form when it comes back without JavaScript. */
  values?: Record<string, string>;
}

const FIELDS = ['kind', 'projectId', 'about', 'practitionerId', 'name', 'phone', 'text'] as const;

/** SPEC §3.10: an owner's complaint or praise, without an account (a plain form: works without JavaScript). */
export async function fileComplaintAction(_prev: ComplaintFormState, formData: FormData): Promise<ComplaintFormState> {
  // A hand-made request may send other arguments than the form's FormData: refuse it rather than fail with a 500.
  if (!isFormData(formData)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(formData, k)]));
  const result = await fileComplaint(getDb(), await getActor(), { data, evidence: lazyUploadsOf(formData, 'evidence') }, { ip: clientIp(await headers()) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  redirect(`/complaints/${result.data.trackingCode}?filed=1`);
}
