import 'server-only';
/**
 * 双随机抽查 (SN 25, CQ; SPEC §3.12; docs/decisions/034-spot-checks.md).
 *
 * - The city keeps a roster of inspectors (no accounts).
 * - The city draws: the population and its weights and the active roster are snapshotted into the inputs, the seed
 *   is 32 random bytes (or a public seed the city enters), and the pure draw (lib/domain/spot-check.ts) picks the
 *   items and their inspectors. First a check-your-answers step (nothing written); once drawn, a draw is
 *   immutable: the seed, the inputs and the result are written once, with an audit row carrying the seed.
 * - A draw is internal until the city publishes it (unannounced checks are not revealed before they happen).
 * - The city or the estate's district enters each item's result; an estate's score becomes that quarter's rating
 *   through the ratings queries, refused once the quarter is published.
 * - Anyone may re-run a draw from a seed and inputs they paste: bounded, throttled per client address.
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { estatesForRating, getPublication, lockQuarter, ratingsOfQuarter, upsertRating } from '@/db/queries/ratings';
import {
  activeRoster,
  districtExists,
  drawCandidates,
  getDrawInScope,
  getInspector,
  getItemInScope,
  insertDraw,
  insertInspector,
  itemExists,
  setItemResult,
  setPublished,
  updateInspector,
} from '@/db/queries/spot-checks';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import { quarterLabel, quarterStart, ratingOf, type EstateRating } from '@/lib/domain/credit-rating';
import { toDateString } from '@/lib/domain/working-days';
import {
  defaultLoadCap,
  draw,
  seedFromBytes,
  SPOT_CHECK_ALGORITHM,
  SPOT_CHECK_RULE_VERSION,
  weightOf,
  weightReasons,
  weightSummary,
  type DrawInputs,
  type DrawResult,
} from '@/lib/domain/spot-check';
import { consume, throttledMessage, type Limit } from '@/lib/security/throttle';
import { drawInputsSchema, drawSchema, inspectorSchema, pasteSchema, publishDrawSchema, resultSchema } from '@/lib/validation/spot-checks';
import { inTransaction, LostRace, Rollback } from './errors';
import { clientKey } from './anonymous-limits';
import { PUBLISHED_READ_ONLY } from './ratings';

interface Opts {
  today?: string;
  now?: Date;
  /** Tests pin the seed's bytes. */
  randomBytes?: (n: number) => Uint8Array;
  ip?: string | null;
}

export const ALREADY_PUBLISHED_DRAW = '该抽查已公布';
export const RESULT_CHANGED = '该抽查结果已被他人修改，请刷新后查看';

// ---------------------------------------------------------------------------------------------------------
// The roster

/** Add (no id) or edit an inspector, including deactivating one (active false). */
export async function saveInspector(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'spotcheck.run')) return fail('FORBIDDEN');
  const parsed = inspectorSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, version, ...v } = parsed.data;
  if (v.districtId && !(await districtExists(db, v.districtId))) return fieldError('districtId', '请选择区县');
  if (!id) {
    return inTransaction(db, async (tx) => {
      const row = await insertInspector(tx, v);
      await audit(tx, actor, { action: 'inspector.added', objectType: 'inspector', objectId: row.id, after: v });
      return ok({ id: row.id });
    });
  }
  const before = await getInspector(db, id);
  if (!before) return fail('NOT_FOUND', '未找到该检查人员');
  if (version === undefined) return fieldError('_form', '版本无效');
  return inTransaction(db, async (tx) => {
    const row = await updateInspector(tx, id, version, v, opts.now ?? clockNow());
    if (!row) throw new LostRace('该检查人员已被他人修改，请刷新后查看');
    await audit(tx, actor, {
      action: before.active && !v.active ? 'inspector.deactivated' : 'inspector.updated',
      objectType: 'inspector',
      objectId: id,
      before: { name: before.name, unit: before.unit, districtId: before.districtId, active: before.active },
      after: v,
    });
    return ok({ id });
  });
}

// ---------------------------------------------------------------------------------------------------------
// The draw

export interface DrawPreview {
  stage: 'confirm';
  title: string;
  quarterLabel: string;
  populationSize: number;
  rosterSize: number;
  sampleSize: number;
  perItem: number;
  loadCap: number;
  weights: { weight: number; count: number }[];
  seedSource: 'random' | 'public';
}

export type DrawOutcome = DrawPreview | { stage: 'drawn'; id: string };

/** Snapshot the inputs of a draw as of `on`. */
async function snapshot(db: Db, d: { title: string; year: number; quarter: number; population: 'estate' | 'company'; districtId: string | null; sampleSize: number; perItem: number; avoidOwnDistrict: boolean }, on: string): Promise<DrawInputs> {
  const facts = await drawCandidates(db, d.population, d.districtId, on);
  const inspectors = await activeRoster(db);
  return {
    algorithm: SPOT_CHECK_ALGORITHM,
    ruleVersion: SPOT_CHECK_RULE_VERSION,
    title: d.title,
    year: d.year,
    quarter: d.quarter,
    population: d.population,
    districtId: d.districtId,
    sampleSize: d.sampleSize,
    perItem: d.perItem,
    avoidOwnDistrict: d.avoidOwnDistrict,
    loadCap: defaultLoadCap(d.sampleSize, d.perItem, inspectors.length),
    candidates: facts.map((f) => {
      const w = weightOf(f);
      return { id: f.id, name: f.name, districtId: f.districtId, districtName: f.districtName, companyName: d.population === 'estate' ? f.companyName : null, weight: w.weight, reasons: weightReasons(w.factors) };
    }),
    inspectors,
  };
}

