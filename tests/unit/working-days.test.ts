import { afterEach, describe, it, expect } from 'vitest';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  calendarCoverage,
  isProvisionalDate,
  calendarDaysBetween,
  calendarRunsOut,
  holidayOverlayYears,
  isWorkingDay,
  knownCalendarEnd,
  setHolidayOverlay,
  type HolidayYear,
  toDateString,
  workingDaysBetween,
} from '../../lib/domain/working-days';

const pad = (n: number) => String(n).padStart(2, '0');
const utcStr = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** 2005-01-01 .. 2025-12-01 之间的随机日期（远离覆盖范围边界，留出加 ≤40 个工作日的余量）。 */
const dateArb = fc
  .date({ min: new Date('2005-01-01T00:00:00Z'), max: new Date('2025-12-01T00:00:00Z'), noInvalidDate: true })
  .map(utcStr);

describe('calendarCoverage', () => {
  it('reports the year range of chinese-days data (2004 – at least 2026)', () => {
    const { firstYear, lastYear } = calendarCoverage();
    expect(firstYear).toBe(2004);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });
});

describe('dates beyond the known calendar', () => {
  afterEach(() => setHolidayOverlay([]));
  const weekdayOf = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

  it('never throw: any unknown year counts Monday to Friday and says it is provisional', () => {
    const { firstYear, lastYear } = calendarCoverage();
    for (const year of [lastYear + 1, lastYear + 2, lastYear + 30, firstYear - 1]) {
      const firstWeek = [2, 3, 4, 5, 6, 7, 8].map((d) => `${year}-01-0${d}`);
      expect(isWorkingDay(firstWeek.find((d) => weekdayOf(d) === 1)!)).toBe(true);
      expect(isWorkingDay(firstWeek.find((d) => weekdayOf(d) === 6)!)).toBe(false);
      expect(isWorkingDay(firstWeek.find((d) => weekdayOf(d) === 0)!)).toBe(false);
      expect(isProvisionalDate(`${year}-03-01`)).toBe(true);
    }
    expect(isProvisionalDate(`${lastYear}-12-31`)).toBe(false);
    expect(isProvisionalDate(`${firstYear}-01-01`)).toBe(false);
    // Across two unknown years, no error; the property of workingDaysBetween still holds.
    const far = addWorkingDays(`${lastYear}-12-01`, 400);
    expect(far > `${lastYear + 2}-01-01`).toBe(true);
    expect(isProvisionalDate(far)).toBe(true);
    expect(workingDaysBetween(`${lastYear}-12-01`, far)).toBe(400);
  });

  it('2027 and 2028 (not in chinese-days 1.5.7): weekdays, the fixed-date statutory holidays off', () => {
    expect(isWorkingDay('2028-01-03')).toBe(true); // Monday
    expect(isWorkingDay('2028-01-01')).toBe(false); // 元旦 (a Saturday anyway)
    expect(isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(isWorkingDay('2027-05-03')).toBe(true); // Monday after 劳动节 1–2 May (a weekend in 2027)
    expect(isWorkingDay('2028-05-01')).toBe(false); // 劳动节, Monday
    expect(isWorkingDay('2028-05-02')).toBe(false); // 劳动节, Tuesday
    expect(isWorkingDay('2028-10-02')).toBe(false); // 国庆节, Monday
    expect(isWorkingDay('2028-10-03')).toBe(false); // 国庆节, Tuesday
    expect(isWorkingDay('2028-10-04')).toBe(true); // Wednesday: the rest of the week is not known yet
    expect(isProvisionalDate('2028-06-30')).toBe(true);
    // A deadline filed in late December 2026 runs into 2027 and is flagged.
    const deadline = addWorkingDays('2026-12-24', 10);
    expect(deadline).toBe('2027-01-08'); // 12/25, 28, 29, 30, 31 · (1/1 off) · 1/4, 5, 6, 7, 8
    expect(isProvisionalDate(deadline)).toBe(true);
  });

  it('documents that chinese-days itself silently falls back to weekdays (why we flag it)', () => {
    // 2003 年不在数据中：chinese-days 把 2003-01-01（周三，实为元旦假日）当作工作日，也不说明
    expect(chineseDays.isWorkday(new Date(2003, 0, 1))).toBe(true);
    expect(isWorkingDay('2003-01-01')).toBe(false);
    expect(isProvisionalDate('2003-01-01')).toBe(true);
  });
});

describe('a year the city entered (overlay)', () => {
  afterEach(() => setHolidayOverlay([]));
  const spring2027: HolidayYear = {
    year: 2027,
    holidays: {
      '2027-01-01': '元旦',
      ...Object.fromEntries(['15', '16', '17', '18', '19', '20', '21'].map((d) => [`2027-02-${d}`, '春节'])),
    },
    workdays: { '2027-02-14': '调休上班', '2027-02-27': '调休上班' },
  };

  it('uses the entered days off and make-up workdays, and is no longer provisional', () => {
    expect(isProvisionalDate('2027-02-16')).toBe(true);
    expect(isWorkingDay('2027-02-15')).toBe(true); // Monday, before the year is entered
    setHolidayOverlay([spring2027]);
    expect(isProvisionalDate('2027-02-16')).toBe(false);
    expect(holidayOverlayYears()).toEqual([2027]);
    expect(isWorkingDay('2027-02-14')).toBe(true); // Sunday make-up day
    expect(isWorkingDay('2027-02-15')).toBe(false); // 春节, Monday
    expect(isWorkingDay('2027-02-19')).toBe(false); // 春节, Friday
    expect(isWorkingDay('2027-02-22')).toBe(true);
    expect(isWorkingDay('2027-02-27')).toBe(true); // Saturday make-up day
    expect(isWorkingDay('2027-02-28')).toBe(false); // ordinary Sunday
    // 10 working days from Friday 2027-02-12: 2/14 (1) · 2/22–26 (6) · 2/27 (7) · 3/1, 3/2, 3/3 (10)
    expect(addWorkingDays('2027-02-12', 10)).toBe('2027-03-03');
    expect(workingDaysBetween('2027-02-12', '2027-03-03')).toBe(10);
    // In an entered year only the entered dates are holidays: 1–2 May 2027 are a weekend, 3 May a working day.
    expect(isWorkingDay('2027-05-03')).toBe(true);
  });

  it('the package stays the source for the years the city did not enter; 2028 is still provisional', () => {
    setHolidayOverlay([spring2027]);
    expect(isWorkingDay('2025-01-26')).toBe(true); // package: Sunday make-up day
    expect(isWorkingDay('2025-01-28')).toBe(false); // package: 春节
    expect(isProvisionalDate('2028-01-03')).toBe(true);
    expect(isWorkingDay('2028-01-03')).toBe(true);
  });

  it('a schedule may reach into the December before; a later setHolidayOverlay replaces all entered years', () => {
    setHolidayOverlay([{ year: 2027, holidays: { '2026-12-31': '元旦', '2027-01-01': '元旦' }, workdays: { '2026-12-27': '调休上班' } }]);
    expect(isWorkingDay('2026-12-31')).toBe(false); // a Thursday in the package year, now off
    expect(isWorkingDay('2026-12-27')).toBe(true); // a Sunday
    setHolidayOverlay([]);
    expect(isWorkingDay('2026-12-31')).toBe(true);
    expect(holidayOverlayYears()).toEqual([]);
  });

  it('the known calendar ends with the last consecutive known year; the reminder starts 60 days before', () => {
    expect(knownCalendarEnd('2026-06-01')).toBe('2026-12-31');
    expect(knownCalendarEnd('2027-06-01')).toBe(null);
    expect(calendarRunsOut('2026-11-01')).toBeNull();
    expect(calendarRunsOut('2026-11-02')).toEqual({ knownUntil: '2026-12-31', missingYear: 2027 });
    expect(calendarRunsOut('2026-12-31')).toEqual({ knownUntil: '2026-12-31', missingYear: 2027 });
    expect(calendarRunsOut('2027-01-04')).toEqual({ knownUntil: null, missingYear: 2027 });
    setHolidayOverlay([spring2027]);
    expect(knownCalendarEnd('2026-06-01')).toBe('2027-12-31');
    expect(calendarRunsOut('2026-11-02')).toBeNull();
    expect(calendarRunsOut('2027-11-02')).toEqual({ knownUntil: '2027-12-31', missingYear: 2028 });
    // A gap year ends the known calendar even if a later year is entered.
    setHolidayOverlay([{ ...spring2027, year: 2029, holidays: { '2029-01-01': '元旦' }, workdays: {} }]);
    expect(knownCalendarEnd('2026-06-01')).toBe('2026-12-31');
  });
});

describe('isWorkingDay — official calendar facts', () => {
  const cases: Array<[string, boolean, string]> = [
    // 2024 春节：2月10日至17日放假调休；2月4日（周日）、2月18日（周日）上班
    ['2024-02-04', true, '周日补班'],
    ['2024-02-09', true, '周五（除夕，2024 年非法定假日）'],
    ['2024-02-10', false, '春节'],
    ['2024-02-12', false, '春节（周一）'],
    ['2024-02-16', false, '春节（周五）'],
    ['2024-02-17', false, '春节'],
    ['2024-02-18', true, '周日补班'],
    // 2024 国庆：10月1日至7日放假；9月29日（周日）、10月12日（周六）上班
    ['2024-09-28', false, '普通周六'],
    ['2024-09-29', true, '周日补班'],
    ['2024-10-01', false, '国庆'],
    ['2024-10-07', false, '国庆（周一）'],
    ['2024-10-08', true, '节后首个工作日'],
    ['2024-10-12', true, '周六补班'],
    ['2024-10-13', false, '普通周日'],
    // 2025 春节：1月28日至2月4日放假；1月26日（周日）、2月8日（周六）上班
    ['2025-01-26', true, '周日补班'],
    ['2025-01-27', true, '周一'],
    ['2025-01-28', false, '除夕（2025 年起为假日）'],
    ['2025-02-04', false, '春节（周二）'],
    ['2025-02-05', true, '节后首个工作日'],
    ['2025-02-08', true, '周六补班'],
    // 2025 国庆中秋：10月1日至8日放假；9月28日（周日）、10月11日（周六）上班
    ['2025-09-28', true, '周日补班'],
    ['2025-10-01', false, '国庆'],
    ['2025-10-06', false, '中秋'],
    ['2025-10-08', false, '国庆（周三）'],
    ['2025-10-09', true, '节后首个工作日'],
    ['2025-10-11', true, '周六补班'],
    ['2025-10-12', false, '普通周日'],
    // 普通日期
    ['2024-03-13', true, '普通周三'],
    ['2024-03-16', false, '普通周六'],
  ];

  it.each(cases)('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('annual working-day totals', () => {
    // 2024：366 天，周一至周五共 262 天；落在周一至周五的假日 = 元旦1 + 春节5 + 清明2 + 劳动节3 + 端午1 + 中秋2 + 国庆5 = 19；
    // 补班 = 2/4、2/18、4/7、4/28、5/11、9/14、9/29、10/12 = 8 → 262 - 19 + 8 = 251
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
    // 2025：365 天，周一至周五共 261 天；落在周一至周五的假日 = 元旦1 + 春节6 + 清明1 + 劳动节3 + 端午1 + 国庆中秋6 = 18；
    // 补班 = 1/26、2/8、4/27、9/28、10/11 = 5 → 261 - 18 + 5 = 248
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });
});

