'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { findCompanyByUscc } from '@/db/queries/public-lists';
import { getActor } from '@/lib/auth/actor';
import { invalidatePublicLists } from '@/lib/cache/public-lists';
import { today } from '@/lib/clock';
import { env } from '@/lib/env';
import { openListEntry } from '@/lib/services/list-entries';

/**
 * Test hook (E2E_HOOKS=1 only, a signed-in city user): opens a 一票否决 black entry for a company the way the
 * bureau's services do — the entry in one transaction, then `invalidatePublicLists()` — so an end-to-end test can
 * prove that the first request after a list change made in a server action shows it. Off in production.
 */
export async function openTestVeto(formData: FormData): Promise<void> {
  if (env().E2E_HOOKS !== '1') throw new Error('E2E hooks are off');
  const actor = await getActor();
  if (!actor || actor.role !== 'city') throw new Error('city only');
  const db = getDb();
  const company = await findCompanyByUscc(db, String(formData.get('uscc') ?? ''));
  if (!company) throw new Error('unknown company');
  const policy = await getCurrentPolicy(db);
  await db.transaction((tx) =>
    openListEntry(tx, actor, {
      companyId: company.id,
      rule: 'DW11-veto',
      reason: String(formData.get('reason') ?? '端到端测试：一票否决'),
      since: today(),
      until: null,
      policyVersion: policy.version,
    }),
  );
  invalidatePublicLists();
  redirect(`/lists/e2e-hook?done=${company.uscc}`);
}
