import 'server-only';
/**
 * List entries (红榜 / 黑榜) as stored, and the SQL twin of lib/domain/credit-rating.ts `entryActiveOn`.
 * Nothing takes an entry off by a job: an entry past its scheduled date out is simply not active on that date.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { listEntries, listEvents } from '@/db/schema';
import type { ListEntryFacts } from '@/lib/domain/credit-rating';

/** `entryActiveOn` in SQL (keep the two in step; tests/integration/list-entries.test.ts compares them). */
export function listEntryActiveOn(on: string): SQL {
  return sql`(${listEntries.since} <= ${on}
    and (${listEntries.endedOn} is null or ${on} < ${listEntries.endedOn})
    and ((${listEntries.rule} = 'DW14-three-poor' and ${listEntries.endedOn} is null)
      or ${listEntries.until} is null or ${on} < ${listEntries.until}))`;
}

export type ListEntryRow = typeof listEntries.$inferSelect;

/** Every entry of one company, newest first (list history on the profile, eligibility, market ban). */
export async function companyListEntries(db: Queryable, companyId: string): Promise<ListEntryRow[]> {
  return db.select().from(listEntries).where(eq(listEntries.companyId, companyId)).orderBy(desc(listEntries.since), desc(listEntries.createdAt));
}

export function entryFacts(e: Pick<ListEntryRow, 'list' | 'rule' | 'since' | 'until' | 'endedOn' | 'status'>): ListEntryFacts {
  return { list: e.list, rule: e.rule, since: e.since, until: e.until, endedOn: e.endedOn, status: e.status };
}

/** Entries of one rule for one company (and estate) not yet ended: the guard against opening a second. */
export async function openEntriesOf(db: Queryable, f: { companyId: string; rule: string; projectId?: string | null; sourceRecordId?: string | null }) {
  return db
    .select()
    .from(listEntries)
    .where(
      and(
        eq(listEntries.companyId, f.companyId),
        eq(listEntries.rule, f.rule),
        inArray(listEntries.status, ['active', 'rectifying']),
        f.projectId !== undefined ? (f.projectId === null ? sql`${listEntries.projectId} is null` : eq(listEntries.projectId, f.projectId)) : undefined,
        f.sourceRecordId !== undefined
          ? f.sourceRecordId === null
            ? sql`${listEntries.sourceRecordId} is null`
            : eq(listEntries.sourceRecordId, f.sourceRecordId)
          : undefined,
      ),
    )
    .orderBy(asc(listEntries.since));
}

/** The events of one entry, oldest first. */
export async function entryEvents(db: Queryable, entryId: string) {
  return db.select().from(listEvents).where(eq(listEvents.entryId, entryId)).orderBy(asc(listEvents.at), asc(listEvents.id));
}
