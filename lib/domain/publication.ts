/**
 * Irreversible publications (issue 18 item 7): when a period may be published, and the fingerprint that ties a
 * confirmation to the check-your-answers page the user read. Pure: dates come in as arguments.
 */
import { createHash } from 'node:crypto';
import { quarterEnd, quarterLabel, type Quarter } from './credit-rating';

const chineseDate = (d: string) => `${Number(d.slice(0, 4))} 年 ${Number(d.slice(5, 7))} 月 ${Number(d.slice(8, 10))} 日`;

/** The first day year Y's evaluation may be published: 1 January of Y+1 (the year must have ended). */
export function evaluationPublishableFrom(year: number): string {
  return `${year + 1}-01-01`;
}

/** Why year Y's evaluation may not be published on `today` (China date), or null when it may. */
export function evaluationPublishRefusal(year: number, today: string): string | null {
  const from = evaluationPublishableFrom(year);
  return today < from ? `${year} 年度信用评价须在年度结束后（${chineseDate(from)}起）发布` : null;
}

/** The first day a quarter's ratings may be published: its last day ("not before its last day"). */
export function quarterPublishableFrom(q: Quarter): string {
  return quarterEnd(q);
}

/** Why quarter Q's ratings may not be published on `today` (China date), or null when they may. */
export function quarterPublishRefusal(q: Quarter, today: string): string | null {
  const from = quarterPublishableFrom(q);
  return today < from ? `${quarterLabel(q)}的评定结果须在该季度最后一天（${chineseDate(from)}）起发布` : null;
}

/** The message when a confirmation's fingerprint no longer matches the plan. */
export const PLAN_CHANGED = '内容已变化，请重新核对';
/** The message when a confirmation arrives without having been through the check-your-answers page. */
export const PLAN_UNSEEN = '请先核对将要公开的内容，再确认';

/** JSON with object keys sorted at every level, so equal plans give equal text. */
export function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** A short hash of a plan: what the confirmation form carries back. */
export function planFingerprint(plan: unknown): string {
  return createHash('sha256').update(stableJson(plan)).digest('hex').slice(0, 32);
}
