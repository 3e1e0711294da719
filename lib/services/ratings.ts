import 'server-only';
/**
 * Quarterly estate ratings and their consequences (DW 10, 12, 14; SPEC §3.7).
 *
 * - The district (the city: any district) enters the quarter's inspection scores of its residential estates in
 *   one table; one save is one transaction: every row is validated first, nothing is written if one is wrong.
 *   The rating follows from the score by the current policy, and the row names the policy version.
 * - Results stay internal until the city publishes the quarter (once: of two publishers, one wins). Publishing
 *   applies DW 14 in the same transaction to every rated estate: three 优秀 → red entry + incentive flag; three
 *   良好 → upgrade-priority flag; three 差 → black entry in a rectification period + key supervision.
 * - The district records the rectification inspection: passed → the entry ends with the reason (kept in history);
 *   failed or refused → the entry ends and a three-year market ban opens, with the market-exit recommendation.
 */
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  deleteRating,
  endFlags,
  estatesForRating,
  extendCompanyBan,
  getPublication,
  getRectificationInScope,
  insertFlag,
  insertFlags,
  insertPublication,
  listEntryExists,
  listPublishedQuarters,
  lockQuarter,
  openDw14Entries,
  projectNames,
  publishedHistoryOfQuarter,
  quarterRatingsForPlan,
  ratingsOfQuarter,
  upsertRating,
  type NewFlag,
} from '@/db/queries/ratings';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import {
  DW14_CONSEQUENCES,
  LIST_RULES,
  marketBanUntil,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterLabel,
  quarterOf,
  quarterStart,
  ratingOf,
  rectificationUntil,
  runFlag,
  threeInARow,
  type EstateRating,
  type Quarter,
  type RatingPoint,
} from '@/lib/domain/credit-rating';
import { PLAN_CHANGED, planFingerprint, quarterPublishRefusal } from '@/lib/domain/publication';
import { addMonths } from '@/lib/domain/working-days';
import { FLAG_INFO } from '@/lib/domain/company-flags';
import { confirmQuarterSchema, publishQuarterSchema, rectificationInspectionSchema, RECTIFICATION_RESULT_LABELS, saveRatingsSchema } from '@/lib/validation/ratings';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { endListEntry, openListEntries, openListEntry, type OpenEntry } from './list-entries';

interface Opts {
  today?: string;
}

export const PUBLISHED_READ_ONLY = (q: Quarter) => `${quarterLabel(q)}的评定结果已发布，不能再修改`;
export const ALREADY_PUBLISHED = (q: Quarter) => `${quarterLabel(q)}的评定结果已由他人发布`;
export const INSPECTION_DECIDED = '该整改事项已有复查结论，请刷新后查看';

/**
 * The quarter the table opens on: the one after the latest published quarter, but never one that has not
 * started yet (then the current quarter).
 */
export function defaultRatingQuarter(published: readonly Quarter[], today: string): Quarter {
  const current = quarterOf(today);
  if (published.length === 0) return current;
  const latest = Math.max(...published.map(quarterIndex));
  return quarterFromIndex(Math.min(latest + 1, quarterIndex(current)));
}

const scoreText = (s: string | number | null | undefined) => (s == null ? null : Number(s).toFixed(2));

// ---------------------------------------------------------------------------------------------------------
// DW 10, 12: the district's table

export interface SaveRatingsResult {
  quarter: string;
  saved: number;
  removed: number;
}

