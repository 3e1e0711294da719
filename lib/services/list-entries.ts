import 'server-only';
/**
 * The one place that writes list entries (红榜 / 黑榜). Each opening, change and ending writes, in the caller's
 * transaction, the entry, a `list_events` row (the list history on profiles and the Atom feed) and an audit row.
 * Callers invalidate the public cache after their transaction commits (lib/cache/public-lists.ts).
 *
 * Record-driven entries (a performance record in its window → red; a 严重 warning or a veto → black) follow
 * their record through `syncRecordListEntry`, called wherever such a record is confirmed, repaired or corrected.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, creditRecords, listEntries, listEvents, projects } from '@/db/schema';

import { audit, auditMany } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { LIST_RULES, type ListKind, type ListRule } from '@/lib/domain/credit-rating';

type Who = Actor | { label: string };

export interface OpenEntry {
  companyId: string;
  projectId?: string | null;
  rule: ListRule;
  reason: string;
  since: string;
  until: string | null;
  sourceRecordId?: string | null;
  policyVersion: number;
  /** Three 差 open a rectification period: the entry is `rectifying` until the inspection decides. */
  status?: 'active' | 'rectifying';
}

const listName = (l: ListKind) => (l === 'red' ? '红榜' : '黑榜');

async function companyName(tx: Queryable, companyId: string): Promise<string> {
  const [c] = await tx.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return c?.name ?? '';
}

/** Open an entry on its rule's list; returns its id. */
export async function openListEntry(tx: Queryable, who: Who, e: OpenEntry): Promise<string> {
  const [id] = await openListEntries(tx, who, [e]);
  return id;
}

/**
 * Open many entries at once (a quarter's publication, a year's evaluation): the same entry, `list_events` row
 * and audit row for each as `openListEntry` writes, in a few multi-row statements. Returns the ids in order.
 */
