'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/actor';
import type { FullIdState } from '@/components/practitioner/full-id-view';
import { addPractitionerPhoto, resubmitEntry } from '@/lib/services/practitioner-correction';
import { submitEntry, type EntryResult } from '@/lib/services/practitioner-entry';
import { viewFullIdNumber } from '@/lib/services/practitioner-review';

async function photoOf(fd: FormData) {
  const file = fd.get('photo');
  return file instanceof File && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()) } : null;
}

/** The form's JSON `data`; JSON that does not parse is no data (the service answers who is asking first, then INVALID). */
function dataOf(fd: FormData): unknown {
  try {
    return JSON.parse(String(fd.get('data') ?? ''));
  } catch {
    return null;
  }
}

/** The entry form posts its fields as JSON in `data` and the photo as `photo`. */
export async function submitEntryAction(fd: FormData): Promise<ActionResult<EntryResult>> {
  const actor = await getActor();
  const result = await submitEntry(getDb(), actor, { data: dataOf(fd), photo: actor ? await photoOf(fd) : null });
  if (result.ok) {
    revalidatePath('/company/staff');
    revalidatePath('/bureau/staff');
  }
  return result;
}

/** A returned entry, corrected and sent again. */
export async function resubmitEntryAction(fd: FormData): Promise<ActionResult<{ practitionerId: string; submissionId: string }>> {
  const actor = await getActor();
  const result = await resubmitEntry(getDb(), actor, {
    submissionId: fd.get('submissionId'),
    expectedVersion: fd.get('expectedVersion'),
    data: dataOf(fd),
    photo: actor ? await photoOf(fd) : null,
  });
  if (result.ok) {
    revalidatePath('/company/staff');
    revalidatePath(`/company/staff/${result.data.practitionerId}`);
    revalidatePath('/bureau/staff');
  }
  return result;
}

export interface PhotoState {
  message?: string;
  done?: boolean;
}

/** The photo of a person who has none. */
export async function addPhotoAction(_prev: PhotoState, fd: FormData): Promise<PhotoState> {
  const practitionerId = String(fd.get('practitionerId') ?? '');
  const result = await addPractitionerPhoto(getDb(), await getActor(), { practitionerId, photo: await photoOf(fd) });
  if (!result.ok) return { message: result.fieldErrors?.photo?.[0] ?? result.message };
  revalidatePath(`/company/staff/${practitionerId}`);
  return { done: true };
}

/** The logged full ID number; returned in this response only. */
export async function viewFullIdAction(_prev: FullIdState, fd: FormData): Promise<FullIdState> {
  const result = await viewFullIdNumber(getDb(), await getActor(), { practitionerId: fd.get('practitionerId') });
  return result.ok ? { idNumber: result.data.idNumber } : { message: result.message };
}
