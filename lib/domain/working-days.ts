/**
 * 工作日计算：按国务院办公厅公布的法定节假日安排，含调休上班日（周末补班）。
 *
 * 数据来源，按优先次序（docs/decisions/005-holiday-calendar.md）：
 * 1. 市住建局在“节假日安排”页面录入的年度安排（表 holiday_calendars）。服务器启动时及保存后由
 *    lib/holiday-calendar.ts 从数据库读入，通过 setHolidayOverlay() 放进本模块；测试可直接设置。
 * 2. npm 包 `chinese-days`（1.5.x）随包发布的 dist/chinese-days.json（{ holidays, workdays }，键为 'YYYY-MM-DD'）。
 * 判定规则与该包的 isWorkday 相同：调休上班日 → 工作日；法定假日 → 非工作日；其余按周一至周五上班。
 *
 * 为什么不直接调用 chinese-days 的 isWorkday/getDayDetail：该包（1.5.7）在模块加载时用
 * `dayjs('Y-M-D')`（按 UTC 零点解析）再用本地时间 getter 格式化来生成节假日表，
 * 在 UTC 以西的时区（如 America/*）整张表会整体提前一天，结果静默出错。
 * 随包的 JSON 是构建时生成的、内容正确且与时区无关，所以这里直接读 JSON。
 *
 * 包的覆盖范围（chinese-days 1.5.7）：2004 年至 2026 年，由 calendarCoverage() 从包数据中求得。
 *
 * 既不在市里录入的年份、也不在包内的日期，【不报错】，而是“暂按”计算：周一至周五上班，
 * 日期固定的法定假日（1 月 1 日，5 月 1–2 日，10 月 1–3 日）休息；isProvisionalDate() 标明这样的日期，
 * 页面据此注明“暂按周一至周五计算”。期限不能因为日历缺一年就让用户的操作失败。
 *
 * 另注：个别年份的安排会影响上一年 12 月底（如 2023 年元旦假期从 2022-12-31 开始）。
 * 市里录入某年安排时可以包含上一年 12 月的日期，录入后即覆盖包内该日的判定。
 *
 * 所有日期均为 'YYYY-MM-DD' 字符串，表示中国本地日历日期；内部日期运算均在 UTC 下进行，
 * 与服务器时区无关。
 *
 * 纯函数模块：不做任何 I/O（JSON 数据由打包器/模块加载器静态引入；录入的年份由调用方放入）。
 */
import calendarJson from 'chinese-days/dist/chinese-days.json';

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const calendarData: CalendarData = calendarJson as CalendarData;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 解析 'YYYY-MM-DD'，返回 UTC 零点的毫秒数；格式或日期无效时抛错。 */
function parseDate(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (!m) throw new Error(`无效日期格式（应为 YYYY-MM-DD）：${String(date)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const dt = new Date(t);
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    throw new Error(`无效日期：${date}`);
  }
  return t;
}

/** Whether `date` is a real calendar date written 'YYYY-MM-DD'. */
export function isValidDateString(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

function formatUtc(t: number): string {
  const dt = new Date(t);
  const y = dt.getUTCFullYear();
  if (y < 0 || y > 9999) throw new Error('日期超出可表示范围');
  return `${String(y).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
}

function assertInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new Error(`${name} 必须是整数：${String(n)}`);
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

let coverageCache: { firstYear: number; lastYear: number; years: Set<number> } | null = null;

function coverage(): { firstYear: number; lastYear: number; years: Set<number> } {
  if (coverageCache) return coverageCache;
  const years = new Set<number>();
  // 每个收录年份都有 1 月 1 日“元旦”假日；只凭这一键判断，避免把下一年安排波及的
  // 12 月底日期（如 2022-12-31）误当作某年已收录。
  for (const key of Object.keys(calendarData.holidays)) {
    if (key.endsWith('-01-01')) years.add(Number(key.slice(0, 4)));
  }
  if (years.size === 0) throw new Error('chinese-days 中没有节假日数据');
  const sorted = [...years].sort((a, b) => a - b);
  coverageCache = { firstYear: sorted[0], lastYear: sorted[sorted.length - 1], years };
  return coverageCache;
}

/** 随包（chinese-days）节假日数据覆盖的首末年份（含）。chinese-days 1.5.7：{ firstYear: 2004, lastYear: 2026 }。 */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  const { firstYear, lastYear } = coverage();
  return { firstYear, lastYear };
}

/** One year's schedule as the city entered it: 'YYYY-MM-DD' → name, for days off and make-up workdays. */
export interface HolidayYear {
  year: number;
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
}

interface Overlay {
  years: ReadonlySet<number>;
  /** Date → is a working day, for every date the entered schedules name. */
  days: ReadonlyMap<string, boolean>;
}

const EMPTY_OVERLAY: Overlay = { years: new Set(), days: new Map() };

// Kept on globalThis: Next.js may load this module more than once in one server (one copy per bundle
// layer), and the copy the server loaded from the database must be the one every caller reads.
const G = globalThis as typeof globalThis & { __holidayOverlay?: Overlay };

const overlay = (): Overlay => G.__holidayOverlay ?? EMPTY_OVERLAY;

/**
 * Replace the city-entered schedules (all of them: a year not passed is no longer known). The server calls it
 * with the rows of `holiday_calendars`; tests call it directly. Dates are trusted to be valid here (the entry
 * form checks them); a malformed key is ignored rather than breaking every deadline.
 */
export function setHolidayOverlay(years: readonly HolidayYear[]): void {
  const days = new Map<string, boolean>();
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    for (const d of Object.keys(y.holidays)) if (DATE_RE.test(d)) days.set(d, false);
    // A make-up workday wins over a holiday on the same date, as in the package's rule.
    for (const d of Object.keys(y.workdays)) if (DATE_RE.test(d)) days.set(d, true);
  }
  G.__holidayOverlay = { years: new Set(years.map((y) => y.year)), days };
}

