/**
 * 双随机抽查 (CQ: 随机抽取检查对象、随机选派执法检查人员; SN 25: the city's yearly unannounced checks; SPEC §3.12).
 *
 * Pure: the draw is a function of the seed and the inputs only, so anyone holding the published seed and inputs
 * gets the same estates (or companies) and inspectors — with this code, or with any HMAC-SHA256 implementation
 * following the steps written in docs/decisions/034-spot-checks.md and on the public page.
 *
 * 1. Weights (rule version 1, `weightOf`): 1, multiplied by every factor that applies —
 *    raises: grade D ×3, grade C ×2 (CQ: 根据信用评价分类…), black list ×3 (DW 11, 14), key supervision ×3
 *    (DW 14 (三)1: 整改期内重点监管); lowers: red list or incentive ×0.5 (DW 14 (一)3: 日常监督检查时不作重点监管),
 *    green channel ×0.5 and grade A ×0.5 (CQ: 对符合一定条件的诚信企业…优化检查频次).
 * 2. For each candidate: h = HMAC-SHA256(key = the seed's UTF-8 bytes, message = "<population>:<id>"), where
 *    population is "estate" or "company"; n = the first 6 bytes of h as a big-endian integer; u = (n + 0.5) / 2^48.
 *    Its key is u^(1/weight) (compared as ln(u) / weight). The sample is the `sampleSize` largest keys, largest
 *    first; equal keys by id (ascending). This is Efraimidis–Spirakis weighted sampling without replacement.
 * 3. Inspectors, for each drawn item in that order: every roster inspector who is not already on the item, has
 *    fewer than `loadCap` items so far and — when `avoidOwnDistrict` — is not of the item's own district (回避;
 *    inspectors of the city have no district and are never excluded) gets v = the same mapping of
 *    HMAC-SHA256(seed, "inspector:<item id>:<inspector id>"); the `perItem` largest v go (equal v by id).
 *    An item that cannot get `perItem` inspectors is listed in `shortfall` (the service refuses such a draw).
 */
import { createHmac } from 'node:crypto';
import type { Grade } from './credit-rating';

export const SPOT_CHECK_RULE_VERSION = 1;
export const SPOT_CHECK_ALGORITHM = 'ES-HMAC-SHA256-v1';
export type Population = 'estate' | 'company';
export const POPULATION_LABELS: Record<Population, string> = { estate: '小区（住宅物业项目）', company: '物业服务企业' };

// ---------------------------------------------------------------------------------------------------------
// Weights

export interface RiskFacts {
  grade: Grade | null;
  blackList: boolean;
  redList: boolean;
  keySupervision: boolean;
  incentive: boolean;
  greenChannel: boolean;
}

export interface WeightFactor {
  code: 'grade_d' | 'grade_c' | 'grade_a' | 'black_list' | 'key_supervision' | 'trusted' | 'green_channel';
  factor: number;
  label: string;
  source: string;
}

export const WEIGHT_FACTORS: Record<WeightFactor['code'], Omit<WeightFactor, 'code'>> = {
  grade_d: { factor: 3, label: '信用等级D级', source: 'CQ 根据信用评价分类' },
  grade_c: { factor: 2, label: '信用等级C级', source: 'CQ 根据信用评价分类' },
  black_list: { factor: 3, label: '在黑榜上', source: 'DW 11、14' },
  key_supervision: { factor: 3, label: '重点监管', source: 'DW 14（三）1 整改期内重点监管' },
  trusted: { factor: 0.5, label: '红榜或守信激励', source: 'DW 14（一）3 日常监督检查时不作重点监管' },
  green_channel: { factor: 0.5, label: '绿色通道（连续三年无不良信用记录）', source: 'CQ 对诚信企业优化检查频次' },
  grade_a: { factor: 0.5, label: '信用等级A级', source: 'CQ 对诚信企业优化检查频次' },
};

/** The weight of a candidate and every factor behind it (weight 1 when none applies). */
export function weightOf(f: RiskFacts): { weight: number; factors: WeightFactor[] } {
  const codes: WeightFactor['code'][] = [];
  if (f.grade === 'D') codes.push('grade_d');
  if (f.grade === 'C') codes.push('grade_c');
  if (f.blackList) codes.push('black_list');
  if (f.keySupervision) codes.push('key_supervision');
  if (f.redList || f.incentive) codes.push('trusted');
  if (f.greenChannel) codes.push('green_channel');
  if (f.grade === 'A') codes.push('grade_a');
  const factors = codes.map((code) => ({ code, ...WEIGHT_FACTORS[code] }));
  const weight = factors.reduce((w, x) => w * x.factor, 1);
  return { weight, factors };
}

/** "重点监管 ×3；信用等级C级 ×2" — the reasons a page shows. */
export function weightReasons(factors: readonly Pick<WeightFactor, 'label' | 'factor'>[]): string[] {
  return factors.map((x) => `${x.label} ×${x.factor}`);
}

