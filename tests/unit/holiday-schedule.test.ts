import { describe, expect, it } from 'vitest';
import { formatHolidaySchedule, parseHolidaySchedule } from '@/lib/domain/holiday-schedule';
import { holidayCalendarSchema } from '@/lib/validation/holiday-calendar';

const TEXT = ['# 国务院办公厅关于 2027 年部分节假日安排的通知（示例）', '2027-01-01 元旦', '2027-02-15~2027-02-21 春节', '补班 2027-02-14', '补班 2027-02-27'].join('\n');

describe('parseHolidaySchedule', () => {
  it('reads single days, ranges and make-up workdays into date maps, with a preview list', () => {
    const r = parseHolidaySchedule(2027, TEXT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.schedule.holidays)).toHaveLength(8);
    expect(r.schedule.holidays['2027-02-18']).toBe('春节');
    expect(r.schedule.workdays).toEqual({ '2027-02-14': '调休上班', '2027-02-27': '调休上班' });
    expect(r.items).toEqual([
      { kind: 'holiday', from: '2027-01-01', to: '2027-01-01', name: '元旦', days: 1 },
      { kind: 'workday', from: '2027-02-14', to: '2027-02-14', name: '调休上班', days: 1 },
      { kind: 'holiday', from: '2027-02-15', to: '2027-02-21', name: '春节', days: 7 },
      { kind: 'workday', from: '2027-02-27', to: '2027-02-27', name: '调休上班', days: 1 },
    ]);
  });

  it('accepts what a spreadsheet or a Word notice pastes: tabs, commas, 至, 2027/2/15, 2027年2月15日, full-width digits, a header row', () => {
    const pasted = ['日期\t结束日期\t名称', '2027/1/1\t\t元旦', '2027年2月15日至2027年2月21日 春节', '２０２７-１０-０１,2027-10-07,国庆节、中秋节', '2027-10-09\t调休上班'].join('\r\n');
    const r = parseHolidaySchedule(2027, pasted);
    expect(r).toMatchObject({ ok: true });
    if (!r.ok) return;
    expect(r.schedule.holidays['2027-10-03']).toBe('国庆节、中秋节');
    expect(r.schedule.holidays['2027-02-21']).toBe('春节');
    expect(r.schedule.workdays).toEqual({ '2027-10-09': '调休上班' });
  });

  it('names every bad line with its number and a Chinese reason', () => {
    const bad = [
      '2027-01-01 元旦', // 1 ok
      '2027-02-30 春节', // 2 invalid date
      '2027-02-21~2027-02-15 春节', // 3 reversed
      '2028-01-01 元旦', // 4 other year
      '补班 2027-02-15', // 5 a Monday
      '2027-01-01 元旦', // 6 duplicate
      '2027-03-01', // 7 no name
      '春节放假', // 8 no date
      '2027-04-01~2027-05-01 长假', // 9 too long
    ].join('\n');
    const r = parseHolidaySchedule(2027, bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.errors[0]!.message).toBe('第 2 行：2027-02-30 不是有效的日期');
    expect(r.errors[1]!.message).toBe('第 3 行：范围的结束日期 2027-02-15 早于开始日期 2027-02-21');
    expect(r.errors[2]!.message).toBe('第 4 行：2028-01-01 不在 2027 年内（只可包含 2026 年 12 月的跨年安排）');
    expect(r.errors[3]!.message).toBe('第 5 行：2027-02-15 是星期一，本来就上班，不是调休上班日（补班日应为周六或周日）');
    expect(r.errors[4]!.message).toBe('第 6 行：2027-01-01 已在第 1 行列出');
    expect(r.errors[5]!.message).toMatch(/^第 7 行：请写明节日名称/);
    expect(r.errors[6]!.message).toMatch(/^第 8 行：没有找到日期/);
    expect(r.errors[7]!.message).toMatch(/^第 9 行：范围过长/);
  });

  it('requires 元旦 so that a half-entered year is not taken for the whole schedule; allows the December before', () => {
    const r = parseHolidaySchedule(2027, '2027-02-15~2027-02-21 春节');
    expect(r).toEqual({ ok: false, errors: [{ line: 0, message: '缺少元旦（2027-01-01）：请录入国务院办公厅公布的 2027 年全年安排' }] });
    expect(parseHolidaySchedule(2023, '2022-12-31~2023-01-02 元旦')).toMatchObject({ ok: true });
    expect(parseHolidaySchedule(2023, '2022-11-30 元旦\n2023-01-01 元旦')).toMatchObject({ ok: false });
  });

  it('formats a saved schedule back into text that parses to the same schedule', () => {
    const r = parseHolidaySchedule(2027, TEXT);
    if (!r.ok) throw new Error('parse');
    const text = formatHolidaySchedule(r.schedule);
    expect(text).toBe(['2027-01-01 元旦', '2027-02-15~2027-02-21 春节', '补班 2027-02-14', '补班 2027-02-27'].join('\n'));
    const again = parseHolidaySchedule(2027, text);
    expect(again.ok && again.schedule).toEqual(r.schedule);
  });
});

describe('holidayCalendarSchema', () => {
  it('puts each bad line under `schedule` and checks year, source and version', () => {
    const r = holidayCalendarSchema.safeParse({ year: '2027', source: '国办发明电', schedule: '2027-01-01 元旦\n2027-13-01 春节\nxx', baseVersion: '0' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['schedule', '第 2 行：2027-13-01 不是有效的日期'],
      ['schedule', '第 3 行：没有找到日期（日期写作 2027-02-15）'],
    ]);
    const fields = holidayCalendarSchema.safeParse({ year: '27', source: '', schedule: ' ', baseVersion: '' });
    expect(fields.success).toBe(false);
    expect(new Set(fields.error!.issues.map((i) => i.path.join('.')))).toEqual(new Set(['year', 'source', 'schedule']));
  });

  it('gives the parsed schedule with the fields', () => {
    const r = holidayCalendarSchema.parse({ year: '2027', source: '国务院办公厅通知', schedule: TEXT, baseVersion: '0' });
    expect(r.year).toBe(2027);
    expect(r.baseVersion).toBe(0);
    expect(r.parsed.workdays['2027-02-14']).toBe('调休上班');
  });
});