describe('addWorkingDays', () => {
  it('counts Sunday make-up workdays and skips holidays', () => {
    expect(addWorkingDays('2024-09-27', 1)).toBe('2024-09-29'); // 周五 → 周日补班
    expect(addWorkingDays('2024-09-29', 1)).toBe('2024-09-30');
    expect(addWorkingDays('2024-09-30', 1)).toBe('2024-10-08'); // 跨国庆
    expect(addWorkingDays('2024-10-08', 4)).toBe('2024-10-12'); // 周六补班
    expect(addWorkingDays('2024-02-09', 1)).toBe('2024-02-18'); // 跨春节到周日补班
  });

  it('“订立劳动合同之日起10个工作日内”: contract on 2025-01-20 → deadline 2025-02-08', () => {
    // 1/21,22,23,24 (4) · 1/26 周日补班 (5) · 1/27 (6) · 1/28–2/4 春节 · 2/5,6,7 (9) · 2/8 周六补班 (10)
    expect(addWorkingDays('2025-01-20', 10)).toBe('2025-02-08');
  });

  it('2025 National Day: make-up Sunday 9/28 and Saturday 10/11 count; 10/1–10/8 skipped', () => {
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 2)).toBe('2025-09-29');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-09', 2)).toBe('2025-10-11');
  });

  it('n = 0 returns the date itself; negative n counts backwards', () => {
    expect(addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
    expect(addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(addWorkingDays('2024-09-30', -1)).toBe('2024-09-29');
  });

  it('rejects non-integer n and malformed dates', () => {
    expect(() => addWorkingDays('2024-10-08', 1.5)).toThrow();
    expect(() => addWorkingDays('2024-10-08', Number.NaN)).toThrow();
    expect(() => addWorkingDays('2024-02-30', 1)).toThrow();
    expect(() => addWorkingDays('2024/10/08', 1)).toThrow();
    expect(() => isWorkingDay('2024-1-8')).toThrow();
  });

  it('property: result is a working day, exactly n working days later', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (d, n) => {
        const r = addWorkingDays(d, n);
        expect(r > d).toBe(true);
        expect(isWorkingDay(r)).toBe(true);
        expect(workingDaysBetween(d, r)).toBe(n);
        // r 前一天到 d 之间只有 n-1 个工作日
        expect(workingDaysBetween(d, addCalendarDays(r, -1))).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it('property: from a working day, going forward n then back n returns to the start', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (d, n) => {
        fc.pre(isWorkingDay(d));
        expect(addWorkingDays(addWorkingDays(d, n), -n)).toBe(d);
      }),
      { numRuns: 200 },
    );
  });

  it('property: additive — add(add(d, a), b) === add(d, a + b)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), (d, a, b) => {
        expect(addWorkingDays(addWorkingDays(d, a), b)).toBe(addWorkingDays(d, a + b));
      }),
      { numRuns: 200 },
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts working days d with from < d <= to', () => {
    expect(workingDaysBetween('2024-09-30', '2024-10-08')).toBe(1);
    expect(workingDaysBetween('2024-09-27', '2024-09-29')).toBe(1); // 仅 9/29 周日补班
    expect(workingDaysBetween('2024-02-09', '2024-02-18')).toBe(1); // 春节整段 + 2/18 补班
    expect(workingDaysBetween('2024-02-08', '2024-02-09')).toBe(1);
  });

  it('is 0 when to <= from', () => {
    expect(workingDaysBetween('2024-10-08', '2024-10-08')).toBe(0);
    expect(workingDaysBetween('2024-10-08', '2024-09-30')).toBe(0);
  });

  it('overdue example: deadline 2025-02-08, today 2025-02-12 → 3 working days overdue', () => {
    // 2/9 周日、2/10 周一 (1)、2/11 周二 (2)、2/12 周三 (3)
    expect(workingDaysBetween('2025-02-08', '2025-02-12')).toBe(3);
    expect(workingDaysBetween('2025-02-08', '2025-02-11')).toBe(2);
  });

  it('property: additive over a split point and matches a day-by-day count', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (a, x, y) => {
        const b = addCalendarDays(a, x);
        const c = addCalendarDays(b, y);
        expect(workingDaysBetween(a, c)).toBe(workingDaysBetween(a, b) + workingDaysBetween(b, c));
        let manual = 0;
        for (let i = 1; i <= x; i++) if (isWorkingDay(addCalendarDays(a, i))) manual++;
        expect(workingDaysBetween(a, b)).toBe(manual);
      }),
      { numRuns: 200 },
    );
  });
});

