/**
 * Ratings, annual evaluation, grades, lists and eligibility (SPEC §3.7, §4). Pure rules: dates and policy come
 * in as arguments, nothing reads the clock or the database. Every rule names its article:
 *
 * - DW 10, 12  quarterly estate rating 优秀 / 良好 / 差 from the inspection score;
 * - DW 11      one-vote veto → black list at once, no comprehensive evaluation that year;
 * - DW 14      三 in a row (优秀 / 良好 / 差) and its consequences, rectification, market ban;
 * - ZT 五.3    annual score, < 90 → interview + 风险提示函, < 90 two years running → black list;
 * - ZJ 6       grade A or better for tenders;
 * - CQ 三.(五)  green channel after three clean years.
 */
import type { CreditPolicy } from './credit-policy';
import { addCalendarDays, addMonths } from './working-days';
import { cite, citeAll } from './regulations';

export type EstateRating = '优秀' | '良好' | '差';
export type Grade = 'A' | 'B' | 'C' | 'D';
export const ESTATE_RATINGS: readonly EstateRating[] = ['优秀', '良好', '差'];
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

// ---------------------------------------------------------------------------------------------------------
// DW 10, 12: quarterly estate rating

/** DW 10: the inspection score maps to 优秀 / 良好 / 差 by the policy's thresholds (≥, so 90.00 is 优秀, 89.99 is not). */
export function ratingOf(score: number, p: Pick<CreditPolicy, 'estateRating'>): EstateRating {
  if (score >= p.estateRating.excellent) return '优秀';
  if (score >= p.estateRating.good) return '良好';
  return '差';
}

/** An inspection score is 0–100 with at most two decimals. */
export function isInspectionScore(v: number): boolean {
  return Number.isFinite(v) && v >= 0 && v <= 100 && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;
}

export interface Quarter {
  year: number;
  quarter: number;
}

export function quarterIndex(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

export function quarterFromIndex(i: number): Quarter {
  return { year: Math.floor(i / 4), quarter: (i % 4) + 1 };
}

export function previousQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) - 1);
}

export function quarterLabel(q: Quarter): string {
  return `${q.year}年第${q.quarter}季度`;
}

