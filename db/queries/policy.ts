import 'server-only';
import { desc } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { creditPolicies } from '@/db/schema';
import { creditPolicySchema, defaultCreditPolicy, type CreditPolicy } from '@/lib/domain/credit-policy';

export interface PolicyVersion {
  version: number;
  settings: CreditPolicy;
}

/** The newest credit-policy version; the SPEC §4 defaults (as version 0) if none was ever saved. */
export async function getCurrentPolicy(db: Queryable): Promise<PolicyVersion> {
  const [row] = await db
    .select({ version: creditPolicies.version, settings: creditPolicies.settings })
    .from(creditPolicies)
    .orderBy(desc(creditPolicies.version))
    .limit(1);
  if (!row) return { version: 0, settings: defaultCreditPolicy };
  return { version: row.version, settings: creditPolicySchema.parse(row.settings) };
}
