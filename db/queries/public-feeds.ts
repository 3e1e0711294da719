import 'server-only';
/**
 * The events of an estate's or a company's Atom feed (`/feeds/projects/[id].xml`, `/feeds/companies/[uscc].xml`),
 * derived from the domain tables (never from the audit log, which is not public) and carrying public fields only:
 * a filing approved, a company starting at an estate, staff who joined or left (name and post), the project
 * manager's change, published quarterly ratings, list changes and published credit and staff records.
 *
 * Each event's id is built from the row it comes from (`urn:suining-credit:<kind>:<row id>`), so a reader never
 * sees an entry twice. Dates without a time are shown at midnight China time.
 */
import { and, desc, eq, inArray, isNotNull, lte, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { companies, creditRecords, employments, estateRatings, practitionerRecords, practitioners, projects, ratingPublications, serviceContracts } from '@/db/schema';
import { RECORD_KIND_LABELS, listEventLabel } from '@/lib/domain/labels';
import { isUuid } from '@/lib/validation/ids';
import { getCurrentPolicy } from './policy';
import { isFullUscc } from './public-companies';
import { listLatestChanges, type PublicListChange } from './public-lists';
import { currentApprovedStaff } from './public-staff';
import { creditRecordIsPublic } from './record-flags';
import { listPublicCriticisms } from './supervision';

/** Entries per feed: the latest this many events. */
export const FEED_SIZE = 50;

export interface FeedEvent {
  /** Stable: `urn:suining-credit:<kind>:<row id>`. */
  id: string;
  /** ISO instant. */
  at: string;
  title: string;
  /** What happened, in plain words. */
  text: string;
  /** Site path of the page to read more. */
  path: string;
  category: string;
}

export interface EntityFeed {
  kind: 'project' | 'company';
  key: string;
  name: string;
  events: FeedEvent[];
}

const urn = (kind: string, id: string) => `urn:suining-credit:${kind}:${id}`;
const chinaMidnight = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const iso = (t: Date | string) => new Date(t).toISOString();

/** The list feed's ids (app/feeds/_lib/lists-feed.ts) for the same changes: an entry is the same in every feed. */
export function listChangeAtomId(c: Pick<PublicListChange, 'id'>): string {
  return c.id.startsWith('expiry-') ? urn('list-expiry', c.id.slice(7)) : urn('list-event', c.id);
}

/** Which rows belong to the feed: an estate's (by project) or a company's (by company). */
interface Scope {
  projectId?: string;
  companyId?: string;
}

const by = (s: Scope, project: Column, company: Column): SQL => (s.projectId ? eq(project, s.projectId) : eq(company, s.companyId ?? ''));

async function contractEvents(db: Queryable, s: Scope): Promise<FeedEvent[]> {
  const rows = await db
    .select({ id: serviceContracts.id, at: serviceContracts.confirmedAt, start: serviceContracts.startDate, end: serviceContracts.endDate, projectId: projects.id, project: projects.name, company: companies.name, uscc: companies.uscc })
    .from(serviceContracts)
    .innerJoin(projects, eq(projects.id, serviceContracts.projectId))
    .innerJoin(companies, and(eq(companies.id, serviceContracts.companyId), eq(companies.filingStatus, 'approved')))
    .where(and(by(s, serviceContracts.projectId, serviceContracts.companyId), isNotNull(serviceContracts.confirmedAt), inArray(serviceContracts.status, ['confirmed', 'ended', 'terminated'])))
    .orderBy(desc(serviceContracts.confirmedAt))
    .limit(FEED_SIZE);
  return rows.map((r) => ({
    id: urn('contract', r.id),
    at: iso(r.at!),
    title: `${r.project}：${r.company}开始提供物业服务`,
    text: `${r.company}（统一社会信用代码 ${r.uscc}）自 ${r.start} 起为${r.project}提供物业服务，合同期至 ${r.end}。`,
    path: s.projectId ? `/companies/${r.uscc}` : `/projects/${r.projectId}`,
    category: '物业服务企业',
  }));
}

const MANAGER = '项目负责人';

/** Staff who joined (still there, or since left) and who left: name and post only. */
async function staffEvents(db: Queryable, s: Scope, on: string): Promise<FeedEvent[]> {
  const cols = { id: employments.id, name: practitioners.name, post: employments.post, start: employments.startDate, end: employments.endDate, status: employments.status, projectId: projects.id, project: projects.name, practitionerId: practitioners.id };
  const base = (where: SQL, order: SQL) =>
    db
      .select(cols)
      .from(employments)
      .innerJoin(practitioners, eq(practitioners.id, employments.practitionerId))
      .innerJoin(projects, eq(projects.id, employments.projectId))
      .where(and(by(s, employments.projectId, employments.companyId), where))
      .orderBy(order)
      .limit(FEED_SIZE);
  // Joined: a public employment (current and approved, or ended after it was); left: ended on or before today.
  const [joined, left] = await Promise.all([
    base(and(lte(employments.startDate, on), or(currentApprovedStaff(), eq(employments.status, 'ended')))!, desc(employments.startDate)),
    base(and(eq(employments.status, 'ended'), isNotNull(employments.endDate), lte(employments.endDate, on))!, desc(employments.endDate)),
  ]);
  return [
    ...joined.map((r) => ({
      id: urn('staff-joined', r.id),
      at: chinaMidnight(r.start),
      title: r.post === MANAGER ? `项目负责人变更：${r.name}到任（${r.project}）` : `${r.name}（${r.post}）到岗：${r.project}`,
      text: `${r.name}自 ${r.start} 起在${r.project}担任${r.post}。`,
      path: r.status === 'current' ? `/projects/${r.projectId}/staff/${r.practitionerId}` : `/projects/${r.projectId}`,
      category: r.post === MANAGER ? '项目负责人' : '服务人员',
    })),
    ...left.map((r) => ({
      id: urn('staff-left', r.id),
      at: chinaMidnight(r.end!),
      title: r.post === MANAGER ? `项目负责人离任：${r.name}（${r.project}）` : `${r.name}（${r.post}）离岗：${r.project}`,
      text: `${r.name}于 ${r.end} 起不再在${r.project}担任${r.post}。`,
      path: `/projects/${r.projectId}`,
      category: r.post === MANAGER ? '项目负责人' : '服务人员',
    })),
  ];
}

/** Quarterly ratings of published quarters only (unpublished results stay internal). */
async function ratingEvents(db: Queryable, s: Scope): Promise<FeedEvent[]> {
  const rows = await db
    .select({ id: estateRatings.id, year: estateRatings.year, quarter: estateRatings.quarter, rating: estateRatings.rating, at: ratingPublications.publishedAt, projectId: projects.id, project: projects.name })
    .from(estateRatings)
    .innerJoin(ratingPublications, and(eq(ratingPublications.year, estateRatings.year), eq(ratingPublications.quarter, estateRatings.quarter)))
    .innerJoin(projects, eq(projects.id, estateRatings.projectId))
    .where(by(s, estateRatings.projectId, estateRatings.companyId))
    .orderBy(desc(ratingPublications.publishedAt), desc(estateRatings.id))
    .limit(FEED_SIZE);
  return rows.map((r) => ({
    id: urn('rating', r.id),
    at: iso(r.at),
    title: `${r.year}年第${r.quarter}季度服务评价：${r.rating}（${r.project}）`,
    text: `${r.project}${r.year}年第${r.quarter}季度的物业服务评价结果为“${r.rating}”。`,
    path: `/projects/${r.projectId}`,
    category: '季度评价',
  }));
}

async function listEventsOf(db: Queryable, s: Scope, on: string): Promise<FeedEvent[]> {
  const changes = await listLatestChanges(db, on, FEED_SIZE, s);
  return changes.map((c) => ({
    id: listChangeAtomId(c),
    at: c.at,
    title: `${listEventLabel(c.event, c.list)}：${c.company.name}`,
    text: c.detail,
    path: `/companies/${c.company.uscc}`,
    category: c.list === 'red' ? '红榜' : '黑榜',
  }));
}

/** Company credit records in public view today, and approved staff records of the people serving there now. */
async function recordEvents(db: Queryable, s: Scope, on: string): Promise<FeedEvent[]> {
  const policy = await getCurrentPolicy(db);
  const [credit, staff] = await Promise.all([
    db
      .select({ id: creditRecords.id, category: creditRecords.category, type: creditRecords.type, severity: creditRecords.severity, occurredOn: creditRecords.occurredOn, publishedOn: creditRecords.publishedOn, publicUntil: creditRecords.publicUntil, issuer: creditRecords.issuer, company: companies.name, uscc: companies.uscc, project: projects.name })
      .from(creditRecords)
      .innerJoin(companies, and(eq(companies.id, creditRecords.companyId), eq(companies.filingStatus, 'approved')))
      .leftJoin(projects, eq(projects.id, creditRecords.projectId))
      .where(and(by(s, creditRecords.projectId, creditRecords.companyId), inArray(creditRecords.category, ['performance', 'warning']), creditRecordIsPublic(on, policy.settings.publishMinorWarnings)))
      .orderBy(desc(creditRecords.publishedOn), desc(creditRecords.id))
      .limit(FEED_SIZE),
    db
      .select({ id: practitionerRecords.id, kind: practitionerRecords.kind, type: practitionerRecords.type, occurredOn: practitionerRecords.occurredOn, issuer: practitionerRecords.issuer, decidedAt: practitionerRecords.decidedAt, name: practitioners.name, practitionerId: practitioners.id, projectId: projects.id, project: projects.name })
      .from(practitionerRecords)
      .innerJoin(practitioners, eq(practitioners.id, practitionerRecords.practitionerId))
      .innerJoin(employments, and(eq(employments.practitionerId, practitioners.id), currentApprovedStaff()))
      .innerJoin(projects, eq(projects.id, employments.projectId))
      .where(
        and(
          by(s, employments.projectId, employments.companyId),
          eq(practitionerRecords.status, 'approved'),
          sql`(${practitionerRecords.publicUntil} is null or ${practitionerRecords.publicUntil} >= ${on})`,
          lte(practitionerRecords.occurredOn, on),
        ),
      )
      .orderBy(desc(practitionerRecords.decidedAt), desc(practitionerRecords.id))
      .limit(FEED_SIZE),
  ]);
  const label = { performance: '业绩信用信息', warning: '警示信用信息' } as Record<string, string>;
  return [
    ...credit.map((r) => ({
      id: urn('credit-record', r.id),
      at: chinaMidnight(r.publishedOn!),
      title: `${label[r.category] ?? '信用信息'}：${r.type}（${r.company}）`,
      text: `${r.company}${r.project ? `在${r.project}` : ''}的${label[r.category] ?? '信用信息'}“${r.type}”${r.severity ? `（${r.severity}）` : ''}，发生于 ${r.occurredOn}${r.issuer ? `，由${r.issuer}认定` : ''}，${r.publishedOn} 起公示${r.publicUntil ? `至 ${r.publicUntil}` : ''}。`,
      path: `/companies/${r.uscc}`,
      category: '信用记录',
    })),
    ...staff.map((r) => ({
      id: urn('staff-record', r.id),
      at: r.decidedAt ? iso(r.decidedAt) : chinaMidnight(r.occurredOn),
      title: `${r.name}的${RECORD_KIND_LABELS[r.kind] ?? '信用信息'}：${r.type}（${r.project}）`,
      text: `${r.project}的${r.name}有一条${RECORD_KIND_LABELS[r.kind] ?? '信用信息'}“${r.type}”，发生于 ${r.occurredOn}，由${r.issuer}提供。`,
      path: `/projects/${r.projectId}/staff/${r.practitionerId}`,
      category: '信用记录',
    })),
  ];
}

function newest(events: FeedEvent[]): FeedEvent[] {
  return events.sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? 1 : -1)).slice(0, FEED_SIZE);
}