/** Save the whole table of one quarter: every row valid or nothing written. Blank = not rated (an earlier score is withdrawn). */
export async function saveQuarterRatings(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<SaveRatingsResult>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rating.enter')) return fail('FORBIDDEN');
  const parsed = saveRatingsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { quarter: q, scores } = parsed.data;
  const on = opts.today ?? clockToday();
  if (quarterStart(q) > on) return fieldError('quarter', `${quarterLabel(q)}尚未开始，不能评定`);
  const ids = Object.keys(scores);
  if (ids.length === 0) return fieldError('_form', '没有可保存的评定');
  const estates = await estatesForRating(db, actor, ids, q);
  if (estates.length !== ids.length) {
    const seen = new Set(estates.map((e) => e.id));
    for (const id of ids.filter((i) => !seen.has(i))) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'project', objectId: id });
    return fail('NOT_FOUND', '未找到该物业项目，或该项目不在本辖区');
  }
  const noCompany: Record<string, string[]> = {};
  for (const e of estates) if (scores[e.id] != null && !e.companyId) noCompany[`scores.${e.id}`] = ['该项目季度末没有物业服务企业，不能评定'];
  if (Object.keys(noCompany).length) return { ok: false, code: 'INVALID', message: '填写的内容有误，请按提示修改', fieldErrors: noCompany };
  if (await getPublication(db, q)) return fail('CONFLICT', PUBLISHED_READ_ONLY(q));
  const policy = await getCurrentPolicy(db);

  return inTransaction(db, async (tx) => {
    await lockQuarter(tx, q);
    if (await getPublication(tx, q)) throw new Rollback(fail('CONFLICT', PUBLISHED_READ_ONLY(q)));
    const existing = new Map((await ratingsOfQuarter(tx, q, ids)).map((r) => [r.projectId, r]));
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    let saved = 0;
    let removed = 0;
    for (const e of estates) {
      const score = scores[e.id];
      const old = existing.get(e.id);
      if (score == null) {
        if (!old) continue;
        await deleteRating(tx, old.id);
        before[e.id] = { score: old.inspectionScore, rating: old.rating };
        after[e.id] = null;
        removed++;
        continue;
      }
      if (old && scoreText(old.inspectionScore) === scoreText(score) && old.companyId === e.companyId) continue;
      const row = await upsertRating(tx, { projectId: e.id, companyId: e.companyId!, q, score, rating: ratingOf(score, policy.settings), ratedBy: actor.userId, policyVersion: policy.version });
      if (old) before[e.id] = { score: old.inspectionScore, rating: old.rating };
      after[e.id] = { score: row.inspectionScore, rating: row.rating, companyId: row.companyId, policyVersion: row.policyVersion };
      saved++;
    }
    if (saved + removed > 0) {
      await audit(tx, actor, { action: 'rating.quarter.saved', objectType: 'rating_quarter', objectId: quarterKey(q), before, after });
    }
    return ok({ quarter: quarterKey(q), saved, removed });
  });
}

// ---------------------------------------------------------------------------------------------------------
// DW 12, 14: publication

export interface PublishResult {
  quarter: string;
  rated: number;
  /** Estates whose run triggered DW 14 at this publication, by rating. */
  triggered: Record<EstateRating, number>;
}

const runPeriod = (qs: Quarter[]) => `${quarterLabel(qs[0])}至${quarterLabel(qs[qs.length - 1])}`;

/** What publishing a quarter makes public and sets off: exactly what the check-your-answers page shows. */
export interface QuarterPlan {
  quarter: string;
  /** Every rated estate's rating, as the public will read it. */
  estates: { projectId: string; name: string; companyName: string; score: string; rating: EstateRating }[];
  /** DW 14: the runs of three this publication completes, and what each sets off. */
  consequences: { projectId: string; name: string; rating: EstateRating; quarters: string[]; list: 'red' | 'black' | null; listReason: string | null; flagReason: string; since: string; until: string | null }[];
}

export interface QuarterPreview {
  plan: QuarterPlan;
  /** Carried by the confirmation: publishing refuses if the plan it computes then differs. */
  fingerprint: string;
  /** Why it may not be published today (before the quarter's last day), or null. */
  refusal: string | null;
}

/**
 * The check-your-answers step: publishing run as a dry run (the same code, in a transaction rolled back at the
 * point of no return), answering with the plan and its fingerprint.
 */
