'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/actor';
import { saveFiling, withdrawFiling } from '@/lib/services/company-filing';

/**
 * The filing form posts its fields as JSON in `data`, the licence scan as `licence`. Who is asking comes first:
 * JSON that does not parse goes on as no data, and the service answers (anonymous, wrong role, then INVALID).
 */
export async function saveFilingAction(formData: FormData): Promise<ActionResult<{ id: string; status: string }>> {
  const actor = await getActor();
  let data: unknown = null;
  try {
    data = JSON.parse(String(formData.get('data') ?? ''));
  } catch {
    data = null;
  }
  const file = formData.get('licence');
  const licence =
    actor && file instanceof File && file.size > 0 ? { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name } : null;
  const version = formData.get('expectedVersion');
  const result = await saveFiling(getDb(), actor, {
    submissionId: (formData.get('submissionId') as string) || null,
    expectedVersion: version ? Number(version) : null,
    submit: formData.get('submit') === 'true',
    idempotencyKey: (formData.get('idempotencyKey') as string) || null,
    data,
    licence,
  });
  if (result.ok) {
    revalidatePath('/company/filing');
    revalidatePath('/bureau/filings');
  }
  return result;
}

export interface WithdrawState {
  message?: string;
}

/** A plain form (works without JavaScript): withdraw a submitted filing or discard a draft. */
export async function withdrawFilingAction(_prev: WithdrawState, formData: FormData): Promise<WithdrawState> {
  const result = await withdrawFiling(getDb(), await getActor(), {
    submissionId: formData.get('submissionId'),
    version: formData.get('version'),
  });
  if (!result.ok) return { message: result.message };
  revalidatePath('/company/filing');
  revalidatePath('/bureau/filings');
  redirect('/company/filing?withdrawn=1');
}
