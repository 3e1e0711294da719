/**
 * The company flags of DW 14 (and the words of the green channel of CQ 三.(五)) in lay words, with the rule each rests on
 * (issue 17 item 8). Pure: the stored rows come in as arguments. Every flag follows from published quarterly
 * ratings or from the record file, so every one is public (docs/decisions/035).
 */
import { cite } from './regulations';

/**
 * The stored flags the pages show. The green channel (CQ 三.(五)) is not among them: it is computed on the day
 * (hasGreenChannel), and a stored `green_channel` row is not authoritative; its words are in FLAG_INFO for the
 * pages that show the computed one.
 */
export const COMPANY_FLAG_KINDS = ['incentive', 'upgrade_priority', 'rectification_passed', 'key_supervision', 'market_exit'] as const;
export type CompanyFlagKind = (typeof COMPANY_FLAG_KINDS)[number];
export type FlagWordsKind = CompanyFlagKind | 'green_channel';

export interface FlagInfo {
  /** Short label for a badge. */
  label: string;
  /** One sentence for an owner: what it means in practice. */
  lay: string;
  /** The provision, by the regulation's full title. */
  citation: string;
  /** The short article code kept for exports (like LIST_RULES.article). */
  article: string;
  tone: 'good' | 'bad';
}

export const FLAG_INFO: Record<FlagWordsKind, FlagInfo> = {
  incentive: {
    label: '守信激励（连续三次优秀）',
    lay: '所管小区连续三次评为“优秀”：优先晋升信用等级，评先创优同等条件下优先考虑，日常检查不作为重点监管对象，可参加上级优秀小区、优秀企业评选和前期物业管理投标。',
    citation: cite('DW', '第十四条第（一）项'),
    article: 'DW 第十四条（一）',
    tone: 'good',
  },
  upgrade_priority: {
    label: '优先晋升信用等级（连续三次良好）',
    lay: '所管小区连续三次评为“良好”：优先晋升信用等级，评先评优同等条件下优先考虑，服务的项目可参加上级优秀小区评选。',
    citation: cite('DW', '第十四条第（二）项'),
    article: 'DW 第十四条（二）',
    tone: 'good',
  },
  rectification_passed: {
    label: '整改合格（晋升信用等级）',
    lay: '所管小区连续三次评为“差”后已在整改期内整改，经复查合格，移出黑榜；依规定晋升信用等级。',
    citation: cite('DW', '第十四条第（三）项第2目'),
    article: 'DW 第十四条（三）2',
    tone: 'good',
  },
  green_channel: {
    label: '绿色通道',
    lay: '连续多年无警示信用记录，办理各类事项优先受理。',
    citation: cite('CQ', '三.(五)'),
    article: 'CQ 三.(五)',
    tone: 'good',
  },
  key_supervision: {
    label: '重点监管（整改期）',
    lay: '所管小区连续三次评为“差”：已列入黑榜，项目进入整改期，整改期内是主管部门重点监管对象，不得参加政府和行业各类评优活动。',
    citation: cite('DW', '第十四条第（三）项第1目'),
    article: 'DW 第十四条（三）1',
    tone: 'bad',
  },
  market_exit: {
    label: '建议退出物业服务市场',
    lay: '拒不整改或整改不合格：建议退出物业服务市场，三年内不得在本市行政区域内从事物业管理活动。',
    citation: cite('DW', '第十四条第（三）项第3目'),
    article: 'DW 第十四条（三）3',
    tone: 'bad',
  },
};

export function isCompanyFlagKind(s: string): s is CompanyFlagKind {
  return (COMPANY_FLAG_KINDS as readonly string[]).includes(s);
}

export interface FlagFacts {
  flag: string;
  since: string;
  /** The first day it no longer applies; null: until a decision ends it. */
  until: string | null;
}

/** In force on `on`: from `since` (inclusive) to `until` (exclusive). */
export function flagActiveOn(f: FlagFacts, on: string): boolean {
  return f.since <= on && (f.until === null || f.until > on);
}

/** In force at some time in [from, to): the flags that bear on an annual evaluation of that period. */
export function flagOverlaps(f: FlagFacts, from: string, to: string): boolean {
  return f.since < to && (f.until === null || f.until > from);
}

/** Flags that apply to upgrading a grade (DW 14 (一)1, (二)1, (三)2: 优先晋升 / 晋升信用等级). */
export const UPGRADE_FLAGS: readonly CompanyFlagKind[] = ['incentive', 'upgrade_priority', 'rectification_passed'];

export interface FlagGroup<T extends FlagFacts> {
  kind: CompanyFlagKind;
  info: FlagInfo;
  rows: T[];
}

/**
 * The flags in force on `on`, grouped by kind in a fixed order (good news first, then supervision), each kind
 * once with its rows (one per estate); unknown kinds are left out.
 */
export function activeFlagGroups<T extends FlagFacts>(rows: readonly T[], on: string): FlagGroup<T>[] {
  const active = rows.filter((r) => flagActiveOn(r, on) && isCompanyFlagKind(r.flag));
  return COMPANY_FLAG_KINDS.flatMap((kind) => {
    const of = active.filter((r) => r.flag === kind).sort((a, b) => (a.since < b.since ? 1 : a.since > b.since ? -1 : 0));
    return of.length ? [{ kind, info: FLAG_INFO[kind], rows: of }] : [];
  });
}

/** What the draw (双随机) and other supervision may read: the risk-relevant flags in force. */
export interface CompanyRiskFlags {
  /** DW 14 (三)1: an estate of the company is in a rectification period under key supervision. */
  keySupervision: boolean;
  /** DW 14 (三)3: market-exit recommendation in force. */
  marketExit: boolean;
  /** DW 14 (一)3: three 优秀 in a row — not a key supervision target in daily inspections. */
  notKeyTarget: boolean;
}

export function riskFlagsOf(rows: readonly FlagFacts[], on: string): CompanyRiskFlags {
  const active = new Set(rows.filter((r) => flagActiveOn(r, on)).map((r) => r.flag));
  return { keySupervision: active.has('key_supervision'), marketExit: active.has('market_exit'), notKeyTarget: active.has('incentive') };
}

/**
 * The note an evaluation of `year` shows beside a company's grade when an upgrade flag was in force at some time
 * in that year (DW 14 (一)1, (二)1, (三)2): the policy says "优先晋升" without a number, so the platform does not change the computed score; it tells the bureau that the company has
 * the priority, and why (docs/decisions/035).
 */
export function upgradeNote(rows: readonly FlagFacts[], year: number): string | null {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const kinds = UPGRADE_FLAGS.filter((k) => rows.some((r) => r.flag === k && flagOverlaps(r, from, to)));
  if (kinds.length === 0) return null;
  return `享有优先晋升信用等级：${kinds.map((k) => `${FLAG_INFO[k].label}（${FLAG_INFO[k].citation}）`).join('；')}。评价得分按记录计算，不因此加分；同分或评定等级时优先考虑。`;
}