export async function previewQuarterPublication(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<QuarterPreview>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rating.publish')) return fail('FORBIDDEN');
  const parsed = publishQuarterSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return publishOrPlan(db, actor, parsed.data.quarter, opts.today ?? clockToday(), null) as Promise<ActionResult<QuarterPreview>>;
}

/** The city publishes a quarter's ratings and, in the same transaction, applies DW 14 to every rated estate. */
export async function publishQuarter(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<PublishResult>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rating.publish')) return fail('FORBIDDEN');
  const parsed = confirmQuarterSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const q = parsed.data.quarter;
  const on = opts.today ?? clockToday();
  const tooEarly = quarterPublishRefusal(q, on);
  if (tooEarly) return fieldError('quarter', tooEarly, 'CONFLICT');
  return publishOrPlan(db, actor, q, on, parsed.data.fingerprint) as Promise<ActionResult<PublishResult>>;
}

/** Publishing itself; with no fingerprint it stops before writing anything that lasts and answers with the plan. */
async function publishOrPlan(db: Db, actor: Actor, q: Quarter, on: string, fingerprint: string | null): Promise<ActionResult<PublishResult | QuarterPreview>> {
  if (quarterStart(q) > on) return fieldError('quarter', `${quarterLabel(q)}尚未开始，不能发布`);
  const published = await listPublishedQuarters(db);
  if (published.some((p) => quarterIndex(p) === quarterIndex(q))) return fail('CONFLICT', ALREADY_PUBLISHED(q));
  // DW 14 judges a run at the quarter being published: quarters are published in order.
  if (published.some((p) => quarterIndex(p) > quarterIndex(q))) return fieldError('quarter', '已发布更晚季度的评定，不能补发较早季度');
  const policy = await getCurrentPolicy(db);
  const p = policy.settings;

  let result: ActionResult<PublishResult | QuarterPreview>;
  try {
    result = await inTransaction<PublishResult | QuarterPreview>(db, async (tx) => {
      await lockQuarter(tx, q);
      if (await getPublication(tx, q)) throw new Rollback(fail('CONFLICT', ALREADY_PUBLISHED(q)));
      await insertPublication(tx, q, actor.userId);
      // Set-based (docs/decisions/020): the quarter's count, every rated estate's published history in one
      // query, DW 14 judged in memory, and the consequences written in a few multi-row statements.
      const estates = await quarterRatingsForPlan(tx, q);
      const rated = estates.length;
      const history = new Map<string, RatingPoint[]>();
      for (const h of await publishedHistoryOfQuarter(tx, q)) {
        if (quarterIndex(h) > quarterIndex(q)) continue;
        const list = history.get(h.projectId) ?? [];
        list.push({ year: h.year, quarter: h.quarter, rating: h.rating, companyId: h.companyId });
        history.set(h.projectId, list);
      }
      const runs: { projectId: string; run: NonNullable<ReturnType<typeof threeInARow>> }[] = [];
      for (const [projectId, points] of history) {
        const run = threeInARow(points, p);
        if (run && quarterIndex(run.quarters[run.quarters.length - 1]) === quarterIndex(q)) runs.push({ projectId, run });
      }
      runs.sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
      const names = await projectNames(
        tx,
        runs.map((r) => r.projectId),
      );
      const open = await openDw14Entries(
        tx,
        runs.map((r) => r.projectId),
      );
      const triggered: Record<EstateRating, number> = { 优秀: 0, 良好: 0, 差: 0 };
      const entries: (OpenEntry & { at: number })[] = [];
      const flags: NewFlag[] = [];
      const applied: { projectId: string; companyId: string; rating: EstateRating; quarters: string[]; entryId: string | null; flag: string }[] = [];
      const consequences: QuarterPlan['consequences'] = [];
      for (const { projectId, run } of runs) {
        const name = names.get(projectId) ?? '';
        const period = runPeriod(run.quarters);
        const flag = runFlag(run.rating);
        const key = { companyId: run.companyId, projectId };
        if (run.rating === '优秀') {
          if (open.has(`DW14-three-excellent|${run.companyId}|${projectId}`)) continue;
          const until = addMonths(on, 12);
          entries.push({ ...key, at: applied.length, rule: 'DW14-three-excellent', reason: `${name}${period}连续三次评定为“优秀”`, since: on, until, policyVersion: policy.version });
          flags.push({ ...key, flag, reason: `${name}连续三次评定为“优秀”（DW 14）：${DW14_CONSEQUENCES.优秀.join('；')}`, since: on, until });
        } else if (run.rating === '良好') {
          // No guard needed: threeInARow triggers once per run of three, and a quarter is published once.
          flags.push({ ...key, flag, reason: `${name}${period}连续三次评定为“良好”（DW 14）：${DW14_CONSEQUENCES.良好.join('；')}`, since: on, until: addMonths(on, 12) });
        } else {
          if (open.has(`DW14-three-poor|${run.companyId}|${projectId}`)) continue;
          const until = rectificationUntil(on, p);
          entries.push({
            ...key,
            at: applied.length,
            rule: 'DW14-three-poor',
            reason: `${name}${period}连续三次评定为“差”，项目进入${p.rectificationDays}天整改期（至${until}），整改期内重点监管，不得参加政府和行业各类评优活动`,
            since: on,
            until,
            status: 'rectifying',
            policyVersion: policy.version,
          });
          // Key supervision lasts until the inspection decides, however late.
          flags.push({ ...key, flag, reason: `${name}连续三次评定为“差”，整改期内重点监管（DW 14）`, since: on, until: null });
        }
        triggered[run.rating]++;
        const entry = entries.length && entries[entries.length - 1].at === applied.length ? entries[entries.length - 1] : null;
        const flagRow = flags[flags.length - 1];
        consequences.push({
          projectId,
          name,
          rating: run.rating,
          quarters: run.quarters.map(quarterKey),
          list: entry ? LIST_RULES[entry.rule].list : null,
          listReason: entry?.reason ?? null,
          flagReason: flagRow.reason,
          since: on,
          until: entry?.until ?? flagRow.until ?? null,
        });
        applied.push({ projectId, companyId: run.companyId, rating: run.rating, quarters: run.quarters.map(quarterKey), entryId: null, flag });
      }
      const plan: QuarterPlan = {
        quarter: quarterKey(q),
        estates: estates.map((e) => ({ projectId: e.projectId, name: e.name, companyName: e.companyName, score: Number(e.score).toFixed(2), rating: e.rating })),
        consequences,
      };
      const planned = planFingerprint(plan);
      // The point of no return: a preview stops here (rolling back the publication row); a confirmation goes on
      // only if it confirms this very plan.
      if (fingerprint == null) throw new Rollback(ok<QuarterPreview>({ plan, fingerprint: planned, refusal: quarterPublishRefusal(q, on) }));
      if (fingerprint !== planned) throw new LostRace(PLAN_CHANGED);
      const entryIds = await openListEntries(
        tx,
        actor,
        entries.map(({ at: _at, ...e }) => e),
      );
      entries.forEach((e, i) => (applied[e.at].entryId = entryIds[i]));
      await insertFlags(tx, flags);
      await audit(tx, actor, {
        action: 'rating.quarter.published',
        objectType: 'rating_quarter',
        objectId: quarterKey(q),
        after: { quarter: quarterKey(q), rated, policyVersion: policy.version, dw14: applied, fingerprint },
      });
      return ok<PublishResult>({ quarter: quarterKey(q), rated, triggered });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', ALREADY_PUBLISHED(q));
    throw e;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// DW 14 (三).2–3: rectification inspection

export interface InspectionResult {
  entryId: string;
  result: 'passed' | 'failed' | 'refused';
  banEntryId: string | null;
  bannedUntil: string | null;
}

/** The district records the inspection of an estate in its rectification period. */
export async function recordRectificationInspection(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<InspectionResult>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.issue')) return fail('FORBIDDEN');
  const parsed = rectificationInspectionSchema.safeParse(input);
  if (!parsed.success) {
    const seen = parsed.error.issues.find((i) => i.path[0] === 'seenStatus');
    if (seen && parsed.error.issues.length === 1) return fail('CONFLICT', INSPECTION_DECIDED);
    return invalid(parsed.error);
  }
  const d = parsed.data;
  const entry = await getRectificationInScope(db, actor, d.entryId);
  if (!entry) {
    if (await listEntryExists(db, d.entryId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'list_entry', objectId: d.entryId });
    return fail('NOT_FOUND', '未找到该整改事项，或该项目不在本辖区');
  }
  if (entry.status !== 'rectifying') return fail('CONFLICT', INSPECTION_DECIDED);
  const on = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const p = policy.settings;
  const key = { companyId: entry.companyId, projectId: entry.projectId };

  const result = await inTransaction(db, async (tx) => {
    const label = RECTIFICATION_RESULT_LABELS[d.result];
    if (d.result === 'passed') {
      const ended = await endListEntry(tx, actor, entry.entryId, { on, reason: `整改复查合格，移出黑榜（复查情况：${d.note}）` });
      if (!ended) throw new LostRace(INSPECTION_DECIDED);
      await endFlags(tx, { ...key, flag: 'key_supervision' }, on);
      // DW 14 (三)2 整改合格的，晋升信用等级: recorded as a flag for a year, read by the annual evaluation (decision 035).
      const passedUntil = addMonths(on, 12);
      const flag = await insertFlag(tx, {
        ...key,
        flag: 'rectification_passed',
        reason: `${entry.projectName}整改复查合格，移出黑榜，晋升信用等级（${FLAG_INFO.rectification_passed.citation}）`,
        since: on,
        until: passedUntil,
      });
      await audit(tx, actor, {
        action: 'rectification.passed',
        objectType: 'list_entry',
        objectId: entry.entryId,
        before: { status: entry.status, until: entry.until },
        after: { status: 'removed', endedOn: on, result: d.result, note: d.note, flags: { ended: 'key_supervision', recorded: { id: flag?.id ?? null, flag: 'rectification_passed', until: passedUntil } } },
      });
      return ok<InspectionResult>({ entryId: entry.entryId, result: d.result, banEntryId: null, bannedUntil: null });
    }
    const ended = await endListEntry(tx, actor, entry.entryId, {
      on,
      reason: d.result === 'refused' ? '拒不整改，转为市场禁入' : '整改不合格，转为市场禁入',
    });
    if (!ended) throw new LostRace(INSPECTION_DECIDED);
    await endFlags(tx, { ...key, flag: 'key_supervision' }, on);
    const until = marketBanUntil(on, p);
    const banEntryId = await openListEntry(tx, actor, {
      ...key,
      rule: 'DW14-market-ban',
      reason: `${entry.projectName}${label}（${d.note}），建议退出物业服务市场，${p.marketBanYears}年内不得在本市行政区域内从事物业管理活动`,
      since: on,
      until,
      policyVersion: policy.version,
    });
    await insertFlag(tx, { ...key, flag: 'market_exit', reason: `${entry.projectName}${label}，建议退出物业服务市场，禁入至${until}（${LIST_RULES['DW14-market-ban'].citation}）`, since: on, until });
    await extendCompanyBan(tx, entry.companyId, until);
    await audit(tx, actor, {
      action: `rectification.${d.result}`,
      objectType: 'list_entry',
      objectId: entry.entryId,
      before: { status: entry.status, until: entry.until },
      after: { status: 'removed', endedOn: on, result: d.result, note: d.note, banEntryId, bannedUntil: until },
    });
    return ok<InspectionResult>({ entryId: entry.entryId, result: d.result, banEntryId, bannedUntil: until });
  });
  return result;
}
