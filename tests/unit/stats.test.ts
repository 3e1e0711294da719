/** The arithmetic of `/stats` (lib/domain/stats.ts): quantiles, handling times, month and quarter buckets, shares. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bucketCounts, figure, handlingTimes, monthOf, monthsEnding, percent, quantile, quarterKey, quarterLabel } from '@/lib/domain/stats';

describe('quantile', () => {
  it('the median is the middle value, or the mean of the two middle ones; order of input does not matter', () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('the 90th percentile interpolates between the closest ranks (type 7)', () => {
    expect(quantile([1, 2, 3, 4, 10], 0.9)).toBeCloseTo(7.6);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1);
    expect(quantile([3, 3, 3], 0.9)).toBe(3);
    expect(quantile([1, 2], 0)).toBe(1);
    expect(quantile([1, 2], 1)).toBe(2);
  });

  it('refuses a p outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });

  it('lies between the smallest and largest value and grows with p', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const q = quantile(xs, p)!;
        expect(q).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-9);
        expect(q).toBeLessThanOrEqual(Math.max(...xs) + 1e-9);
        expect(quantile(xs, Math.min(1, p + 0.1))!).toBeGreaterThanOrEqual(q - 1e-9);
      }),
    );
  });
});

describe('handlingTimes', () => {
  const created = new Date('2026-09-01T08:00:00+08:00');
  const after = (days: number) => ({ createdAt: created, decidedAt: new Date(created.getTime() + days * 86_400_000) });

  it('days from filing to decision, one decimal; open cases are left out of the sample', () => {
    expect(handlingTimes([after(1), after(2.5), after(4), { createdAt: created, decidedAt: null }])).toEqual({ decided: 3, medianDays: 2.5, p90Days: 3.7 });
  });

  it('nothing decided: no figures, not zeros', () => {
    expect(handlingTimes([])).toEqual({ decided: 0, medianDays: null, p90Days: null });
    expect(handlingTimes([{ createdAt: created, decidedAt: null }])).toEqual({ decided: 0, medianDays: null, p90Days: null });
  });

  it('a decision stamped before the filing (clock skew) counts as zero days, never negative', () => {
    expect(handlingTimes([after(-0.5)]).medianDays).toBe(0);
  });
});

describe('buckets', () => {
  it('monthsEnding: the months up to the day’s month, across a year end, oldest first', () => {
    expect(monthsEnding('2026-02-14', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsEnding('2026-11-01', 12)).toHaveLength(12);
    expect(monthsEnding('2026-11-01', 12)[0]).toBe('2025-12');
    expect(monthOf('2026-03-31')).toBe('2026-03');
  });

  it('bucketCounts keeps empty buckets as zeros, adds rows of a bucket and leaves out rows outside', () => {
    const out = bucketCounts(['2026-01', '2026-02', '2026-03'], ['red', 'black'] as const, [
      { bucket: '2026-01', series: 'red', n: 2 },
      { bucket: '2026-01', series: 'red', n: 1 },
      { bucket: '2026-03', series: 'black', n: 4 },
      { bucket: '2025-12', series: 'red', n: 9 },
    ]);
    expect(out).toEqual([
      { bucket: '2026-01', counts: { red: 3, black: 0 } },
      { bucket: '2026-02', counts: { red: 0, black: 0 } },
      { bucket: '2026-03', counts: { red: 0, black: 4 } },
    ]);
  });

  it('quarters are keyed 2026Q3 and read 2026年第3季度', () => {
    expect(quarterKey(2026, 3)).toBe('2026Q3');
    expect(quarterLabel(2026, 3)).toBe('2026年第3季度');
  });
});

describe('shares and figures', () => {
  it('percent with one decimal; no estates is no share, not 0 %', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBeNull();
  });

  it('figure shows — for none', () => {
    expect(figure(null, ' 天')).toBe('—');
    expect(figure(3.5, ' 天')).toBe('3.5 天');
  });
});
