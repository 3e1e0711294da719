/**
 * The China-time day (Asia/Shanghai: UTC+8 all year, no daylight saving) that an instant falls on, and when the
 * next one starts: the daily jobs run for the day that has just begun at 00:00 China time. Pure: the instant
 * comes in as an argument.
 */
import { addCalendarDays } from './working-days';

const OFFSET_MS = 8 * 3600_000;

/** The China-time calendar date of an instant, 'YYYY-MM-DD'. */
export function chinaDate(at: Date): string {
  const t = at.getTime();
  if (Number.isNaN(t)) throw new Error('chinaDate: invalid Date');
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China-time date begins (00:00 UTC+8 = 16:00 UTC the day before). */
export function chinaMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** The instant the next China-time day begins after `at`. */
export function nextChinaMidnight(at: Date): Date {
  return chinaMidnight(addCalendarDays(chinaDate(at), 1));
}

/** Milliseconds from `at` to the next China midnight, plus a small margin so the timer lands inside the new day. */
export function msUntilNextChinaDay(at: Date, marginMs = 5_000): number {
  return nextChinaMidnight(at).getTime() - at.getTime() + marginMs;
}

/** Whether `s` is a real calendar date 'YYYY-MM-DD' (2026-13-03 and 2026-02-30 are not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}