/**
 * The city's draw. Without `confirm`: the check-your-answers numbers, nothing written. With it: the inputs are
 * snapshotted again, the seed made, the draw run and stored with its items and an audit row, in one transaction.
 */
export async function drawSpotCheck(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<DrawOutcome>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'spotcheck.run')) return fail('FORBIDDEN');
  const parsed = drawSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  const q = { year: d.quarter.year, quarter: d.quarter.quarter };
  if (q.year < 2000 || q.year > 2100) return fieldError('quarter', '季度无效');
  if (quarterStart(q) > on) return fieldError('quarter', `${quarterLabel(q)}尚未开始，不能抽取`);
  if (d.districtId && !(await districtExists(db, d.districtId))) return fieldError('districtId', '请选择区县');
  const spec = { title: d.title, ...q, population: d.population, districtId: d.districtId, sampleSize: d.sampleSize, perItem: d.perItem, avoidOwnDistrict: d.avoidOwnDistrict };
  const inputs = await snapshot(db, spec, on);
  if (inputs.candidates.length === 0) return fieldError('population', '抽查范围内没有可抽取的对象');
  if (inputs.candidates.length < d.sampleSize) return fieldError('sampleSize', `抽查范围内只有 ${inputs.candidates.length} 个对象，抽取数量不能超过它`);
  if (inputs.inspectors.length < d.perItem) return fieldError('perItem', `检查人员名册中在岗的只有 ${inputs.inspectors.length} 人`);
  const seedSource = d.publicSeed ? 'public' : 'random';
  if (!d.confirm) {
    return ok<DrawOutcome>({
      stage: 'confirm',
      title: d.title,
      quarterLabel: quarterLabel(q),
      populationSize: inputs.candidates.length,
      rosterSize: inputs.inspectors.length,
      sampleSize: d.sampleSize,
      perItem: d.perItem,
      loadCap: inputs.loadCap,
      weights: weightSummary(inputs.candidates),
      seedSource,
    });
  }
  const seed = d.publicSeed || seedFromBytes((opts.randomBytes ?? cryptoRandomBytes)(32));
  const result = draw(seed, inputs);
  if (result.shortfall.length > 0) {
    return fieldError('perItem', `按回避规则和每人任务上限，有 ${result.shortfall.length} 个对象配不齐 ${d.perItem} 名检查人员：请增加名册人数、减少抽取数量或每个对象的检查人员数`);
  }
  const byId = new Map(inputs.candidates.map((c) => [c.id, c]));
  const at = opts.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    const id = await insertDraw(
      tx,
      { title: d.title, ...q, population: d.population, districtId: d.districtId, seed, seedSource, inputs, result, drawnBy: actor.userId, drawnAt: at },
      result.items.map((it) => ({
        rank: it.rank,
        projectId: d.population === 'estate' ? it.candidateId : null,
        companyId: d.population === 'company' ? it.candidateId : null,
        districtId: byId.get(it.candidateId)?.districtId ?? null,
        inspectorIds: it.inspectorIds,
      })),
    );
    await audit(tx, actor, {
      action: 'spotcheck.drawn',
      objectType: 'spot_check',
      objectId: id,
      after: { seed, seedSource, algorithm: inputs.algorithm, ruleVersion: inputs.ruleVersion, population: inputs.candidates.length, roster: inputs.inspectors.length, drawn: result.items.map((i) => i.candidateId) },
    });
    return ok<DrawOutcome>({ stage: 'drawn', id });
  });
}

