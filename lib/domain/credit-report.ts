/**
 * The company credit report (企业信用报告, issue 17 item 2; decision 032): what it states is fixed at issue, and
 * "still current" means that what it stated still holds — the same facts computed today are the same — and that
 * its validity period has not run out. Pure: the caller passes the stored facts, today's facts and today.
 */
import { addCalendarDays } from './working-days';
import type { Grade, ListStatus } from './credit-rating';

/** Days a report stays current when nothing it stated changes (the issue day counts as day 1). */
export const CREDIT_REPORT_VALID_DAYS = 30;

/** The facts a report states and the verification page compares. */
export interface CreditReportFacts {
  grade: Grade | null;
  gradeYear: number | null;
  /** The annual evaluation's score (null: none published, or vetoed). */
  gradeScore: number | null;
  vetoed: boolean;
  /** Today's counting score. */
  score: number;
  listStatus: ListStatus;
  /** ZJ 6 tender eligibility on the day. */
  eligible: boolean;
}

export const FACT_LABELS: Record<keyof CreditReportFacts, string> = {
  grade: '信用等级',
  gradeYear: '评价年度',
  gradeScore: '年度评价得分',
  vetoed: '一票否决',
  score: '当前信用分',
  listStatus: '红黑榜状态',
  eligible: '招投标信用资格',
};

const KEYS = Object.keys(FACT_LABELS) as (keyof CreditReportFacts)[];

/** A stable string of the stated facts (key order fixed), stored with the report and compared later. */
export function factsFingerprint(f: CreditReportFacts): string {
  return KEYS.map((k) => `${k}=${f[k] === null ? '' : String(f[k])}`).join(';');
}

/** The facts that differ between the report and today, by label (grade and year count once). */
export function changedFacts(stated: CreditReportFacts, now: CreditReportFacts): string[] {
  const out: string[] = [];
  for (const k of KEYS) if (stated[k] !== now[k] && !(k === 'gradeYear' && out.includes(FACT_LABELS.grade))) out.push(FACT_LABELS[k]);
  return out;
}

/** The last day a report issued on `issuedOn` is current (30 days including the issue day). */
export function creditReportValidUntil(issuedOn: string): string {
  return addCalendarDays(issuedOn, CREDIT_REPORT_VALID_DAYS - 1);
}

export type CreditReportStatus = 'current' | 'changed' | 'expired' | 'revoked';

export interface CreditReportCurrency {
  status: CreditReportStatus;
  /** The first day it was no longer current, when known. */
  since: string | null;
  /** What changed (labels), for `changed`. */
  changed: string[];
}

/**
 * Whether a report is still current on `today`. A change of the stated facts wins over expiry when it came first
 * (or its date is unknown while the report is still in its period); `changedOn` is the first day the facts
 * differed, when the caller can tell (a list event, a newly published evaluation).
 */
export function creditReportCurrency(
  r: { facts: CreditReportFacts; validUntil: string; revokedAt: Date | null },
  now: CreditReportFacts,
  today: string,
  changedOn: string | null,
): CreditReportCurrency {
  if (r.revokedAt) return { status: 'revoked', since: null, changed: [] };
  const changed = factsFingerprint(r.facts) === factsFingerprint(now) ? [] : changedFacts(r.facts, now);
  const expiredFrom = addCalendarDays(r.validUntil, 1);
  const expired = today >= expiredFrom;
  if (changed.length > 0 && (!expired || (changedOn !== null && changedOn < expiredFrom))) return { status: 'changed', since: changedOn, changed };
  if (expired) return { status: 'expired', since: expiredFrom, changed: [] };
  return { status: 'current', since: null, changed: [] };
}

/** The verification page's sentence for a report's status, in lay words. */
export function creditReportStatusText(c: CreditReportCurrency, validUntil: string): string {
  switch (c.status) {
    case 'current':
      return `有效：该信用报告由本平台出具，所载信用等级、信用分、红黑榜状态和招投标信用资格与今天一致，有效期至 ${validUntil}。`;
    case 'changed':
      return `内容已变化（出具后${c.since ? `自 ${c.since} 起` : ''}${c.changed.join('、')}发生变化）：该报告已不能代表企业当前的信用状况，请重新出具或查看企业信用档案。`;
    case 'expired':
      return `已过有效期（自 ${c.since} 起）：该报告有效期为出具之日起 ${CREDIT_REPORT_VALID_DAYS} 日，请重新出具。`;
    case 'revoked':
      return '该信用报告已被出具机关撤销，不再有效。';
  }
}

const GRADE_TEXT = (f: CreditReportFacts) => (f.grade === null ? '暂无（尚无已公布的年度信用评价）' : f.vetoed ? `${f.gradeYear} 年度 D 级（一票否决）` : `${f.gradeYear} 年度 ${f.grade} 级${f.gradeScore !== null ? `（${f.gradeScore} 分）` : ''}`);

/** The stated facts as label/value rows (the print page and the verification page show the same words). */
export function creditReportRows(f: CreditReportFacts): [string, string][] {
  return [
    ['信用等级', GRADE_TEXT(f)],
    ['当前信用分', `${f.score} 分`],
    ['红黑榜状态', f.listStatus === 'red' ? '在红榜' : f.listStatus === 'black' ? '在黑榜' : '不在红榜或黑榜'],
    ['招投标信用资格（出具当日）', f.eligible ? '具备（信用等级为 A 级且不在黑榜）' : '不具备'],
  ];
}

/** Reads facts back from a stored summary; null when the summary is not a credit report's. */
export function factsFromSummary(s: Record<string, unknown>): CreditReportFacts | null {
  const f = s.facts as Partial<CreditReportFacts> | undefined;
  if (!f || typeof f !== 'object' || typeof f.score !== 'number' || typeof f.listStatus !== 'string' || typeof f.eligible !== 'boolean') return null;
  return {
    grade: (f.grade ?? null) as Grade | null,
    gradeYear: typeof f.gradeYear === 'number' ? f.gradeYear : null,
    gradeScore: typeof f.gradeScore === 'number' ? f.gradeScore : null,
    vetoed: f.vetoed === true,
    score: f.score,
    listStatus: f.listStatus as ListStatus,
    eligible: f.eligible,
  };
}