// ---------------------------------------------------------------------------------------------------------
// Inputs and result

export interface Candidate {
  id: string;
  name: string;
  districtId: string | null;
  districtName: string | null;
  /** The company serving the estate at the draw (estates), for the page. */
  companyName?: string | null;
  weight: number;
  reasons: string[];
}

export interface Inspector {
  id: string;
  name: string;
  unit: string;
  /** null: an inspector of the city (never excluded by 回避). */
  districtId: string | null;
  districtName: string | null;
}

export interface DrawInputs {
  algorithm: string;
  ruleVersion: number;
  title: string;
  year: number;
  quarter: number;
  population: Population;
  /** The district the population was limited to, or null (the whole city). */
  districtId: string | null;
  sampleSize: number;
  perItem: number;
  avoidOwnDistrict: boolean;
  loadCap: number;
  candidates: Candidate[];
  inspectors: Inspector[];
}

export interface DrawnItem {
  rank: number;
  candidateId: string;
  /** ln(u)/weight, the sort key, as text (for the page; the order is what counts). */
  key: string;
  inspectorIds: string[];
}

export interface DrawResult {
  items: DrawnItem[];
  /** Items that could not get `perItem` inspectors. */
  shortfall: string[];
}

const TWO_48 = 2 ** 48;

/** u in (0, 1) from HMAC-SHA256(seed, message): the first 6 bytes big-endian, plus one half, over 2^48. */
export function uniform(seed: string, message: string): number {
  const h = createHmac('sha256', Buffer.from(seed, 'utf8')).update(Buffer.from(message, 'utf8')).digest();
  return (h.readUIntBE(0, 6) + 0.5) / TWO_48;
}

const byKeyThenId = (a: { k: number; id: string }, b: { k: number; id: string }) => (b.k !== a.k ? b.k - a.k : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The default load cap: an even share of the work, plus one. */
export function defaultLoadCap(sampleSize: number, perItem: number, rosterSize: number): number {
  if (rosterSize <= 0) return 1;
  return Math.ceil((sampleSize * perItem) / rosterSize) + 1;
}

/** Whether `inspector` must stand aside from an item of `districtId` (回避). */
export function conflicted(inspector: Pick<Inspector, 'districtId'>, districtId: string | null, avoidOwnDistrict: boolean): boolean {
  return avoidOwnDistrict && !!inspector.districtId && inspector.districtId === districtId;
}

/** The draw: a pure function of the seed and the inputs (their order does not matter). */
export function draw(seed: string, inputs: DrawInputs): DrawResult {
  const keyed = inputs.candidates
    .filter((c) => c.weight > 0)
    .map((c) => ({ id: c.id, c, k: Math.log(uniform(seed, `${inputs.population}:${c.id}`)) / c.weight }))
    .sort(byKeyThenId);
  const chosen = keyed.slice(0, Math.max(0, inputs.sampleSize));
  const load = new Map<string, number>();
  const items: DrawnItem[] = [];
  const shortfall: string[] = [];
  chosen.forEach(({ c, k }, i) => {
    const ranked = inputs.inspectors
      .filter((p) => (load.get(p.id) ?? 0) < inputs.loadCap && !conflicted(p, c.districtId, inputs.avoidOwnDistrict))
      .map((p) => ({ id: p.id, k: uniform(seed, `inspector:${c.id}:${p.id}`) }))
      .sort(byKeyThenId);
    const picked = [...new Set(ranked.map((r) => r.id))].slice(0, inputs.perItem);
    for (const id of picked) load.set(id, (load.get(id) ?? 0) + 1);
    if (picked.length < inputs.perItem) shortfall.push(c.id);
    items.push({ rank: i + 1, candidateId: c.id, key: k.toPrecision(12), inspectorIds: picked });
  });
  return { items, shortfall };
}

/** Whether two results name the same items in the same order with the same inspectors. */
export function sameResult(a: DrawResult, b: DrawResult): boolean {
  if (a.items.length !== b.items.length) return false;
  return a.items.every((x, i) => {
    const y = b.items[i];
    return x.candidateId === y.candidateId && x.inspectorIds.length === y.inspectorIds.length && x.inspectorIds.every((id, j) => id === y.inspectorIds[j]);
  });
}

/** A summary of the weights for the check-your-answers step: how many candidates at each weight. */
export function weightSummary(candidates: readonly Pick<Candidate, 'weight'>[]): { weight: number; count: number }[] {
  const m = new Map<number, number>();
  for (const c of candidates) m.set(c.weight, (m.get(c.weight) ?? 0) + 1);
  return [...m.entries()].map(([weight, count]) => ({ weight, count })).sort((a, b) => b.weight - a.weight);
}

/** 32 random bytes as 64 hex characters (the caller supplies the bytes: the domain reads no randomness). */
export function seedFromBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