/** The years the city has entered, ascending. */
export function holidayOverlayYears(): number[] {
  return [...overlay().years].sort((a, b) => a - b);
}

/** Whether the official schedule of `year` is known (entered by the city, or in the package). */
export function isKnownYear(year: number): boolean {
  return overlay().years.has(year) || coverage().years.has(year);
}

/** Whether `date` falls in a year with no known schedule, so it was counted Monday to Friday ("暂按"). */
export function isProvisionalDate(date: string): boolean {
  return !isKnownYear(new Date(parseDate(date)).getUTCFullYear());
}

/**
 * The last day of the known calendar, counting from `from`'s year through consecutive known years
 * ('YYYY-12-31'); null when `from`'s own year is not known.
 */
export function knownCalendarEnd(from: string): string | null {
  let year = new Date(parseDate(from)).getUTCFullYear();
  if (!isKnownYear(year)) return null;
  while (isKnownYear(year + 1)) year++;
  return `${year}-12-31`;
}

/** How long before the known calendar runs out the bureau dashboard starts asking for the next year. */
export const CALENDAR_WARN_DAYS = 60;

/**
 * The dashboard's reminder on `today`: when the known calendar ends within `warnDays` days (or has already
 * ended), the last known day and the year to enter; otherwise null.
 */
export function calendarRunsOut(today: string, warnDays: number = CALENDAR_WARN_DAYS): { knownUntil: string | null; missingYear: number } | null {
  const end = knownCalendarEnd(today);
  if (end === null) return { knownUntil: null, missingYear: new Date(parseDate(today)).getUTCFullYear() };
  const firstUnknown = formatUtc(parseDate(end) + DAY_MS);
  if ((parseDate(firstUnknown) - parseDate(today)) / DAY_MS > warnDays) return null;
  return { knownUntil: end, missingYear: Number(end.slice(0, 4)) + 1 };
}

/**
 * Days off in a year with no known schedule: the statutory holidays fixed to a Gregorian date (全国年节及纪念日
 * 放假办法, as amended in 2024): 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. The lunar holidays and
 * the make-up workdays cannot be known before the State Council publishes the year.
 */
const FIXED_HOLIDAYS = new Set(['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']);

function isWorkingDayUtc(t: number): boolean {
  const dt = new Date(t);
  const year = dt.getUTCFullYear();
  const key = formatUtc(t);
  const weekday = dt.getUTCDay();
  const isWeekday = weekday >= 1 && weekday <= 5;
  const o = overlay();
  const entered = o.days.get(key);
  if (entered !== undefined) return entered;
  if (o.years.has(year)) return isWeekday;
  if (coverage().years.has(year)) {
    if (hasOwn(calendarData.workdays, key)) return true;
    if (hasOwn(calendarData.holidays, key)) return false;
    return isWeekday;
  }
  return isWeekday && !FIXED_HOLIDAYS.has(key.slice(5));
}

/**
 * 是否为工作日（含调休补班日；法定节假日及非补班的周末为 false）。
 * 日历未知的年份暂按周一至周五计算（见 isProvisionalDate），不会抛错。
 */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayUtc(parseDate(date));
}

/**
 * `date` 之后的第 n 个工作日（不含 `date` 当天）。n 为负数时为之前的第 |n| 个工作日；n 为 0 返回 `date` 本身。
 * 例：“自订立劳动合同之日起 10 个工作日内” 的截止日 = addWorkingDays(合同日期, 10)。
 * 结果落在日历未知的年份时为暂按结果：isProvisionalDate(结果) 为 true。
 */
export function addWorkingDays(date: string, n: number): string {
  assertInteger(n, 'n');
  let t = parseDate(date);
  const step = n > 0 ? DAY_MS : -DAY_MS;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    t += step;
    if (isWorkingDayUtc(t)) remaining--;
  }
  return formatUtc(t);
}

/**
 * 满足 from < d <= to 的工作日 d 的个数；to <= from 时为 0。
 * 用于“逾期 N 个工作日”：workingDaysBetween(截止日, 今天)。
 * 性质：对 n >= 0，workingDaysBetween(x, addWorkingDays(x, n)) === n。
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  let count = 0;
  for (let t = a + DAY_MS; t <= b; t += DAY_MS) {
    if (isWorkingDayUtc(t)) count++;
  }
  return count;
}

/** 日历日加减（n 可为负）。 */
export function addCalendarDays(date: string, n: number): string {
  assertInteger(n, 'n');
  return formatUtc(parseDate(date) + n * DAY_MS);
}

/**
 * 日历月加减；目标月份较短时取月末（2026-01-31 加 1 个月 → 2026-02-28）。用于公示期（“公示期 1 年”=12 个月）。
 */
export function addMonths(date: string, n: number): string {
  assertInteger(n, 'n');
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** to 与 from 相差的日历天数（to 晚于 from 为正）。 */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((parseDate(to) - parseDate(from)) / DAY_MS);
}

/** 某一时刻在指定时区（默认 Asia/Shanghai）的日历日期 'YYYY-MM-DD'。 */
export function toDateString(d: Date, tz: string = 'Asia/Shanghai'): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) {
    throw new Error('toDateString: 无效的 Date');
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}
