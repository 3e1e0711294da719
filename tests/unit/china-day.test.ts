import { describe, expect, it } from 'vitest';
import { chinaDate, chinaMidnight, isCalendarDate, msUntilNextChinaDay, nextChinaMidnight } from '@/lib/domain/china-day';

describe('China-time day boundary (Asia/Shanghai, UTC+8, no DST)', () => {
  it('the day turns at 16:00 UTC', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59.999Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
  });

  it('matches the Intl time zone on dates that would have DST elsewhere', () => {
    for (const iso of ['2026-03-08T18:30:00Z', '2026-07-01T16:00:00Z', '2026-11-01T07:59:00Z', '2028-02-28T16:00:00Z']) {
      const d = new Date(iso);
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
      expect(chinaDate(d)).toBe(intl);
    }
  });

  it('midnight of a date, and the next midnight after an instant', () => {
    expect(chinaMidnight('2027-01-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(nextChinaMidnight(new Date('2026-12-31T15:59:59Z')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    // exactly at midnight the next one is a day later
    expect(nextChinaMidnight(new Date('2026-12-31T16:00:00Z')).toISOString()).toBe('2027-01-01T16:00:00.000Z');
    expect(nextChinaMidnight(new Date('2028-02-28T17:00:00Z')).toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('the timer delay lands just inside the new day', () => {
    const at = new Date('2026-12-31T15:00:00Z');
    const ms = msUntilNextChinaDay(at, 5000);
    expect(ms).toBe(3600_000 + 5000);
    expect(chinaDate(new Date(at.getTime() + ms))).toBe('2027-01-01');
  });

  it('refuses an invalid instant', () => {
    expect(() => chinaDate(new Date('x'))).toThrow();
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const s of ['2026-13-03', '2026-02-30', '2026-2-3', '20260203', '', '2026-02-03T00:00']) expect(isCalendarDate(s)).toBe(false);
  });
});
