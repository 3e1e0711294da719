/**
 * The State Council's holiday schedule for one year, as the city types or pastes it (docs/decisions/005):
 * one line per holiday or range, make-up workdays marked 补班/上班, for example
 *
 *   2027-01-01 元旦
 *   2027-02-15~2027-02-21 春节
 *   补班 2027-02-14
 *
 * Lines pasted from a spreadsheet work too (cells separated by tabs or commas: 2027-02-15,2027-02-21,春节),
 * and dates may be written 2027/2/15 or 2027年2月15日. Pure: no I/O.
 */
import { addCalendarDays, isValidDateString } from './working-days';

export interface HolidaySchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface ScheduleLineError {
  /** 1-based line number in the text. */
  line: number;
  message: string;
}

/** One line of the preview: a holiday range or a make-up workday. */
export interface ScheduleItem {
  kind: 'holiday' | 'workday';
  from: string;
  to: string;
  name: string;
  days: number;
}

export const SCHEDULE_MAX_CHARS = 10_000;
export const SCHEDULE_MAX_LINES = 200;
/** No holiday the State Council has granted is longer than this (the longest were 9 days). */
export const SCHEDULE_MAX_RANGE_DAYS = 15;
export const DEFAULT_WORKDAY_NAME = '调休上班';

const DATE_TOKEN = /(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?/g;
const WORKDAY_WORDS = /调休上班|补班|上班|工作日/g;
const HOLIDAY_WORDS = /放假|休息|假日|调休/g;
const SEPARATORS = /[~～至到—–,，;；:：\t]|\s-\s/g;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

const weekdayOf = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

function canonicalDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** Normalise full-width digits and spaces so a line copied from a Word notice parses. */
function normalise(line: string): string {
  return line
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0]/g, ' ')
    .replace(/^\uFEFF/, '')
    .trim();
}

/** Dates in a line (canonical, possibly invalid like 2027-02-30) and the text around them. */
function splitLine(line: string): { dates: string[]; rest: string } {
  const dates: string[] = [];
  const rest = line.replace(DATE_TOKEN, (_m, y: string, mo: string, d: string) => {
    dates.push(canonicalDate(y, mo, d));
    return ' ';
  });
  return { dates, rest };
}

/**
 * Parse the text for `year`. Dates must lie in `year`, or in December of the year before (a New Year holiday
 * may start on 31 December). Every problem is reported with its line number; nothing is half-accepted.
 */
export function parseHolidaySchedule(
  year: number,
  text: string,
): { ok: true; schedule: HolidaySchedule; items: ScheduleItem[] } | { ok: false; errors: ScheduleLineError[] } {
  const errors: ScheduleLineError[] = [];
  const holidays: Record<string, string> = Object.create(null);
  const workdays: Record<string, string> = Object.create(null);
  const listedOn = new Map<string, number>();
  const items: ScheduleItem[] = [];
  if (text.length > SCHEDULE_MAX_CHARS) return { ok: false, errors: [{ line: 0, message: `内容过长（最多 ${SCHEDULE_MAX_CHARS} 个字符）` }] };
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > SCHEDULE_MAX_LINES) return { ok: false, errors: [{ line: 0, message: `行数过多（最多 ${SCHEDULE_MAX_LINES} 行）` }] };
  const minDate = `${year - 1}-12-01`;
  const maxDate = `${year}-12-31`;

  lines.forEach((raw, i) => {
    const n = i + 1;
    const err = (message: string) => errors.push({ line: n, message: `第 ${n} 行：${message}` });
    const line = normalise(raw);
    if (!line || line.startsWith('#') || line.startsWith('//')) return;
    const { dates, rest } = splitLine(line);
    if (dates.length === 0) {
      // A header row pasted from a spreadsheet (日期, 名称, …) carries no date.
      if (/日期|名称|类型/.test(line)) return;
      return err('没有找到日期（日期写作 2027-02-15）');
    }
    if (dates.length > 2) return err('一行只能写一个日期或一个日期范围（起~止）');
    for (const d of dates) if (!isValidDateString(d)) return err(`${d} 不是有效的日期`);
    const [from, to = dates[0]!] = dates as [string, string?];
    if (to < from) return err(`范围的结束日期 ${to} 早于开始日期 ${from}`);
    if (from < minDate || to > maxDate) {
      return err(`${from < minDate ? from : to} 不在 ${year} 年内（只可包含 ${year - 1} 年 12 月的跨年安排）`);
    }
    const isWorkday = WORKDAY_WORDS.test(rest);
    WORKDAY_WORDS.lastIndex = 0;
    const name = rest.replace(WORKDAY_WORDS, ' ').replace(HOLIDAY_WORDS, ' ').replace(SEPARATORS, ' ').replace(/\s+/g, ' ').trim();
    if (name.length > 20) return err('名称过长（最多 20 个字）');
    if (!isWorkday && !name) return err('请写明节日名称，如“2027-02-15~2027-02-21 春节”；调休上班日请写“补班”');
    const span: string[] = [];
    for (let d = from; d <= to; d = addCalendarDays(d, 1)) {
      span.push(d);
      if (span.length > SCHEDULE_MAX_RANGE_DAYS) return err(`范围过长（一段假期最多 ${SCHEDULE_MAX_RANGE_DAYS} 天）`);
    }
    for (const d of span) {
      const earlier = listedOn.get(d);
      if (earlier !== undefined) return err(`${d} 已在第 ${earlier} 行列出`);
      if (isWorkday && weekdayOf(d) !== 0 && weekdayOf(d) !== 6) {
        return err(`${d} 是${WEEKDAYS[weekdayOf(d)]}，本来就上班，不是调休上班日（补班日应为周六或周日）`);
      }
    }
    const stored = isWorkday ? name || DEFAULT_WORKDAY_NAME : name;
    for (const d of span) {
      listedOn.set(d, n);
      (isWorkday ? workdays : holidays)[d] = stored;
    }
    items.push({ kind: isWorkday ? 'workday' : 'holiday', from, to, name: stored, days: span.length });
  });

  if (errors.length === 0) {
    const newYear = `${year}-01-01`;
    if (!(newYear in holidays)) errors.push({ line: 0, message: `缺少元旦（${newYear}）：请录入国务院办公厅公布的 ${year} 年全年安排` });
  }
  if (errors.length > 0) return { ok: false, errors };
  items.sort((a, b) => a.from.localeCompare(b.from));
  return { ok: true, schedule: { holidays: { ...holidays }, workdays: { ...workdays } }, items };
}

/** The saved schedule back as text, consecutive days of the same holiday merged into one range. */
export function formatHolidaySchedule(s: HolidaySchedule): string {
  const out: string[] = [];
  const days = Object.keys(s.holidays).sort();
  let i = 0;
  while (i < days.length) {
    const from = days[i]!;
    const name = s.holidays[from]!;
    let to = from;
    while (i + 1 < days.length && days[i + 1] === addCalendarDays(to, 1) && s.holidays[days[i + 1]!] === name) to = days[++i]!;
    out.push(from === to ? `${from} ${name}` : `${from}~${to} ${name}`);
    i++;
  }
  for (const d of Object.keys(s.workdays).sort()) {
    const name = s.workdays[d]!;
    out.push(name === DEFAULT_WORKDAY_NAME ? `补班 ${d}` : `补班 ${d} ${name}`);
  }
  return out.join('\n');
}
