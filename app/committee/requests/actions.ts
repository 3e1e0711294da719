'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DataUseState } from '@/components/data-use/forms';
import { getDb } from '@/db';
import { lazyUploadsOf, textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { fileDataRequest } from '@/lib/services/data-use';

const FIELDS = ['companyUscc', 'subjects', 'names', 'useMatter', 'purpose', 'scopeText', 'protectionPromised'] as const;

/** A plain form (works without JavaScript): the committee files a data-use request (SN 20). */
export async function fileCommitteeRequestAction(_prev: DataUseState, fd: FormData): Promise<DataUseState> {
  const data = Object.fromEntries(FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await fileDataRequest(getDb(), await getActor(), { data, letter: lazyUploadsOf(fd, 'letter') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/committee/requests');
  revalidatePath('/bureau/data-requests');
  revalidatePath('/company/data-requests');
  redirect(`/committee/requests/${result.data.id}?done=1`);
}
