import 'server-only';
import { and, count, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { auditEvents, cases, companies, employments, submissions } from '@/db/schema';
import type { AuditFilter } from '@/lib/validation/audit-log';

export const AUDIT_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The day after `d` (YYYY-MM-DD). */
function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** The WHERE clause of the filters. Dates are days in China time, both ends included. */
function where(f: Omit<AuditFilter, 'page'>): SQL | undefined {
  const conds: SQL[] = [];
  if (f.actor) conds.push(ilike(auditEvents.actorLabel, `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.type) conds.push(eq(auditEvents.objectType, f.type));
  if (f.object) conds.push(eq(auditEvents.objectId, f.object));
  if (f.from) conds.push(gte(auditEvents.at, sql`${`${f.from}T00:00:00+08:00`}::timestamptz`));
  if (f.to) conds.push(lt(auditEvents.at, sql`${`${nextDay(f.to)}T00:00:00+08:00`}::timestamptz`));
  return conds.length ? and(...conds) : undefined;
}

const COLUMNS = {
  seq: auditEvents.seq,
  at: auditEvents.at,
  actorLabel: auditEvents.actorLabel,
  actorRole: auditEvents.actorRole,
  action: auditEvents.action,
  objectType: auditEvents.objectType,
  objectId: auditEvents.objectId,
  ip: auditEvents.ip,
  before: auditEvents.before,
  after: auditEvents.after,
};

type EventRow = { seq: number; at: Date; actorLabel: string; actorRole: string | null; action: string; objectType: string; objectId: string | null; ip: string | null; before: unknown; after: unknown };

export type AuditEventRow = EventRow & { uscc: string | null; practitionerProjectId: string | null; submissionType: string | null; caseKind: string | null };

/**
 * What the link to an event's object needs and the row does not carry: a company's credit code, a person's
 * current estate, a submission's type, a case's kind. One query per kind of object on the page.
 */
async function withLinkFacts(db: Queryable, rows: EventRow[]): Promise<AuditEventRow[]> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.objectType === type && r.objectId && UUID.test(r.objectId)).map((r) => r.objectId!))];
  const [co, pr, su, ca] = [ids('company'), ids('practitioner'), ids('submission'), ids('case')];
  const [cos, prs, sus, cas] = await Promise.all([
    co.length ? db.select({ id: companies.id, v: companies.uscc }).from(companies).where(inArray(companies.id, co)) : [],
    pr.length
      ? db
          .select({ id: employments.practitionerId, v: employments.projectId })
          .from(employments)
          .where(and(inArray(employments.practitionerId, pr), eq(employments.status, 'current')))
      : [],
    su.length ? db.select({ id: submissions.id, v: submissions.type }).from(submissions).where(inArray(submissions.id, su)) : [],
    ca.length ? db.select({ id: cases.id, v: cases.kind }).from(cases).where(inArray(cases.id, ca)) : [],
  ]);
  const map = (xs: { id: string; v: string | null }[]) => new Map(xs.map((x) => [x.id, x.v]));
  const [m1, m2, m3, m4] = [map(cos), map(prs), map(sus), map(cas)];
  return rows.map((r) => {
    const id = r.objectId ?? '';
    return {
      ...r,
      uscc: r.objectType === 'company' ? (m1.get(id) ?? null) : null,
      practitionerProjectId: r.objectType === 'practitioner' ? (m2.get(id) ?? null) : null,
      submissionType: r.objectType === 'submission' ? (m3.get(id) ?? null) : null,
      caseKind: r.objectType === 'case' ? (m4.get(id) ?? null) : null,
    };
  });
}

/** One page of the audit log, newest first, with the true count of what the filters select. */
export async function listAuditEvents(db: Queryable, f: AuditFilter) {
  const w = where(f);
  const [rows, [total]] = await Promise.all([
    db
      .select(COLUMNS)
      .from(auditEvents)
      .where(w)
      .orderBy(desc(auditEvents.seq))
      .limit(AUDIT_PAGE_SIZE)
      .offset((f.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditEvents).where(w),
  ]);
  return { rows: await withLinkFacts(db, rows as EventRow[]), total: total?.n ?? 0 };
}

/** Everything the filters select, newest first, at most `cap` rows (the export). */
export async function listAuditEventsForExport(db: Queryable, f: Omit<AuditFilter, 'page'>, cap: number) {
  const rows = await db.select(COLUMNS).from(auditEvents).where(where(f)).orderBy(desc(auditEvents.seq)).limit(cap);
  return rows as EventRow[];
}