describe('agreement with chinese-days API', () => {
  // chinese-days 自己的 API 在 UTC 以西的时区会整体错一天（见 working-days.ts 注释），
  // 因此仅在 UTC 偏移 >= 0 的环境下做逐日比对。
  const offsetOk = new Date(2024, 0, 1).getTimezoneOffset() <= 0 && new Date(2024, 6, 1).getTimezoneOffset() <= 0;
  it.skipIf(!offsetOk)('isWorkingDay equals chinese-days getDayDetail().work for every day 2004–2026', () => {
    let mismatches = 0;
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      const [y, m, dd] = d.split('-').map(Number);
      if (isWorkingDay(d) !== chineseDays.getDayDetail(new Date(y, m - 1, dd)).work) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('calendar-day helpers', () => {
  it('addCalendarDays handles month/year/leap boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2024-03-31', 0)).toBe('2024-03-31');
    // 跨欧美夏令时切换日也不应偏移
    expect(addCalendarDays('2024-03-09', 2)).toBe('2024-03-11');
    expect(addCalendarDays('2024-10-26', 2)).toBe('2024-10-28');
  });

  it('addMonths: publicity windows in calendar months, the day clamped to a shorter month', () => {
    // “公示期 1 年” from 2025-01-10 ends on 2026-01-10; 3 months on 2025-04-10.
    expect(addMonths('2025-01-10', 12)).toBe('2026-01-10');
    expect(addMonths('2025-01-10', 3)).toBe('2025-04-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
    expect(addMonths('2026-03-15', 0)).toBe('2026-03-15');
    expect(() => addMonths('2026-03-15', 1.5)).toThrow();
  });

  it('property: addMonths moves the month by n and never the day forward', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
        const r = addMonths(d, n);
        const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        expect(months(r) - months(d)).toBe(n);
        expect(Number(r.slice(8, 10))).toBeLessThanOrEqual(Number(d.slice(8, 10)));
      }),
    );
  });

  it('calendarDaysBetween', () => {
    expect(calendarDaysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(calendarDaysBetween('2025-01-01', '2024-01-01')).toBe(-366);
    expect(calendarDaysBetween('2024-10-01', '2024-10-01')).toBe(0);
  });

  it('property: calendarDaysBetween(d, addCalendarDays(d, n)) === n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(calendarDaysBetween(d, addCalendarDays(d, n))).toBe(n);
      }),
    );
  });

  it('toDateString gives the China-local date of an instant', () => {
    // 2024-09-30T16:30Z = 北京时间 2024-10-01 00:30
    const instant = new Date('2024-09-30T16:30:00Z');
    expect(toDateString(instant)).toBe('2024-10-01');
    expect(toDateString(instant, 'UTC')).toBe('2024-09-30');
    expect(toDateString(new Date('2024-09-30T15:59:59Z'))).toBe('2024-09-30');
    expect(toDateString(new Date('2024-09-30T16:00:00Z'))).toBe('2024-10-01');
    expect(toDateString(new Date('2024-01-05T03:00:00Z'), 'America/Los_Angeles')).toBe('2024-01-04');
    expect(() => toDateString(new Date('invalid'))).toThrow();
  });
});
