import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { creditPolicies, users } from '@/db/schema';
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

export interface PolicyVersionRow {
  version: number;
  settings: unknown;
  reason: string;
  createdAt: Date;
  createdByName: string | null;
}

/** Every saved version, newest first, with who saved it (the seeded first version has no author). */
export async function listPolicyVersions(db: Queryable): Promise<PolicyVersionRow[]> {
  return db
    .select({
      version: creditPolicies.version,
      settings: creditPolicies.settings,
      reason: creditPolicies.reason,
      createdAt: creditPolicies.createdAt,
      createdByName: users.displayName,
    })
    .from(creditPolicies)
    .leftJoin(users, eq(users.id, creditPolicies.createdBy))
    .orderBy(desc(creditPolicies.version));
}