/** The city publishes a draw (once): its seed, inputs and result become public. */
export async function publishSpotCheck(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'spotcheck.run')) return fail('FORBIDDEN');
  const parsed = publishDrawSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { id, version } = parsed.data;
  const drawRow = await getDrawInScope(db, actor, id);
  if (!drawRow) return fail('NOT_FOUND', '未找到该抽查');
  if (drawRow.publishedAt) return fail('CONFLICT', ALREADY_PUBLISHED_DRAW);
  return inTransaction(db, async (tx) => {
    const row = await setPublished(tx, id, version, actor.userId, opts.now ?? clockNow());
    if (!row) throw new LostRace(ALREADY_PUBLISHED_DRAW);
    await audit(tx, actor, { action: 'spotcheck.published', objectType: 'spot_check', objectId: id, after: { seed: drawRow.seed, publishedAt: row.publishedAt } });
    return ok({ id });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Results

export interface ResultOutcome {
  itemId: string;
  drawId: string;
  rating: EstateRating | null;
}

/** The city or the item's district enters the result; an estate's score becomes the draw quarter's rating. */
export async function enterSpotCheckResult(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<ResultOutcome>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'spotcheck.result')) return fail('FORBIDDEN');
  const parsed = resultSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const r = parsed.data;
  const item = await getItemInScope(db, actor, r.itemId);
  if (!item) {
    if (await itemExists(db, r.itemId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'spot_check_item', objectId: r.itemId });
    return fail('NOT_FOUND', '未找到该抽查对象，或该对象不在本辖区');
  }
  const on = opts.today ?? clockToday();
  if (r.checkedOn > on) return fieldError('checkedOn', '检查日期不能晚于今天');
  const drawnOn = toDateString(item.drawnAt);
  if (r.checkedOn < drawnOn) return fieldError('checkedOn', '检查日期不能早于抽取日期');
  const drawn = new Set(item.inspectorIds);
  const roster = await activeRosterIds(db, r.inspectorIds);
  const unknown = r.inspectorIds.filter((i) => !drawn.has(i) && !roster.has(i));
  if (unknown.length) return fieldError('inspectorIds', '请从检查人员名册中选择');
  const score = r.score!;
  const q = { year: item.year, quarter: item.quarter };
  const policy = await getCurrentPolicy(db);
  let estate: { companyId: string | null } | null = null;
  if (item.population === 'estate' && item.projectId) {
    [estate] = await estatesForRating(db, actor, [item.projectId], q);
    if (!estate) return fail('NOT_FOUND', '未找到该物业项目，或该项目不在本辖区');
    if (!estate.companyId) return fieldError('score', '该项目季度末没有物业服务企业，不能评定');
    if (await getPublication(db, q)) return fail('CONFLICT', PUBLISHED_READ_ONLY(q));
  }
  const at = opts.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    let rating: EstateRating | null = null;
    let ratingBefore: unknown = null;
    if (estate) {
      await lockQuarter(tx, q);
      if (await getPublication(tx, q)) throw new Rollback(fail('CONFLICT', PUBLISHED_READ_ONLY(q)));
      const [old] = await ratingsOfQuarter(tx, q, [item.projectId!]);
      if (old) ratingBefore = { score: old.inspectionScore, rating: old.rating };
      rating = ratingOf(score, policy.settings);
      await upsertRating(tx, { projectId: item.projectId!, companyId: estate.companyId!, q, score, rating, ratedBy: actor.userId, policyVersion: policy.version });
    }
    const row = await setItemResult(tx, item.id, r.version, { checkedOn: r.checkedOn, checkedBy: [...new Set(r.inspectorIds)], score: score.toFixed(2), findings: r.findings, resultBy: actor.userId, resultAt: at });
    if (!row) throw new LostRace(RESULT_CHANGED);
    await audit(tx, actor, {
      action: 'spotcheck.result.entered',
      objectType: 'spot_check_item',
      objectId: item.id,
      before: { checkedOn: item.checkedOn, score: item.score, findings: item.findings, rating: ratingBefore },
      after: { drawId: item.spotCheckId, checkedOn: r.checkedOn, checkedBy: r.inspectorIds, score: score.toFixed(2), findings: r.findings, rating, quarter: `${q.year}Q${q.quarter}`, policyVersion: policy.version },
    });
    return ok({ itemId: item.id, drawId: item.spotCheckId, rating });
  });
}

async function activeRosterIds(db: Db, ids: string[]): Promise<Set<string>> {
  const roster = await activeRoster(db);
  const want = new Set(ids);
  return new Set(roster.filter((p) => want.has(p.id)).map((p) => p.id));
}

// ---------------------------------------------------------------------------------------------------------
// Re-running a draw from pasted inputs (anyone)

export const RERUN_LIMIT: Limit = { bucket: 'spotcheck.rerun.client', max: 30, windowSeconds: 3600 };

export interface RerunOutcome {
  inputs: DrawInputs;
  result: DrawResult;
}

/** A visitor's seed and inputs JSON → the draw. Throttled per client address before anything is parsed. */
export async function rerunPastedDraw(db: Db, _actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<RerunOutcome>> {
  const at = opts.now ?? clockNow();
  const t = await consume(db, RERUN_LIMIT, clientKey(opts.ip), at);
  if (!t.ok) return fail('LOCKED', throttledMessage(t));
  const parsed = pasteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  let json: unknown;
  try {
    json = JSON.parse(parsed.data.inputs);
  } catch {
    return fieldError('inputs', '抽查输入不是有效的 JSON');
  }
  // The downloaded file ({ seed, inputs, result }) may be pasted whole.
  if (json && typeof json === 'object' && !Array.isArray(json) && 'inputs' in json && !('algorithm' in json)) json = (json as { inputs: unknown }).inputs;
  const inputs = drawInputsSchema.safeParse(json);
  if (!inputs.success) {
    const first = inputs.error.issues[0];
    return fieldError('inputs', `抽查输入不符合格式：${first.path.join('.') || '(根)'} ${first.message}`.slice(0, 300));
  }
  return ok({ inputs: inputs.data, result: draw(parsed.data.seed, inputs.data) });
}