/** An estate's feed, or null for an unknown (or malformed) id. `on` is today (records in view, events up to it). */
export async function getProjectFeed(db: Queryable, projectId: string, on: string): Promise<EntityFeed | null> {
  if (!isUuid(projectId)) return null;
  const [p] = await db.select({ id: projects.id, name: projects.name }).from(projects).where(eq(projects.id, projectId)).limit(1);
  if (!p) return null;
  const s = { projectId: p.id };
  const parts = await Promise.all([contractEvents(db, s), staffEvents(db, s, on), ratingEvents(db, s), listEventsOf(db, s, on), recordEvents(db, s, on)]);
  return { kind: 'project', key: p.id, name: p.name, events: newest(parts.flat()) };
}

/** An approved company's feed, or null (unknown code, or not public: as its page). */
export async function getCompanyFeed(db: Queryable, uscc: string, on: string): Promise<EntityFeed | null> {
  const code = uscc.trim().toUpperCase();
  if (!isFullUscc(code)) return null;
  const [c] = await db
    .select({ id: companies.id, uscc: companies.uscc, name: companies.name, approvedAt: companies.approvedAt })
    .from(companies)
    .where(and(eq(companies.uscc, code), eq(companies.filingStatus, 'approved')))
    .limit(1);
  if (!c) return null;
  const s = { companyId: c.id };
  const parts = await Promise.all([contractEvents(db, s), staffEvents(db, s, on), ratingEvents(db, s), listEventsOf(db, s, on), recordEvents(db, s, on)]);
  // SN 24: 通报批评 while public (decision 033), as the profile shows them.
  const criticisms: FeedEvent[] = (await listPublicCriticisms(db, c.id, on)).map((x) => ({
    id: urn('criticism', x.id),
    at: chinaMidnight(x.criticizedOn!),
    title: `通报批评：${c.name}`,
    text: x.text ?? '',
    path: `/companies/${c.uscc}`,
    category: '通报批评',
  }));
  const filing: FeedEvent[] = c.approvedAt
    ? [{ id: urn('company-filing', c.uscc), at: iso(c.approvedAt), title: `完成备案：${c.name}`, text: `${c.name}（统一社会信用代码 ${c.uscc}）的备案已通过，列入已备案物业服务企业名录。`, path: `/companies/${c.uscc}`, category: '备案' }]
    : [];
  return { kind: 'company', key: c.uscc, name: c.name, events: newest([...filing, ...criticisms, ...parts.flat()]) };
}