/** `2026Q3` — the form used in URLs and the `period` filter. */
export function quarterKey(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

export function parseQuarterKey(s: string | null | undefined): Quarter | null {
  const m = /^(\d{4})Q([1-4])$/.exec((s ?? '').trim().toUpperCase());
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : null;
}

export function quarterStart(q: Quarter): string {
  return `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(q: Quarter): string {
  return addCalendarDays(addMonths(quarterStart(q), 3), -1);
}

/** The quarter a date falls in. */
export function quarterOf(date: string): Quarter {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

// ---------------------------------------------------------------------------------------------------------
// DW 14: three in a row

/** One published quarterly rating of one estate, with the company that served it at the quarter's end. */
export interface RatingPoint extends Quarter {
  rating: EstateRating;
  companyId: string;
}

export interface RunTrigger {
  rating: EstateRating;
  companyId: string;
  /** The quarters of the run that triggered, oldest first. */
  quarters: Quarter[];
}

/**
 * DW 14 "住宅小区在年度连续三次评定为…": applied to an estate's published ratings when a quarter is published.
 *
 * - Ratings count only for consecutive quarters: a quarter missing from the history (not rated or not
 *   published) breaks the run, and so does any other rating in between (a 良好 between two 差 breaks it).
 *   Three consecutive quarters always lie within one year (年度), whichever calendar years they touch.
 * - The run is of one company: an estate that changed hands starts a new run with the new company.
 * - A run triggers once per N ratings: the third 差 triggers, the fourth does not, the sixth does again.
 *
 * `history` holds the estate's published ratings in any order; the trigger is judged at its latest quarter.
 */
export function threeInARow(history: readonly RatingPoint[], p: Pick<CreditPolicy, 'consecutiveRatings'>): RunTrigger | null {
  if (history.length === 0) return null;
  const sorted = [...history].sort((a, b) => quarterIndex(a) - quarterIndex(b));
  const last = sorted[sorted.length - 1];
  let run = 1;
  for (let i = sorted.length - 2; i >= 0; i--) {
    const cur = sorted[i];
    const next = sorted[i + 1];
    if (quarterIndex(next) - quarterIndex(cur) !== 1) break;
    if (cur.rating !== last.rating || cur.companyId !== last.companyId) break;
    run++;
  }
  const n = p.consecutiveRatings;
  if (run < n || run % n !== 0) return null;
  return { rating: last.rating, companyId: last.companyId, quarters: sorted.slice(sorted.length - n).map(({ year, quarter }) => ({ year, quarter })) };
}

/** DW 14's consequences, in the document's own words, for the flags and list entries a run creates. */
export const DW14_CONSEQUENCES: Record<EstateRating, readonly string[]> = {
  优秀: [
    '优先晋升信用等级',
    '评先创优时在同等条件下优先考虑',
    '在日常监督检查时不作重点监管',
    '服务的物业项目可参加上级优秀小区的评选',
    '可参加上级优秀企业的评选和物业项目前期物业管理投标',
  ],
  良好: ['优先晋升信用等级', '评先评优时在同等条件下优先考虑', '服务的物业项目可参加上级优秀小区的评选'],
  差: ['录入“黑榜”，项目进入整改期，整改期内重点监管，不得参加政府和行业各类评优活动', '整改合格的，晋升信用等级', '对拒不整改或者整改不合格的，建议退出物业服务市场，三年内不得在本市行政区域内从事物业管理活动'],
};

/** The company flag a run creates: `incentive` (三次优秀), `upgrade_priority` (三次良好), `key_supervision` (三次差). */
export function runFlag(rating: EstateRating): 'incentive' | 'upgrade_priority' | 'key_supervision' {
  return rating === '优秀' ? 'incentive' : rating === '良好' ? 'upgrade_priority' : 'key_supervision';
}

/** The rectification period opened by three 差 ends this many days after publication (DW 14, §4: 90 days). */
export function rectificationUntil(publishedOn: string, p: Pick<CreditPolicy, 'rectificationDays'>): string {
  return addCalendarDays(publishedOn, p.rectificationDays);
}

/**
 * A failed or refused rectification bans the company from the market for N years from the decision (DW 14).
 * Like every list date out, the result is the first day the ban no longer applies.
 */
export function marketBanUntil(decidedOn: string, p: Pick<CreditPolicy, 'marketBanYears'>): string {
  return addMonths(decidedOn, 12 * p.marketBanYears);
}

// ---------------------------------------------------------------------------------------------------------
// DW 11: one-vote veto

export const VETO_TYPES = ['未备案参与招投标', '合同期内无正当理由撤离', '引发重大群体性或越级上访', '其他严重行为'] as const;
export type VetoType = (typeof VETO_TYPES)[number];

/** DW 11's four cases, in the document's words. */
export const VETO_TYPE_TEXT: Record<VetoType, string> = {
  未备案参与招投标: '未在住建部门备案登记参加物业招投标选聘的',
  合同期内无正当理由撤离: '在物业服务合同有效期内无正当理由擅自退出管理项目的',
  引发重大群体性或越级上访: '因企业责任引发重大群体或越级上访事件，影响社会稳定和正常社会秩序，造成恶劣社会影响的',
  其他严重行为: '经物业管理主管部门认定的其他严重不良行为',
};

export function isVetoType(v: string): v is VetoType {
  return (VETO_TYPES as readonly string[]).includes(v);
}

// ---------------------------------------------------------------------------------------------------------
// ZT 五.3 and ZJ 6: annual evaluation and grade

/** A confirmed credit record as the evaluation sees it. `points` is positive for both categories. */
export interface ScoredRecord {
  id: string;
  category: 'basic' | 'performance' | 'warning';
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'corrected' | 'repaired';
  type: string;
  occurredOn: string;
  points: number | null;
  publishedOn: string | null;
  /** The day the record stops counting (its public_until). */
  publicUntil: string | null;
  vetoType: string | null;
  projectName?: string | null;
}

export interface ScoreLine {
  recordId: string;
  label: string;
  /** Signed: + for performance, − for warnings. */
  points: number;
  /** The first day the record no longer counts. */
  countsUntil: string | null;
}

/**
 * A record counts in year Y when it is confirmed and in force (not repaired, not revoked) and its counting
 * window [published_on, public_until) overlaps the year. A repaired or revoked record never counts again,
 * even for a year already past (the national credit-repair rules: repaired information is not used).
 */
export function countsInYear(r: ScoredRecord, year: number): boolean {
  if (r.status !== 'approved' || r.category === 'basic' || r.points == null || !r.publishedOn) return false;
  if (r.publishedOn > `${year}-12-31`) return false;
  return !r.publicUntil || r.publicUntil > `${year}-01-01`;
}

/** A record counts on a date: confirmed, in force, published on or before it and not yet past its window. */
export function countsOn(r: ScoredRecord, on: string): boolean {
  if (r.status !== 'approved' || r.category === 'basic' || r.points == null || !r.publishedOn) return false;
  return r.publishedOn <= on && (!r.publicUntil || on < r.publicUntil);
}

function scoreLine(r: ScoredRecord): ScoreLine {
  const kind = r.category === 'performance' ? '业绩' : '警示';
  return {
    recordId: r.id,
    label: `${kind}：${r.projectName ? `${r.projectName} ` : ''}${r.type}（${r.occurredOn}）`,
    points: r.category === 'performance' ? Number(r.points) : -Number(r.points),
    countsUntil: r.publicUntil,
  };
}

/** Round to cents (scores are numeric(6,2)). */
export function cents(n: number): number {
  return Math.round(n * 100) / 100;
}

/** base + lines, kept within [0, base] (performance points offset deductions; they do not lift above the base). */
export function scoreFrom(lines: readonly ScoreLine[], p: Pick<CreditPolicy, 'annualBaseScore'>): number {
  const raw = p.annualBaseScore + lines.reduce((s, l) => s + l.points, 0);
  return cents(Math.max(0, Math.min(p.annualBaseScore, raw)));
}

/** ZJ 6: A ≥ 95, B ≥ 90, C ≥ 75, else D; a vetoed company is D with no score (DW 11). */
export function gradeOf(score: number | null, p: Pick<CreditPolicy, 'grades'>, vetoed = false): Grade {
  if (vetoed || score == null) return 'D';
  if (score >= p.grades.A) return 'A';
  if (score >= p.grades.B) return 'B';
  if (score >= p.grades.C) return 'C';
  return 'D';
}

export interface AnnualResult {
  year: number;
  /** null when vetoed: DW 11 "取消综合信用评价资格". */
  score: number | null;
  grade: Grade;
  vetoed: boolean;
  vetoRecordId: string | null;
  breakdown: ScoreLine[];
  /** ZT 五.3: below the interview line → 约谈 and 风险提示函. */
  interview: boolean;
}

/**
 * ZT 五.3: score = base + performance points − warning points of the records counting in the year, each line
 * traced to its record; grade by ZJ 6. A veto in force in the year (DW 11) cancels the evaluation: no score,
 * grade D, no interview (the company is already on the black list).
 */
export function annualEvaluation(
  year: number,
  records: readonly ScoredRecord[],
  p: Pick<CreditPolicy, 'annualBaseScore' | 'grades' | 'interviewBelow'>,
): AnnualResult {
  const veto = records.find((r) => r.vetoType && r.status === 'approved' && r.occurredOn.startsWith(`${year}-`));
  const breakdown = records
    .filter((r) => countsInYear(r, year))
    .sort((a, b) => (a.occurredOn === b.occurredOn ? a.id.localeCompare(b.id) : a.occurredOn < b.occurredOn ? -1 : 1))
    .map(scoreLine);
  if (veto) return { year, score: null, grade: 'D', vetoed: true, vetoRecordId: veto.id, breakdown, interview: false };
  const score = scoreFrom(breakdown, p);
  return { year, score, grade: gradeOf(score, p), vetoed: false, vetoRecordId: null, breakdown, interview: needsInterview(score, p) };
}

/** ZT 五.3 "信用评价得分低于90分": strictly below (89.99 is below, 90.00 is not). */
export function needsInterview(score: number | null, p: Pick<CreditPolicy, 'interviewBelow'>): boolean {
  return score != null && score < p.interviewBelow;
}

/**
 * ZT 五.3 "连续两年信用评价得分低于90分": the evaluations of `year` and the N−1 years before it all exist, are
 * not vetoed, and are below the line. A missing year breaks the run.
 */
export function belowLineYearsRunning(
  evaluations: readonly { year: number; score: number | null; vetoed: boolean }[],
  year: number,
  p: Pick<CreditPolicy, 'interviewBelow' | 'blackListAfterYearsBelow'>,
): boolean {
  for (let y = year - p.blackListAfterYearsBelow + 1; y <= year; y++) {
    const e = evaluations.find((x) => x.year === y);
    if (!e || e.vetoed || !needsInterview(e.score, p)) return false;
  }
  return true;
}

export interface ScoreStep {
  /** From this day on… */
  on: string;
  /** …the score is this, if nothing new happens. */
  score: number;
  /** The records that stop counting that day. */
  recordIds: string[];
}

/**
 * "Every number is explained" (§3.7): the score counted from the records counting on `on`, each with the date it
 * stops counting, and the steps the score will take as they stop, if nothing new happens.
 */
export function scoreOutlook(
  records: readonly ScoredRecord[],
  on: string,
  p: Pick<CreditPolicy, 'annualBaseScore'>,
): { score: number; lines: ScoreLine[]; steps: ScoreStep[] } {
  const lines = records
    .filter((r) => countsOn(r, on))
    .sort((a, b) => (a.occurredOn === b.occurredOn ? a.id.localeCompare(b.id) : a.occurredOn < b.occurredOn ? -1 : 1))
    .map(scoreLine);
  const score = scoreFrom(lines, p);
  const dates = [...new Set(lines.map((l) => l.countsUntil).filter((d): d is string => !!d))].sort();
  const steps: ScoreStep[] = [];
  let remaining = lines;
  for (const d of dates) {
    const leaving = remaining.filter((l) => l.countsUntil === d);
    remaining = remaining.filter((l) => l.countsUntil !== d);
    steps.push({ on: d, score: scoreFrom(remaining, p), recordIds: leaving.map((l) => l.recordId) });
  }
  return { score, lines, steps };
}

// ---------------------------------------------------------------------------------------------------------
// CQ 三.(五): green channel

/**
 * CQ "连续三年无不良信用记录": a company filed (approved) at least N years before `on` with no warning record
 * that occurred in the N years up to `on`. Warning records that were revoked after an objection, rejected or
 * never confirmed are not records; repaired or expired ones were.
 */
export function greenChannelOn(
  company: { approvedOn: string | null },
  warnings: readonly { occurredOn: string; status: ScoredRecord['status'] }[],
  on: string,
  p: Pick<CreditPolicy, 'greenChannelCleanYears'>,
): boolean {
  if (!company.approvedOn) return false;
  const from = addMonths(on, -12 * p.greenChannelCleanYears);
  if (company.approvedOn > from) return false;
  return !warnings.some((w) => (w.status === 'approved' || w.status === 'repaired') && w.occurredOn > from && w.occurredOn <= on);
}

// ---------------------------------------------------------------------------------------------------------
// The lists (DW 6, 8.3, 11, 14; ZT 五.3)

export type ListKind = 'red' | 'black';

/**
 * Every rule that puts a company on a list, with its article (SPEC's short form, kept stable in open data), its
 * citation by the regulation's full title (what public pages show) and what it means.
 */
export const LIST_RULES = {
  'DW8-performance': { list: 'red', article: 'DW 第八条', citation: cite('DW', '第八条'), label: '业绩信用信息公示期内' },
  'DW14-three-excellent': { list: 'red', article: 'DW 第十四条（一）', citation: cite('DW', '第十四条第（一）项'), label: '住宅小区连续三次评定为“优秀”' },
  'DW11-veto': { list: 'black', article: 'DW 第十一条', citation: cite('DW', '第十一条'), label: '一票否决' },
  'DW14-three-poor': { list: 'black', article: 'DW 第十四条（三）', citation: cite('DW', '第十四条第（三）项'), label: '住宅小区连续三次评定为“差”（整改期）' },
  'DW14-market-ban': { list: 'black', article: 'DW 第十四条（三）', citation: cite('DW', '第十四条第（三）项'), label: '拒不整改或整改不合格，市场禁入' },
  'ZT5.3-two-years': { list: 'black', article: 'ZT 五.(三)', citation: cite('ZT', '五.(三)'), label: '连续两年信用评价得分低于90分' },
  'severe-warning': { list: 'black', article: 'DW 第八条；信用修复规定', citation: citeAll([['DW', '第八条'], ['REPAIR']]), label: '严重失信警示信息公示期内' },
} as const satisfies Record<string, { list: ListKind; article: string; citation: string; label: string }>;

export type ListRule = keyof typeof LIST_RULES;

export function isListRule(s: string): s is ListRule {
  return s in LIST_RULES;
}

export function listRuleLabel(rule: string): string {
  return isListRule(rule) ? LIST_RULES[rule].label : rule;
}

export function listRuleArticle(rule: string): string {
  return isListRule(rule) ? LIST_RULES[rule].article : '';
}

/** The rule's provision by the regulation's full title (public pages). */
export function listRuleCitation(rule: string): string {
  return isListRule(rule) ? LIST_RULES[rule].citation : '';
}

/** A list entry as stored. */
export interface ListEntryFacts {
  list: ListKind;
  rule: string;
  since: string;
  /** The scheduled date out (exclusive: the entry is off the list from this day). */
  until: string | null;
  /** The day it was taken off before its scheduled date (rectification passed, repair, correction). */
  endedOn: string | null;
  status: 'active' | 'rectifying' | 'removed' | 'expired';
}

/**
 * Whether an entry is on its list on a date. An entry is on from `since` until it was ended or its scheduled
 * date out. A three-差 entry is the exception: its date out is the end of the rectification period, but it
 * stays until the inspection decides (passed → removed; failed → replaced by the market ban).
 */
export function entryActiveOn(e: ListEntryFacts, on: string): boolean {
  if (e.since > on) return false;
  if (e.endedOn && e.endedOn <= on) return false;
  if (e.rule === 'DW14-three-poor' && !e.endedOn) return true;
  return !e.until || on < e.until;
}

/**
 * DW 8.3, SPEC §3.7: the red list shows a company's red entries only while it has no black entry in force —
 * a company cannot be on both lists on the same day.
 */
export function onRedList(entries: readonly ListEntryFacts[], on: string): boolean {
  const active = entries.filter((e) => entryActiveOn(e, on));
  return active.some((e) => e.list === 'red') && !active.some((e) => e.list === 'black');
}

export function onBlackList(entries: readonly ListEntryFacts[], on: string): boolean {
  return entries.some((e) => e.list === 'black' && entryActiveOn(e, on));
}

export type ListStatus = 'red' | 'black' | 'none';

export function listStatusOn(entries: readonly ListEntryFacts[], on: string): ListStatus {
  if (onBlackList(entries, on)) return 'black';
  return onRedList(entries, on) ? 'red' : 'none';
}

/** A market ban (DW 14) in force: no filing approval, no new contract. */
export function marketBannedOn(entries: readonly ListEntryFacts[], on: string): boolean {
  return entries.some((e) => e.rule === 'DW14-market-ban' && entryActiveOn(e, on));
}

// ---------------------------------------------------------------------------------------------------------
// ZJ 6: tender eligibility ("应查必查")

export interface Eligibility {
  eligible: boolean;
  /** Why not, one line per reason (empty when eligible). */
  reasons: string[];
  grade: Grade | null;
  /** The evaluation year the grade comes from. */
  gradeYear: number | null;
}

/**
 * ZJ 6 "信用等级为A级及以上": on a date, the grade of the latest annual evaluation published on or before it is
 * A, and no black entry is in force that day.
 */
export function tenderEligibility(
  evaluation: { year: number; grade: Grade; vetoed: boolean } | null,
  entries: readonly ListEntryFacts[],
  on: string,
): Eligibility {
  const reasons: string[] = [];
  if (!evaluation) reasons.push('尚无已公布的年度信用评价等级');
  else if (evaluation.vetoed) reasons.push(`${evaluation.year}年度一票否决，取消综合信用评价资格`);
  else if (evaluation.grade !== 'A') reasons.push(`${evaluation.year}年度信用等级为${evaluation.grade}级，未达到A级`);
  if (onBlackList(entries, on)) reasons.push('当日在黑榜');
  return { eligible: reasons.length === 0, reasons, grade: evaluation?.grade ?? null, gradeYear: evaluation?.year ?? null };
}
