'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { decideContract } from '@/lib/services/contracts';

/** Authorization (role and district scope) happens inside the service. */
export async function decideContractAction(input: unknown) {
  const result = await decideContract(getDb(), await getActor(), input);
  if (result.ok) {
    revalidatePath('/bureau/contracts');
    revalidatePath('/bureau/projects');
    revalidatePath('/bureau');
  }
  return result;
}
