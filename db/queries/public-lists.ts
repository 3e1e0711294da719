import 'server-only';
/**
 * The public surface of the red and black lists (SPEC §3.7, §5): the entries in force on a day (or at any time in
 * a period), a company's list history, the latest changes across both lists and a company's credit summary
 * (grade, score explained, list status, tender eligibility). Nothing here writes; nothing is ended by a job:
 * an entry past its scheduled date out is simply not in force any more, and shows in the changes as 期满移出.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db';
import { annualEvaluations, companies, creditRecords, listEntries, listEvents, projects, regions } from '@/db/schema';
import {
  LIST_RULES,
  isListRule,
  listStatusOn,
  scoreOutlook,
  tenderEligibility,
  type Eligibility,
  type Grade,
  type ListStatus,
  type ScoreLine,
  type ScoreStep,
  type ScoredRecord,
} from '@/lib/domain/credit-rating';
import { parsePeriod, type ListQuery, type PublicListKind } from '@/lib/public-lists/params';
import { scoredRecordColumns } from './evaluations';
import { entryFacts, listEntryActiveOn } from './list-entries';
import { getCurrentPolicy } from './policy';
import { listEntryUnderObjection } from './record-flags';
import { clampPage, isFullUscc, type Paged } from './public-companies';
import { likePattern, SEARCH_BIGRAMS, textMatch } from './search';

export interface PublicListEntry {
  id: string;
  list: PublicListKind;
  company: { uscc: string; name: string; isPublic: boolean };
  district: { code: string; name: string } | null;
  reason: string;
  rule: { id: string; label: string; article: string; citation: string };
  since: string;
  until: string | null;
  /** `rectifying`: three 差, in its rectification period until the inspection decides. */
  status: 'active' | 'rectifying' | 'removed' | 'expired';
  endedOn: string | null;
  project: { id: string; name: string } | null;
  /** SPEC §3.8: the record behind the entry has an objection open ("异议处理中"). */
  underObjection: boolean;
}

export function ruleOf(rule: string): PublicListEntry['rule'] {
  if (!isListRule(rule)) return { id: rule, label: rule, article: '', citation: '' };
  const r = LIST_RULES[rule];
  return { id: rule, label: r.label, article: r.article, citation: r.citation };
}

/**
 * In force at any time in [from, to]: the period twin of `listEntryActiveOn` (an entry is in force on the days
 * since ≤ d < min(ended_on, until), a three-差 entry until it is ended).
 */
function inForceDuring(from: string, to: string): SQL {
  return sql`(${listEntries.since} <= ${to}
    and (${listEntries.endedOn} is null or ${from} < ${listEntries.endedOn})
    and ((${listEntries.rule} = 'DW14-three-poor' and ${listEntries.endedOn} is null)
      or ${listEntries.until} is null or ${from} < ${listEntries.until}))`;
}

/** The red list shows a company only while no black entry of it is in force on the day (DW 8.3, SPEC §3.7). */
export function noBlackEntryOn(on: string): SQL {
  return sql`${listEntries.companyId} not in (select ${listEntries.companyId} from ${listEntries} where ${listEntries.list} = 'black' and ${listEntryActiveOn(on)})`;
}

function companyText(q: string): SQL {
  if (isFullUscc(q)) return eq(companies.uscc, q.toUpperCase());
  if (/^[0-9A-Z]{4,17}$/i.test(q)) return sql`(${companies.uscc} LIKE ${`${q.toUpperCase()}%`} OR ${companies.name} ILIKE ${likePattern(q)})`;
  return textMatch(sql`${companies.name}`, q, SEARCH_BIGRAMS.companies);
}

/**
 * The entries of one list on `on` (today), or — with `period` — in force at any time in that period (up to `on`).
 * The red list leaves out every company with a black entry in force on the reference day (`onRedList`): `on`, or
 * the period's last day when the period is over.
 */
