'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DataUseState } from '@/components/data-use/forms';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { decideDataRequest } from '@/lib/services/data-use';

const TEXT = ['requestId', 'version', 'outcome', 'expiresOn', 'reason', 'step'] as const;
const strings = (fd: FormData, name: string) => fd.getAll(name).filter((v): v is string => typeof v === 'string');

/**
 * A plain form: the district decides a data-use request. The first submit ('review') answers what exactly will be
 * visible, to whom and until when; the second ('confirm') decides.
 */
export async function decideDataRequestAction(_prev: DataUseState, fd: FormData): Promise<DataUseState> {
  const data = { ...Object.fromEntries(TEXT.map((k) => [k, textOf(fd, k)])), practitionerIds: strings(fd, 'practitionerIds'), fields: strings(fd, 'fields') };
  const result = await decideDataRequest(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  if (!result.data.decided) return { review: result.data.preview };
  revalidatePath('/bureau/data-requests');
  revalidatePath('/committee/requests');
  revalidatePath('/company/data-requests');
  revalidatePath('/department/requests');
  redirect(`/bureau/data-requests/${result.data.id}?done=1`);
}
