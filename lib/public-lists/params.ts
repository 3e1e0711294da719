/**
 * The query of a public list (/lists/red, /lists/black and their open-data twins): `q`, `district`, `page`
 * (SPEC §5) and `period` (a quarter `2026Q3` or a year `2026`). Shared by the pages and the API; next.config.js
 * rewrites every query without `q` to a cached view (docs/decisions/014-public-lists-cache.md).
 */
import { z } from 'zod';
import { parseQuarterKey, quarterEnd, quarterStart } from '@/lib/domain/credit-rating';
import { hasControlChar, stripControlChars } from '@/lib/security/request-target';

export type PublicListKind = 'red' | 'black';
export const PUBLIC_LISTS: readonly PublicListKind[] = ['red', 'black'];
export const LIST_NAME: Record<PublicListKind, string> = { red: '红榜', black: '黑榜' };

export function isPublicList(s: string): s is PublicListKind {
  return s === 'red' || s === 'black';
}

export interface ListPeriod {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** `2026Q3` → that quarter, `2026` → that year; anything else → null. */
export function parsePeriod(s: string | null | undefined): ListPeriod | null {
  const v = (s ?? '').trim().toUpperCase();
  const q = parseQuarterKey(v);
  if (q) {
    if (q.year < 2000 || q.year > 2099) return null;
    return { key: v, label: `${q.year}年第${q.quarter}季度`, from: quarterStart(q), to: quarterEnd(q) };
  }
  const m = /^(\d{4})$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < 2000 || y > 2099) return null;
  return { key: v, label: `${y}年`, from: `${y}-01-01`, to: `${y}-12-31` };
}

export interface ListQuery {
  q: string;
  district?: string;
  period?: string;
  page: number;
}

const DISTRICT = /^\d{6}$/;

/** The API's reading: a malformed parameter is an error (400), named in Chinese at its field. */
export const listQuerySchema = z.object({
  q: z
    .string()
    .refine((v) => !hasControlChar(v), { error: '查询词不能含控制字符' })
    .transform((v) => v.trim())
    .pipe(z.string().max(50, { error: '查询词最多 50 个字' }))
    .default(''),
  district: z.string().regex(DISTRICT, { error: '区县代码应为 6 位数字' }).optional(),
  period: z
    .string()
    .refine((v) => parsePeriod(v) !== null, { error: '期间应为季度（如 2026Q3）或年份（如 2026）' })
    .transform((v) => parsePeriod(v)!.key)
    .optional(),
  page: z.coerce.number({ error: '页码应为正整数' }).int({ error: '页码应为正整数' }).min(1, { error: '页码应为正整数' }).max(100_000, { error: '页码过大' }).default(1),
  format: z.enum(['json', 'csv'], { error: '格式应为 json 或 csv' }).default('json'),
});

function firstOf(sp: URLSearchParams, key: string): string | undefined {
  const v = sp.get(key);
  return v === null || v === '' ? undefined : v;
}

export function apiListQuery(sp: URLSearchParams) {
  return listQuerySchema.safeParse({
    q: sp.get('q') ?? '',
    district: firstOf(sp, 'district'),
    period: firstOf(sp, 'period'),
    page: firstOf(sp, 'page'),
    format: firstOf(sp, 'format'),
  });
}

/** The page's reading: anything malformed falls back to its default (like every public list). */
export function lenientListQuery(get: (key: string) => string | undefined): ListQuery {
  const district = get('district');
  const period = parsePeriod(get('period'));
  const page = Number(get('page') ?? 1);
  return {
    q: stripControlChars(get('q') ?? '').trim().slice(0, 50),
    district: district && DISTRICT.test(district) ? district : undefined,
    period: period?.key,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
