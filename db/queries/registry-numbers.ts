import 'server-only';
/**
 * 执业登记号 (R1, decision 032): a practitioner's public registry number, "SN-<year>-<serial>". Assigned once, in
 * the transaction that first approves an entry; every later approval (transfer, re-entry) keeps it.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { practitioners } from '@/db/schema';
import { normalizeRegistryNumber } from '@/lib/domain/registry-number';

/**
 * Gives the practitioner a number unless they already have one; returns the number they hold afterwards. The
 * serial comes from the sequence (never reused, even when the transaction rolls back), the year from `on`.
 */
export async function assignRegistryNumber(tx: Queryable, practitionerId: string, on: string): Promise<string | null> {
  const year = Number(on.slice(0, 4));
  await tx
    .update(practitioners)
    .set({ registryNo: sql`(select 'SN-' || ${String(year)} || '-' || lpad(v::text, greatest(6, length(v::text)), '0') from (select nextval('practitioner_registry_seq') as v) s)` })
    .where(and(eq(practitioners.id, practitionerId), isNull(practitioners.registryNo)));
  return getRegistryNumber(tx, practitionerId);
}

/** The practitioner's public registry number (null until first approved). For the card, badge and printed record. */
export async function getRegistryNumber(db: Queryable, practitionerId: string): Promise<string | null> {
  const [p] = await db.select({ registryNo: practitioners.registryNo }).from(practitioners).where(eq(practitioners.id, practitionerId)).limit(1);
  return p?.registryNo ?? null;
}

/** The practitioner holding a registry number exactly as printed (the search box; case and spaces forgiven). */
export async function findByRegistryNumber(db: Queryable, raw: string): Promise<{ id: string; status: string } | null> {
  const no = normalizeRegistryNumber(raw);
  if (!no) return null;
  const [p] = await db.select({ id: practitioners.id, status: practitioners.status }).from(practitioners).where(eq(practitioners.registryNo, no)).limit(1);
  return p ?? null;
}
