import 'server-only';
import { desc, eq, inArray } from 'drizzle-orm';
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

/** The settings of the given versions (the evaluation, rating or record's own); the SPEC §4 defaults for a
 * version that names none (0, or a row removed). */
export async function getPolicyVersions(db: Queryable, versions: readonly number[]): Promise<Map<number, PolicyVersion>> {
  const wanted = [...new Set(versions)];
  const rows = wanted.length
    ? await db.select({ version: creditPolicies.version, settings: creditPolicies.settings }).from(creditPolicies).where(inArray(creditPolicies.version, wanted))
    : [];
  const found = new Map(rows.map((r) => [r.version, { version: r.version, settings: creditPolicySchema.parse(r.settings) }]));
  return new Map(wanted.map((v) => [v, found.get(v) ?? { version: v, settings: defaultCreditPolicy }]));
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
