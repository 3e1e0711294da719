/**
 * 工作日计算：按国务院办公厅公布的法定节假日安排，含调休上班日（周末补班）。
 *
 * 数据来源：npm 包 `chinese-days`（1.5.x）随包发布的 dist/chinese-days.json
 * （{ holidays, workdays, inLieuDays }，键为 'YYYY-MM-DD'）。判定规则与该包的 isWorkday 相同：
 * 调休上班日 → 工作日；法定假日 → 非工作日；其余按周一至周五上班。
 *
 * 为什么不直接调用 chinese-days 的 isWorkday/getDayDetail：该包（1.5.7）在模块加载时用
 * `dayjs('Y-M-D')`（按 UTC 零点解析）再用本地时间 getter 格式化来生成节假日表，
 * 在 UTC 以西的时区（如 America/*）整张表会整体提前一天，结果静默出错。
 * 随包的 JSON 是构建时生成的、内容正确且与时区无关，所以这里直接读 JSON。
 *
 * 覆盖范围（chinese-days 1.5.7）：2004 年至 2026 年。范围由 calendarCoverage() 从包数据中
 * 求得（每个已收录年份都有 1 月 1 日“元旦”假日），升级该包后会自动扩展。
 *
 * 注意：chinese-days 对未收录年份【不会报错】，而是静默退化为“周一至周五上班”，
 * 这会让期限计算悄悄出错。本模块只对最后收录年份的下一年按“周一至周五、元旦休息”暂行计算，
 * 并以 isProvisionalDate() 标明；更早或更晚的日期抛出 HolidayCalendarCoverageError。
 *
 * 另注：个别年份的安排会影响上一年 12 月底（如 2019 年安排把 2018-12-29 定为补班日，
 * 2012 年安排把 2011-12-31 定为补班日）。因此覆盖范围最后一年的 12 月下旬，
 * 在下一年安排公布并升级数据包之前，结果可能不准。
 *
 * 所有日期均为 'YYYY-MM-DD' 字符串，表示中国本地日历日期；内部日期运算均在 UTC 下进行，
 * 与服务器时区无关。
 *
 * 纯函数模块：不做任何 I/O（JSON 数据由打包器/模块加载器静态引入）。
 */
import calendarJson from 'chinese-days/dist/chinese-days.json';

interface CalendarData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const calendarData: CalendarData = calendarJson as CalendarData;

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 日期超出节假日数据覆盖范围时抛出。 */
export class HolidayCalendarCoverageError extends Error {
  constructor(
    public readonly date: string,
    public readonly firstYear: number,
    public readonly lastYear: number,
  ) {
    super(
      `日期 ${date} 超出节假日数据覆盖范围（${firstYear}–${lastYear} 年），无法判断是否为工作日；请升级 chinese-days 数据包`,
    );
    this.name = 'HolidayCalendarCoverageError';
  }
}

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

/** 节假日数据覆盖的首末年份（含）。chinese-days 1.5.7：{ firstYear: 2004, lastYear: 2026 }。 */
export function calendarCoverage(): { firstYear: number; lastYear: number } {
  const { firstYear, lastYear } = coverage();
  return { firstYear, lastYear };
}

/**
 * The year after the last published schedule is counted provisionally: Monday to Friday, with New Year's Day
 * (a fixed statutory holiday) off. Deadlines filed in December of the last covered year routinely run into
 * it, and refusing them would stop the platform until the package is upgraded; results in that year are
 * flagged with isProvisionalDate() so the UI can say so. Years beyond that still throw.
 */
function isProvisionalYear(year: number): boolean {
  return year === coverage().lastYear + 1;
}

/** Whether `date` falls in the provisional year after the last published holiday schedule. */
export function isProvisionalDate(date: string): boolean {
  return isProvisionalYear(new Date(parseDate(date)).getUTCFullYear());
}

function isWorkingDayUtc(t: number): boolean {
  const dt = new Date(t);
  const cov = coverage();
  const key = formatUtc(t);
  if (isProvisionalYear(dt.getUTCFullYear())) {
    const weekday = dt.getUTCDay();
    return weekday >= 1 && weekday <= 5 && !key.endsWith('-01-01');
  }
  if (!cov.years.has(dt.getUTCFullYear())) {
    throw new HolidayCalendarCoverageError(key, cov.firstYear, cov.lastYear);
  }
  if (hasOwn(calendarData.workdays, key)) return true;
  if (hasOwn(calendarData.holidays, key)) return false;
  const weekday = dt.getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/**
 * 是否为工作日（含调休补班日；法定节假日及非补班的周末为 false）。
 * @throws HolidayCalendarCoverageError 日期超出数据覆盖范围
 */
export function isWorkingDay(date: string): boolean {
  return isWorkingDayUtc(parseDate(date));
}

/**
 * `date` 之后的第 n 个工作日（不含 `date` 当天）。n 为负数时为之前的第 |n| 个工作日；n 为 0 返回 `date` 本身。
 * 例：“自订立劳动合同之日起 10 个工作日内” 的截止日 = addWorkingDays(合同日期, 10)。
 * @throws HolidayCalendarCoverageError 途经日期超出数据覆盖范围
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
 * @throws HolidayCalendarCoverageError 区间内日期超出数据覆盖范围
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