export async function openListEntries(tx: Queryable, who: Who, list: readonly OpenEntry[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const batch = list.slice(i, i + 500);
    const rows = await tx
      .insert(listEntries)
      .values(
        batch.map((e) => ({
          companyId: e.companyId,
          projectId: e.projectId ?? null,
          list: LIST_RULES[e.rule].list,
          reason: e.reason,
          rule: e.rule,
          since: e.since,
          until: e.until,
          status: e.status ?? ('active' as const),
          sourceRecordId: e.sourceRecordId ?? null,
          policyVersion: e.policyVersion,
        })),
      )
      .returning();
    const names = await companyNames(tx, [...new Set(batch.map((e) => e.companyId))]);
    await tx.insert(listEvents).values(
      rows.map((row) => ({
        entryId: row.id,
        companyId: row.companyId,
        event: 'added',
        detail: `${names.get(row.companyId) ?? ''}列入${listName(row.list)}：${row.reason}${row.until ? `（预计${row.until}移出）` : ''}`,
      })),
    );
    await auditMany(
      tx,
      who,
      rows.map((row) => ({ action: 'list.entry.open', objectType: 'list_entry', objectId: row.id, after: row })),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function companyNames(tx: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * End an entry before (or at) its scheduled date out: `removed` with the reason (rectification passed, repaired,
 * revoked after an objection, replaced by a market ban). The entry and its history stay.
 */
export async function endListEntry(tx: Queryable, who: Who, entryId: string, end: { on: string; reason: string; status?: 'removed' | 'expired' }) {
  const [before] = await tx.select().from(listEntries).where(eq(listEntries.id, entryId)).limit(1);
  if (!before || before.status === 'removed' || before.status === 'expired') return false;
  const [after] = await tx
    .update(listEntries)
    .set({ status: end.status ?? 'removed', endedOn: end.on, endReason: end.reason })
    .where(and(eq(listEntries.id, entryId), inArray(listEntries.status, ['active', 'rectifying'])))
    .returning();
  if (!after) return false;
  const name = await companyName(tx, before.companyId);
  await tx.insert(listEvents).values({
    entryId,
    companyId: before.companyId,
    event: end.status === 'expired' ? 'expired' : 'removed',
    detail: `${name}移出${listName(before.list)}：${end.reason}`,
  });
  await audit(tx, who, { action: 'list.entry.end', objectType: 'list_entry', objectId: entryId, before, after });
  return true;
}

/** Change an entry's scheduled date out (e.g. a corrected severity changes a record's window). */
export async function rescheduleListEntry(tx: Queryable, who: Who, entryId: string, until: string | null, why: string) {
  const [before] = await tx.select().from(listEntries).where(eq(listEntries.id, entryId)).limit(1);
  if (!before || before.until === until) return false;
  const [after] = await tx.update(listEntries).set({ until }).where(eq(listEntries.id, entryId)).returning();
  const name = await companyName(tx, before.companyId);
  await tx.insert(listEvents).values({
    entryId,
    companyId: before.companyId,
    event: 'changed',
    detail: `${name}${listName(before.list)}条目变更：${why}${until ? `，预计${until}移出` : ''}`,
  });
  await audit(tx, who, { action: 'list.entry.reschedule', objectType: 'list_entry', objectId: entryId, before, after });
  return true;
}

/** The list rule a credit record puts its company under while it counts, if any. */
export function recordListRule(r: { category: string; severity: string | null; vetoType: string | null }): ListRule | null {
  if (r.vetoType) return 'DW11-veto';
  if (r.category === 'performance') return 'DW8-performance';
  if (r.category === 'warning' && r.severity === '严重') return 'severe-warning';
  return null;
}

/**
 * Bring the list entry that follows a credit record in line with the record, in the caller's transaction:
 * - confirmed and published with a list rule → an entry from `published_on` to `public_until` (opened once);
 * - a changed window → the entry is rescheduled; a changed severity or category → the old entry ends;
 * - repaired, revoked (corrected) or rejected → the entry ends with the reason.
 * Returns whether anything changed (the caller then invalidates the public cache after commit).
 */
export async function syncRecordListEntry(tx: Queryable, who: Who, recordId: string, on: string, policyVersion: number): Promise<boolean> {
  const [r] = await tx
    .select({
      id: creditRecords.id,
      companyId: creditRecords.companyId,
      projectId: creditRecords.projectId,
      projectName: projects.name,
      category: creditRecords.category,
      type: creditRecords.type,
      severity: creditRecords.severity,
      vetoType: creditRecords.vetoType,
      status: creditRecords.status,
      points: creditRecords.points,
      publishedOn: creditRecords.publishedOn,
      publicUntil: creditRecords.publicUntil,
    })
    .from(creditRecords)
    .leftJoin(projects, eq(projects.id, creditRecords.projectId))
    .where(eq(creditRecords.id, recordId))
    .limit(1);
  if (!r) return false;
  const open = await tx
    .select()
    .from(listEntries)
    .where(and(eq(listEntries.sourceRecordId, recordId), inArray(listEntries.status, ['active', 'rectifying'])));
  const rule = r.status === 'approved' && r.publishedOn ? recordListRule(r) : null;
  let changed = false;
  const endReason =
    r.status === 'repaired'
      ? '已完成信用修复，移出'
      : r.status === 'corrected'
        ? '经异议核查撤销该信用记录，移出'
        : r.status === 'approved'
          ? '信用记录经核查更正，不再符合列入条件'
          : '信用记录未被确认，移出';
  for (const e of open) {
    if (e.rule === rule) continue;
    changed = (await endListEntry(tx, who, e.id, { on, reason: endReason })) || changed;
  }
  if (!rule) return changed;
  const kept = open.find((e) => e.rule === rule);
  if (kept) {
    if (kept.until !== r.publicUntil) changed = (await rescheduleListEntry(tx, who, kept.id, r.publicUntil, '信用记录公示期限变更')) || changed;
    return changed;
  }
  const where = r.projectName ? `${r.projectName}` : '';
  const reason =
    rule === 'DW8-performance'
      ? `业绩信用信息：${where}${r.type}（加${Number(r.points)}分）`
      : rule === 'DW11-veto'
        ? `一票否决：${r.type}${where ? `（${where}）` : ''}，取消综合信用评价资格`
        : `严重警示信用信息：${where}${r.type}（扣${Number(r.points)}分）`;
  await openListEntry(tx, who, {
    companyId: r.companyId,
    projectId: r.projectId,
    rule,
    reason,
    since: r.publishedOn!,
    until: r.publicUntil,
    sourceRecordId: r.id,
    policyVersion,
  });
  return true;
}

