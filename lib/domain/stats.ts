/**
 * The arithmetic of the public statistics (SPEC §5 `/stats`): quantiles of handling times, month and quarter
 * buckets that keep empty periods, shares. Pure: the queries hand over rows, the page and the downloads show the
 * results.
 */

/**
 * The p-quantile of a sample by linear interpolation between closest ranks (the "type 7" rule of R and
 * spreadsheets; p = 0.5 is the ordinary median: the middle value, or the mean of the two middle ones).
 * null for an empty sample.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError('p must be within [0, 1]');
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export interface HandlingTimes {
  /** Decided cases in the sample. */
  decided: number;
  /** Days from filing to decision, rounded to one decimal; null when nothing was decided. */
  medianDays: number | null;
  p90Days: number | null;
}

const DAY_MS = 86_400_000;

function oneDecimal(n: number | null): number | null {
  return n == null ? null : Math.round(n * 10) / 10;
}

/** Median and 90th percentile of the days from filing to decision; undecided cases are not in the sample. */
export function handlingTimes(cases: readonly { createdAt: Date; decidedAt: Date | null }[]): HandlingTimes {
  const days = cases.filter((c) => c.decidedAt).map((c) => Math.max(0, c.decidedAt!.getTime() - c.createdAt.getTime()) / DAY_MS);
  return { decided: days.length, medianDays: oneDecimal(quantile(days, 0.5)), p90Days: oneDecimal(quantile(days, 0.9)) };
}

/** `YYYY-MM` of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The `count` months ending with the month of `to`, oldest first (`YYYY-MM`). */
export function monthsEnding(to: string, count: number): string[] {
  let y = Number(to.slice(0, 4));
  let m = Number(to.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/** `2026Q3`-style key and its Chinese label. */
export function quarterKey(year: number, quarter: number): string {
  return `${year}Q${quarter}`;
}

export function quarterLabel(year: number, quarter: number): string {
  return `${year}年第${quarter}季度`;
}

/**
 * Counts per bucket and series, every bucket present (a month with nothing in it is a zero, not a gap).
 * Rows outside the buckets are left out.
 */
export function bucketCounts<S extends string>(
  buckets: readonly string[],
  series: readonly S[],
  rows: readonly { bucket: string; series: S; n: number }[],
): { bucket: string; counts: Record<S, number> }[] {
  const out = buckets.map((bucket) => ({ bucket, counts: Object.fromEntries(series.map((s) => [s, 0])) as Record<S, number> }));
  const at = new Map(out.map((o) => [o.bucket, o]));
  for (const r of rows) {
    const o = at.get(r.bucket);
    if (o && r.series in o.counts) o.counts[r.series] += r.n;
  }
  return out;
}

/** part / whole as a percentage with one decimal; null when the whole is zero (no estates: no share). */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** A figure as the page and the CSV show it: `—` for none. */
export function figure(n: number | null, unit = ''): string {
  return n == null ? '—' : `${n}${unit}`;
}
