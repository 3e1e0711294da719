'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/actor';
import { saveBoard } from '@/lib/services/boards';
import { fileNonRenewalNotice, recordEarlyExit, registerContract } from '@/lib/services/contracts';

/** Every export authorizes itself inside the service (role, company scope); these only wire Next.js in. */

export async function registerContractAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await registerContract(getDb(), await getActor(), input);
  if (!result.ok) return result;
  revalidatePath('/company/projects');
  revalidatePath('/bureau/contracts');
  redirect('/company/projects?registered=1');
}

export async function fileNonRenewalNoticeAction(input: unknown) {
  const result = await fileNonRenewalNotice(getDb(), await getActor(), input);
  if (result.ok) {
    revalidatePath('/company/projects');
    revalidatePath('/bureau/projects');
  }
  return result;
}

export async function recordEarlyExitAction(input: unknown) {
  const result = await recordEarlyExit(getDb(), await getActor(), input);
  if (result.ok) {
    revalidatePath('/company/projects');
    revalidatePath('/bureau/projects');
  }
  return result;
}

export async function saveBoardAction(input: unknown): Promise<ActionResult<{ projectId: string; version: number }>> {
  const result = await saveBoard(getDb(), await getActor(), input);
  if (!result.ok) return result;
  revalidatePath('/company/projects');
  revalidatePath(`/company/projects/${result.data.projectId}/board`);
  revalidatePath('/bureau/projects');
  redirect(`/company/projects/${result.data.projectId}/board?saved=${result.data.version}`);
}