export async function listPublicEntries(
  db: Queryable,
  list: PublicListKind,
  query: Partial<ListQuery> & { on: string; pageSize?: number },
): Promise<Paged<PublicListEntry> & { on: string; period: string | null }> {
  const { page, pageSize } = clampPage(query.page, query.pageSize);
  const period = parsePeriod(query.period);
  const to = period && period.to < query.on ? period.to : query.on;
  const conds: SQL[] = [eq(listEntries.list, list), period ? inForceDuring(period.from, to) : listEntryActiveOn(query.on)];
  if (list === 'red') conds.push(noBlackEntryOn(to));
  if (query.district) conds.push(eq(companies.districtId, query.district));
  const q = query.q?.trim();
  if (q) conds.push(companyText(q));
  const where = and(...conds)!;
  const [[{ n } = { n: 0 }], rows] = await Promise.all([
    db.select({ n: count() }).from(listEntries).innerJoin(companies, eq(companies.id, listEntries.companyId)).where(where),
    db
      .select({
        id: listEntries.id,
        list: listEntries.list,
        reason: listEntries.reason,
        rule: listEntries.rule,
        since: listEntries.since,
        until: listEntries.until,
        status: listEntries.status,
        endedOn: listEntries.endedOn,
        uscc: companies.uscc,
        companyName: companies.name,
        filingStatus: companies.filingStatus,
        districtCode: companies.districtId,
        districtName: regions.name,
        projectId: projects.id,
        projectName: projects.name,
        underObjection: listEntryUnderObjection(),
      })
      .from(listEntries)
      .innerJoin(companies, eq(companies.id, listEntries.companyId))
      .leftJoin(regions, eq(regions.id, companies.districtId))
      .leftJoin(projects, eq(projects.id, listEntries.projectId))
      .where(where)
      .orderBy(desc(listEntries.since), asc(companies.name), asc(listEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
  ]);
  const total = Number(n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      list: r.list,
      company: { uscc: r.uscc, name: r.companyName, isPublic: r.filingStatus === 'approved' },
      district: r.districtCode && r.districtName ? { code: r.districtCode, name: r.districtName } : null,
      reason: r.reason,
      rule: ruleOf(r.rule),
      since: r.since,
      until: r.until,
      status: r.status,
      endedOn: r.endedOn,
      project: r.projectId && r.projectName ? { id: r.projectId, name: r.projectName } : null,
      underObjection: Boolean(r.underObjection),
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    on: query.on,
    period: period?.key ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Latest changes (home page, Atom feed)

export interface PublicListChange {
  /** Stable: the list_events id, or `expiry-<entry id>` for an entry that reached its scheduled date out. */
  id: string;
  /** ISO timestamp (a plain string: the value goes through the data cache). */
  at: string;
  list: PublicListKind;
  event: string;
  detail: string;
  company: { uscc: string; name: string };
  entryId: string;
}

const EXPIRY_EVENT = '期满移出';

/**
 * The latest list changes on or before `on`: every `list_events` row, plus each entry that reached its scheduled
 * date out without being ended (nothing ends it by a job), shown as 期满移出 on that date. A three-差 entry is
 * never one of those: it stays until the inspection decides.
 */
export async function listLatestChanges(db: Queryable, on: string, limit = 8, of: { companyId?: string; projectId?: string } = {}): Promise<PublicListChange[]> {
  // One company's or one estate's changes (its Atom feed), or all.
  const scope = of.companyId ? eq(listEntries.companyId, of.companyId) : of.projectId ? eq(listEntries.projectId, of.projectId) : undefined;
  const [events, expiries] = await Promise.all([
    db
      .select({
        id: listEvents.id,
        at: listEvents.at,
        list: listEntries.list,
        event: listEvents.event,
        detail: listEvents.detail,
        uscc: companies.uscc,
        name: companies.name,
        entryId: listEntries.id,
      })
      .from(listEvents)
      .innerJoin(listEntries, eq(listEntries.id, listEvents.entryId))
      .innerJoin(companies, eq(companies.id, listEvents.companyId))
      .where(scope)
      .orderBy(desc(listEvents.at), desc(listEvents.id))
      .limit(limit),
    db
      .select({
        entryId: listEntries.id,
        until: listEntries.until,
        list: listEntries.list,
        reason: listEntries.reason,
        uscc: companies.uscc,
        name: companies.name,
      })
      .from(listEntries)
      .innerJoin(companies, eq(companies.id, listEntries.companyId))
      .where(and(scope, isNotNull(listEntries.until), lte(listEntries.until, on), isNull(listEntries.endedOn), ne(listEntries.rule, 'DW14-three-poor')))
      .orderBy(desc(listEntries.until), desc(listEntries.id))
      .limit(limit),
  ]);
  const all: PublicListChange[] = [
    ...events.map((e) => ({
      id: e.id,
      at: new Date(e.at).toISOString(),
      list: e.list,
      event: e.event,
      detail: e.detail,
      company: { uscc: e.uscc, name: e.name },
      entryId: e.entryId,
    })),
    ...expiries.map((e) => ({
      id: `expiry-${e.entryId}`,
      // Midnight China time of the first day off the list.
      at: new Date(`${e.until}T00:00:00+08:00`).toISOString(),
      list: e.list,
      event: EXPIRY_EVENT,
      detail: `${e.name}期满移出${e.list === 'red' ? '红榜' : '黑榜'}：${e.reason}`,
      company: { uscc: e.uscc, name: e.name },
      entryId: e.entryId,
    })),
  ];
  return all.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : a.at < b.at ? 1 : -1)).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------------------
// One company: list history and credit summary

export interface PublicListHistoryEvent {
  id: string;
  at: string;
  event: string;
  detail: string;
}

export interface PublicListHistoryEntry extends PublicListEntry {
  endReason: string | null;
  activeOn: boolean;
  events: PublicListHistoryEvent[];
}

/** Every list entry of a company (newest first) with its events, oldest first; `activeOn` for `on`. */
export async function companyListHistory(db: Queryable, companyId: string, on: string): Promise<PublicListHistoryEntry[]> {
  const [rows, events] = await Promise.all([
    db
      .select({
        entry: listEntries,
        uscc: companies.uscc,
        companyName: companies.name,
        filingStatus: companies.filingStatus,
        districtCode: companies.districtId,
        districtName: regions.name,
        projectName: projects.name,
        active: sql<boolean>`${listEntryActiveOn(on)}`,
        underObjection: listEntryUnderObjection(),
      })
      .from(listEntries)
      .innerJoin(companies, eq(companies.id, listEntries.companyId))
      .leftJoin(regions, eq(regions.id, companies.districtId))
      .leftJoin(projects, eq(projects.id, listEntries.projectId))
      .where(eq(listEntries.companyId, companyId))
      .orderBy(desc(listEntries.since), desc(listEntries.createdAt)),
    db
      .select({ id: listEvents.id, entryId: listEvents.entryId, at: listEvents.at, event: listEvents.event, detail: listEvents.detail })
      .from(listEvents)
      .where(eq(listEvents.companyId, companyId))
      .orderBy(asc(listEvents.at), asc(listEvents.id)),
  ]);
  return rows.map(({ entry: e, ...r }) => {
    const own = events.filter((x) => x.entryId === e.id).map((x) => ({ id: x.id, at: new Date(x.at).toISOString(), event: x.event, detail: x.detail }));
    if (e.until && e.until <= on && !e.endedOn && e.rule !== 'DW14-three-poor') {
      own.push({ id: `expiry-${e.id}`, at: new Date(`${e.until}T00:00:00+08:00`).toISOString(), event: EXPIRY_EVENT, detail: `期满移出${e.list === 'red' ? '红榜' : '黑榜'}` });
    }
    return {
      id: e.id,
      list: e.list,
      company: { uscc: r.uscc, name: r.companyName, isPublic: r.filingStatus === 'approved' },
      district: r.districtCode && r.districtName ? { code: r.districtCode, name: r.districtName } : null,
      reason: e.reason,
      rule: ruleOf(e.rule),
      since: e.since,
      until: e.until,
      status: e.status,
      endedOn: e.endedOn,
      endReason: e.endReason,
      project: e.projectId && r.projectName ? { id: e.projectId, name: r.projectName } : null,
      activeOn: Boolean(r.active),
      underObjection: Boolean(r.underObjection),
      events: own,
    };
  });
}

export interface PublicEvaluation {
  year: number;
  score: number | null;
  grade: Grade;
  vetoed: boolean;
  breakdown: ScoreLine[];
  publishedAt: string;
  policyVersion: number;
}

/** The latest annual evaluation published on or before `on` (China date of publication). */
export async function latestPublishedEvaluation(db: Queryable, companyId: string, on: string): Promise<PublicEvaluation | null> {
  const [row] = await db
    .select({
      year: annualEvaluations.year,
      score: annualEvaluations.score,
      grade: annualEvaluations.grade,
      vetoed: annualEvaluations.vetoed,
      breakdown: annualEvaluations.breakdown,
      publishedAt: annualEvaluations.publishedAt,
      policyVersion: annualEvaluations.policyVersion,
    })
    .from(annualEvaluations)
    .where(
      and(
        eq(annualEvaluations.companyId, companyId),
        isNotNull(annualEvaluations.publishedAt),
        sql`(${annualEvaluations.publishedAt} at time zone 'Asia/Shanghai')::date <= ${on}::date`,
      ),
    )
    .orderBy(desc(annualEvaluations.year))
    .limit(1);
  if (!row) return null;
  return {
    year: Number(row.year),
    score: row.score == null ? null : Number(row.score),
    grade: row.grade,
    vetoed: row.vetoed,
    breakdown: Array.isArray(row.breakdown) ? (row.breakdown as ScoreLine[]) : [],
    publishedAt: new Date(row.publishedAt!).toISOString(),
    policyVersion: row.policyVersion,
  };
}

/** A company's performance and warning records as the score sees them (points, window, veto); `countsOn` picks the confirmed ones. */
async function scoredRecords(db: Queryable, companyId: string): Promise<(ScoredRecord & { hidden: boolean })[]> {
  const rows = await db
    .select({ ...scoredRecordColumns, severity: creditRecords.severity })
    .from(creditRecords)
    .leftJoin(projects, eq(projects.id, creditRecords.projectId))
    .where(and(eq(creditRecords.companyId, companyId), inArray(creditRecords.category, ['performance', 'warning'])));
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    status: r.status,
    type: r.type,
    occurredOn: r.occurredOn,
    points: r.points == null ? null : Number(r.points),
    publishedOn: r.publishedOn,
    publicUntil: r.publicUntil,
    vetoType: r.vetoType,
    projectName: r.projectName,
    hidden: r.category === 'warning' && r.severity === '轻微',
  }));
}

