import 'server-only';
/**
 * Annual credit evaluation (ZT 五.(三); SPEC §3.7, §4).
 *
 * - Run (city): for every approved company, `annualEvaluation(year, records, policy)` from its credit records
 *   (one query for all companies), stored with its traced breakdown and the policy version; re-running replaces
 *   the year's results while it is unpublished.
 * - Publish (city, once per year; of two at once exactly one wins, by the `published_at is null` guard): every
 *   score below the line gets an interview (约谈) notice to the company's district with its due date and a
 *   风险提示函 (a `documents` row with its code, printable by the company and the bureau); below the line two
 *   years running puts the company on the black list for a year (rule ZT5.3-two-years).
 * A vetoed year (DW 11) has no score and grade D, and no interview: the veto already put it on the black list.
 */
import type { Db } from '@/db';
import {
  approvedCompanies,
  companiesWithOpenEntry,
  insertInterviewNotices,
  insertRiskLetters,
  listDistrictNames,
  pastEvaluations,
  publishYearRows,
  scoredRecordsByCompany,
  upsertEvaluations,
  yearPublishedAt,
} from '@/db/queries/evaluations';
import { getCurrentPolicy, getPolicyVersions } from '@/db/queries/policy';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { annualEvaluation, belowLineYearsRunning, GRADES, needsInterview, type Grade, type ScoreLine } from '@/lib/domain/credit-rating';
import { newTrackingCode } from '@/lib/domain/objections';
import { addCalendarDays, addMonths } from '@/lib/domain/working-days';
import { evaluationPublishRefusal, PLAN_CHANGED, planFingerprint } from '@/lib/domain/publication';
import { evaluationPublishSchema, evaluationYearSchema } from '@/lib/validation/evaluations';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { openListEntries } from './list-entries';
import { allowed, refused } from './gate';

/**
 * The district holds the interview within this many calendar days of publication. The SPEC is silent; calendar
 * days, because publication falls early in the next year, which the holiday calendar may not cover yet.
 */
export const INTERVIEW_DAYS = 15;

export { ZT53_TEXT } from './evaluations-text';

export const PUBLISHED_ALREADY = '该年度信用评价已公布，不能重新计算或再次公布';

export interface EvaluationSummary {
  year: number;
  companies: number;
  grades: Record<Grade, number>;
  vetoed: number;
  below: { companyId: string; name: string; score: number }[];
}

function gradeCounts(results: { grade: Grade }[]): Record<Grade, number> {
  const out = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  for (const r of results) out[r.grade]++;
  return out;
}

