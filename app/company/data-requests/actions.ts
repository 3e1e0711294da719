'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DataUseState } from '@/components/data-use/forms';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { answerDataConsent, fileDataRequest } from '@/lib/services/data-use';

const FIELDS = ['subjects', 'names', 'useMatter', 'purpose', 'scopeText', 'protectionPromised'] as const;

/** A plain form: the company asks for its own staff's records, for a tender or hiring (SN 20.2). */
export async function fileCompanyRequestAction(_prev: DataUseState, fd: FormData): Promise<DataUseState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await fileDataRequest(getDb(), await getActor(), { data });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/company/data-requests');
  revalidatePath('/bureau/data-requests');
  redirect(`/company/data-requests/${result.data.id}?done=1`);
}

/** A plain form: the company consents to an owners' committee's request about its staff, or refuses with a reason (SN 20.3). */
export async function answerConsentAction(_prev: DataUseState, fd: FormData): Promise<DataUseState> {
  const data = Object.fromEntries((['requestId', 'version', 'answer', 'reason'] as const).map((k) => [k, textOf(fd, k)]));
  const result = await answerDataConsent(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/company/data-requests');
  revalidatePath('/committee/requests');
  revalidatePath('/bureau/data-requests');
  redirect(`/company/data-requests/${result.data.id}?done=1`);
}