export interface PublicCreditSummary {
  /** The day the list status and eligibility are for. */
  on: string;
  /** The day the counting score is for (today). */
  today: string;
  evaluation: PublicEvaluation | null;
  /** The latest evaluation published on or before `on` (the grade eligibility is judged by). */
  evaluationOn: PublicEvaluation | null;
  /** Today's counting score (SPEC §3.7 "every number is explained") and its steps if nothing new happens. */
  outlook: { score: number; base: number; lines: ScoreLine[]; steps: ScoreStep[] };
  listStatus: ListStatus;
  listEntries: PublicListHistoryEntry[];
  eligibility: Eligibility;
}

/**
 * Everything a profile or the API says about a company's credit. `on` is the day asked (eligibility, list status);
 * `today` is the clock's day (the counting score). 轻微 warnings count but are not published: their line is
 * shown without its facts unless the policy publishes them.
 */
export async function companyCreditSummary(db: Queryable, companyId: string, on: string, today: string): Promise<PublicCreditSummary> {
  const policy = await getCurrentPolicy(db);
  const [evaluation, evaluationOn, records, history] = await Promise.all([
    latestPublishedEvaluation(db, companyId, today),
    on === today ? null : latestPublishedEvaluation(db, companyId, on),
    scoredRecords(db, companyId),
    companyListHistory(db, companyId, on),
  ]);
  const outlook = scoreOutlook(records, today, policy.settings);
  const hidden = new Set(records.filter((r) => r.hidden && !policy.settings.publishMinorWarnings).map((r) => r.id));
  const mask = (l: ScoreLine) => (hidden.has(l.recordId) ? { ...l, label: '警示：轻微警示记录（依规定不公示）' } : l);
  const lines = outlook.lines.map(mask);
  const masked = (e: PublicEvaluation | null) => (e ? { ...e, breakdown: e.breakdown.map(mask) } : null);
  const facts = history.map((h) => entryFacts({ list: h.list, rule: h.rule.id, since: h.since, until: h.until, endedOn: h.endedOn, status: h.status }));
  const forEligibility = on === today ? evaluation : evaluationOn;
  return {
    on,
    today,
    evaluation: masked(evaluation),
    evaluationOn: masked(forEligibility),
    outlook: { score: outlook.score, base: policy.settings.annualBaseScore, lines, steps: outlook.steps },
    listStatus: listStatusOn(facts, on),
    listEntries: history,
    eligibility: tenderEligibility(forEligibility, facts, on),
  };
}

/** A company's id and public basics by credit code (any filing status: the API answers for listed companies too). */
export async function findCompanyByUscc(db: Queryable, uscc: string) {
  const code = uscc.trim().toUpperCase();
  if (!isFullUscc(code)) return null;
  const [c] = await db
    .select({
      id: companies.id,
      uscc: companies.uscc,
      name: companies.name,
      address: companies.address,
      legalRepresentative: companies.legalRepresentative,
      registeredCapital: companies.registeredCapital,
      districtCode: companies.districtId,
      districtName: regions.name,
      filingStatus: companies.filingStatus,
      approvedAt: companies.approvedAt,
    })
    .from(companies)
    .leftJoin(regions, eq(regions.id, companies.districtId))
    .where(and(eq(companies.uscc, code), eq(companies.filingStatus, 'approved')))
    .limit(1);
  return c ?? null;
}