/** The city computes (or recomputes, while unpublished) a year's evaluation of every approved company. */
export async function runEvaluation(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<EvaluationSummary>> {
  if (!allowed(actor, 'evaluation.run')) return refused(actor);
  const parsed = evaluationYearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { year } = parsed.data;
  const on = opts.today ?? clockToday();
  if (year > Number(on.slice(0, 4))) return { ok: false, code: 'INVALID', message: '不能评价尚未开始的年度', fieldErrors: { year: ['不能评价尚未开始的年度'] } };
  if (await yearPublishedAt(db, year)) return fail('CONFLICT', PUBLISHED_ALREADY);
  const policy = await getCurrentPolicy(db);
  if (policy.version <= 0) return fail('CONFLICT', '尚未设置信用政策，不能计算');
  const companies = await approvedCompanies(db);
  const records = await scoredRecordsByCompany(
    db,
    companies.map((c) => c.id),
  );
  const results = companies.map((c) => ({ company: c, result: annualEvaluation(year, records.get(c.id) ?? [], policy.settings) }));
  const summary: EvaluationSummary = {
    year,
    companies: results.length,
    grades: gradeCounts(results.map((r) => r.result)),
    vetoed: results.filter((r) => r.result.vetoed).length,
    below: results
      .filter((r) => r.result.interview)
      .map((r) => ({ companyId: r.company.id, name: r.company.name, score: r.result.score! }))
      .sort((a, b) => a.score - b.score),
  };
  return inTransaction(db, async (tx) => {
    const written = await upsertEvaluations(
      tx,
      results.map(({ company, result }) => ({
        companyId: company.id,
        year,
        score: result.score,
        grade: result.grade,
        vetoed: result.vetoed,
        breakdown: result.breakdown,
        policyVersion: policy.version,
      })),
    );
    // A row already published means another publisher won meanwhile: the whole run is void.
    if (written !== results.length) throw new LostRace(PUBLISHED_ALREADY);
    await audit(tx, actor, {
      action: 'evaluation.run',
      objectType: 'annual_evaluation',
      objectId: null,
      after: { year, policyVersion: policy.version, companies: summary.companies, grades: summary.grades, vetoed: summary.vetoed, below: summary.below.length },
    });
    return ok(summary);
  });
}

/** The letter's facts, fixed at issue (what `/verify/[code]` and the printed page show). */
export interface RiskLetterSummary {
  year: number;
  companyName: string;
  uscc: string;
  score: number;
  line: number;
  interviewDue: string;
  districtName: string | null;
}

/** What publishing a year makes public and sets off: exactly what the check-your-answers page shows. */
export interface EvaluationPlan {
  year: number;
  /** The interviews' due date (fixed from the day of publication). */
  interviewDue: string;
  /** Every company's published result, lowest score first (a vetoed year first). */
  companies: { companyId: string; name: string; uscc: string; score: string | null; grade: Grade; vetoed: boolean }[];
  /** Below the line: an interview notice to the district and a 风险提示函. */
  interviews: { companyId: string; name: string; score: string; districtName: string | null }[];
  /** Below the line two years running (ZT 五.(三)): a black-list entry from the day of publication. */
  blackList: { companyId: string; name: string; reason: string; since: string; until: string }[];
}

export interface EvaluationPreview {
  plan: EvaluationPlan;
  /** Carried by the confirmation: publishing refuses if the plan it computes then differs. */
  fingerprint: string;
  /** Why it may not be published today (the year has not ended), or null. */
  refusal: string | null;
}

type PublishResult = { year: number; published: number; letters: number; blackListed: number };

/**
 * The check-your-answers step: publishing run as a dry run (the same code, in a transaction rolled back at the
 * point of no return), answering with the plan and its fingerprint.
 */
export async function previewEvaluationPublication(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<EvaluationPreview>> {
  if (!allowed(actor, 'evaluation.run')) return refused(actor);
  const parsed = evaluationYearSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const on = opts.today ?? clockToday();
  return publishYear(db, actor, parsed.data.year, on, null) as Promise<ActionResult<EvaluationPreview>>;
}

/** The city publishes a year: interviews and letters below the line, black entries for two years running. */
export async function publishEvaluation(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<PublishResult>> {
  if (!allowed(actor, 'evaluation.run')) return refused(actor);
  const parsed = evaluationPublishSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { year, fingerprint } = parsed.data;
  const on = opts.today ?? clockToday();
  const tooEarly = evaluationPublishRefusal(year, on);
  if (tooEarly) return fieldError('year', tooEarly, 'CONFLICT');
  return publishYear(db, actor, year, on, fingerprint) as Promise<ActionResult<PublishResult>>;
}

/** Publishing itself; with no fingerprint it stops before writing anything that lasts and answers with the plan. */
async function publishYear(db: Db, actor: Actor, year: number, on: string, fingerprint: string | null): Promise<ActionResult<PublishResult | EvaluationPreview>> {
  if (await yearPublishedAt(db, year)) return fail('CONFLICT', PUBLISHED_ALREADY);
  const companies = new Map((await approvedCompanies(db)).map((c) => [c.id, c]));
  const districtNames = await listDistrictNames(db);
  const due = addCalendarDays(on, INTERVIEW_DAYS);

  try {
    const result = await inTransaction<PublishResult | EvaluationPreview>(db, async (tx) => {
      const rows = await publishYearRows(tx, year, new Date());
      if (rows.length === 0) {
        if (await yearPublishedAt(tx, year)) throw new LostRace(PUBLISHED_ALREADY);
        throw new LostRace('该年度尚未计算信用评价，请先计算');
      }
      const past = await pastEvaluations(
        tx,
        rows.map((r) => r.companyId),
        year,
      );
      // Each evaluation is published under the policy version it was computed under: its line, its letter, its
      // black-list rule — not whatever version is current on the day of publication.
      const versions = await getPolicyVersions(
        tx,
        rows.map((r) => r.policyVersion),
      );
      // Set-based (docs/decisions/020): letters, interviews and black-list entries in multi-row statements.
      const letterRows: Parameters<typeof insertRiskLetters>[1][number][] = [];
      const noticeRows: Parameters<typeof insertInterviewNotices>[1][number][] = [];
      const twoYears: { companyId: string; score: number; policy: NonNullable<ReturnType<(typeof versions)['get']>> }[] = [];
      const plan: EvaluationPlan = { year, interviewDue: due, companies: [], interviews: [], blackList: [] };
      for (const r of rows) {
        const policy = versions.get(r.policyVersion)!;
        const score = r.score == null ? null : Number(r.score);
        const c = companies.get(r.companyId);
        const companyName = c?.name ?? '';
        plan.companies.push({ companyId: r.companyId, name: companyName, uscc: c?.uscc ?? '', score: score == null ? null : score.toFixed(2), grade: r.grade, vetoed: r.vetoed });
        if (!needsInterview(score, policy.settings) || r.vetoed) continue;
        const districtName = c?.districtId ? (districtNames.get(c.districtId) ?? null) : null;
        plan.interviews.push({ companyId: r.companyId, name: companyName, score: score!.toFixed(2), districtName });
        const code = newTrackingCode();
        const summary: RiskLetterSummary = { year, companyName, uscc: c?.uscc ?? '', score: score!, line: policy.settings.interviewBelow, interviewDue: due, districtName };
        letterRows.push({ code, evaluationId: r.id, summary: { ...summary }, issuedBy: actor.userId });
        noticeRows.push({
          companyId: r.companyId,
          districtId: c?.districtId ?? null,
          evaluationId: r.id,
          title: `${year}年度信用评价约谈通知（风险提示函 ${code}）`,
          body: `${companyName}${year}年度信用评价得分 ${score!.toFixed(2)} 分，低于 ${policy.settings.interviewBelow} 分。根据 ZT 五.(三)，由${districtName ?? '所在县（市、区）'}物业行政主管部门于 ${due} 前进行约谈，并下发风险提示函（编号 ${code}）。`,
          dueOn: due,
          createdBy: actor.userId,
        });
        const history = [...(past.get(r.companyId) ?? []), { year, score, vetoed: r.vetoed }];
        if (belowLineYearsRunning(history, year, policy.settings)) twoYears.push({ companyId: r.companyId, score: score!, policy });
      }
      const listed = await companiesWithOpenEntry(
        tx,
        'ZT5.3-two-years',
        twoYears.map((t) => t.companyId),
      );
      const entries = twoYears
        .filter((t) => !listed.has(t.companyId))
        .map((t) => ({
          companyId: t.companyId,
          rule: 'ZT5.3-two-years' as const,
          reason: `连续${t.policy.settings.blackListAfterYearsBelow}年信用评价得分低于${t.policy.settings.interviewBelow}分（${year}年度 ${t.score.toFixed(2)} 分）`,
          since: on,
          until: addMonths(on, 12),
          policyVersion: t.policy.version,
        }));
      plan.blackList = entries.map((e) => ({ companyId: e.companyId, name: companies.get(e.companyId)?.name ?? '', reason: e.reason, since: e.since, until: e.until }));
      const byScore = (a: EvaluationPlan['companies'][number], b: EvaluationPlan['companies'][number]) =>
        (a.score == null ? -1 : Number(a.score)) - (b.score == null ? -1 : Number(b.score)) || (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0);
      plan.companies.sort(byScore);
      plan.interviews.sort((a, b) => Number(a.score) - Number(b.score) || (a.companyId < b.companyId ? -1 : 1));
      plan.blackList.sort((a, b) => (a.companyId < b.companyId ? -1 : 1));
      const planned = planFingerprint(plan);
      // The point of no return: a preview stops here (rolling back the publication mark); a confirmation goes on
      // only if it confirms this very plan.
      if (fingerprint == null) throw new Rollback(ok<EvaluationPreview>({ plan, fingerprint: planned, refusal: evaluationPublishRefusal(year, on) }));
      if (fingerprint !== planned) throw new LostRace(PLAN_CHANGED);
      await insertRiskLetters(tx, letterRows);
      await insertInterviewNotices(tx, noticeRows);
      await openListEntries(tx, actor, entries);
      const letters = letterRows.length;
      await audit(tx, actor, {
        action: 'evaluation.published',
        objectType: 'annual_evaluation',
        objectId: null,
        after: { year, published: rows.length, letters, blackListed: entries.length, interviewDue: due, fingerprint, policyVersion: [...versions.keys()].length === 1 ? [...versions.keys()][0] : [...versions.keys()] },
      });
      return ok({ year, published: rows.length, letters, blackListed: entries.length });
    });
    return result;
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', '公布未成功，请重新公布');
    throw e;
  }
}

export type { ScoreLine };
