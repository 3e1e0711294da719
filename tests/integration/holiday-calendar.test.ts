import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db';
import { listHolidayCalendars } from '@/db/queries/holiday-calendars';
import { holidayCalendars } from '@/db/schema';
import type { Actor } from '@/lib/auth/policy';
import { idCheckChar } from '@/lib/domain/id-number';
import { isProvisionalDate, setHolidayOverlay } from '@/lib/domain/working-days';
import { ensureHolidayCalendar, reloadHolidayCalendar, RELOAD_AFTER_MS } from '@/lib/holiday-calendar';
import { holidayCalendarReminder, previewHolidayCalendar, saveHolidayCalendar } from '@/lib/services/holiday-calendar';
import { submitEntry } from '@/lib/services/practitioner-entry';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const idOf = (first17: string) => first17 + idCheckChar(first17);
const SCHEDULE_2027 = ['2027-01-01 元旦', '2027-02-15~2027-02-21 春节', '补班 2027-02-14', '补班 2027-02-27'].join('\n');
const SOURCE = '国务院办公厅关于2027年部分节假日安排的通知（测试）';

describe.each(DRIVERS)('the city keeps the holiday calendar (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor;
  let company: Actor;
  let projectId: string;
  let photo: Uint8Array;

  const n = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await db.execute(q))[0]!.n);
  const footprint = async () => ({
    rows: await listHolidayCalendars(db),
    audit: await n(sql`select count(*)::int as n from audit_events where action = 'holiday_calendar.saved'`),
  });
  const entry = (idNumber: string) => ({
    name: '王五',
    idNumber,
    ethnicity: '汉族',
    nativePlace: '四川遂宁',
    politicalStatus: '群众',
    mobile: '13800002222',
    education: '大专',
    certificates: [],
    hiredOn: '2027-02-10',
    labourContractOn: '2027-02-10',
    projectId,
    post: '保洁人员',
    informed: true,
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    // The overlay is per process: start from this database's (empty) table, not the other driver's.
    await reloadHolidayCalendar(db);
    city = await actorFor(db, 'city');
    company = await actorFor(db, 'company');
    projectId = rowsOf<{ id: string }>(await db.execute(sql`select id from projects where current_company_id = ${company.companyId} order by id limit 1`))[0]!.id;
    photo = new Uint8Array(await sharp({ create: { width: 600, height: 800, channels: 3, background: '#8a8' } }).jpeg().toBuffer());
  });
  afterAll(async () => {
    setHolidayOverlay([]);
    await t.cleanup();
  });

  it('the dashboard reminder starts 60 days before the known calendar (the package, to 2026) runs out', async () => {
    expect(await holidayCalendarReminder(db, '2026-11-01')).toBeNull();
    expect(await holidayCalendarReminder(db, '2026-11-02')).toEqual({ knownUntil: '2026-12-31', missingYear: 2027 });
    expect(await holidayCalendarReminder(db, '2027-03-01')).toEqual({ knownUntil: null, missingYear: 2027 });
  });

  it('before 2027 is entered, a deadline over Spring Festival 2027 counts Monday to Friday and says so', async () => {
    const r = await submitEntry(db, company, { data: entry(idOf('51090319910203456')), photo: { bytes: photo } }, { today: '2027-02-12' });
    expect(r).toMatchObject({ ok: true, data: { deadline: '2027-02-24' } });
    expect(isProvisionalDate('2027-02-24')).toBe(true);
  });

  it('refuses anonymous, district, company and association users, writing nothing', async () => {
    const before = await footprint();
    const input = { year: 2027, source: SOURCE, schedule: SCHEDULE_2027, baseVersion: 0 };
    expect(await saveHolidayCalendar(db, null, input)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['chuanshan', 'company', 'association']) {
      expect(await saveHolidayCalendar(db, await actorFor(db, u), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await previewHolidayCalendar(await actorFor(db, u), input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await footprint()).toEqual(before);
    expect(before.rows).toEqual([]);
  });

  it('bad lines come back as line-level field errors, writing nothing', async () => {
    const before = await footprint();
    const r = await saveHolidayCalendar(db, city, { year: '2027', source: SOURCE, schedule: '2027-01-01 元旦\n2027-02-30~2027-03-02 春节\n补班 2027-02-15', baseVersion: '0' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!r.ok && r.fieldErrors).toEqual({
      schedule: ['第 2 行：2027-02-30 不是有效的日期', '第 3 行：2027-02-15 是星期一，本来就上班，不是调休上班日（补班日应为周六或周日）'],
    });
    const noSource = await saveHolidayCalendar(db, city, { year: '2027', source: '', schedule: SCHEDULE_2027, baseVersion: '0' });
    expect(!noSource.ok && noSource.fieldErrors?.source).toEqual(['请填写依据，如国务院办公厅通知的标题或文号']);
    expect(await footprint()).toEqual(before);
  });

  it('previews without writing, then saves 2027 audited; a deadline over Spring Festival 2027 now skips it', async () => {
    const before = await footprint();
    const input = { year: '2027', source: SOURCE, schedule: SCHEDULE_2027, baseVersion: '0' };
    const preview = await previewHolidayCalendar(city, input);
    expect(preview).toMatchObject({ ok: true, data: { year: 2027, holidayDays: 8, workdays: 2 } });
    expect(await footprint()).toEqual(before);

    expect(await saveHolidayCalendar(db, city, input)).toEqual({ ok: true, data: { year: 2027, version: 1 } });
    const [row] = await listHolidayCalendars(db);
    expect(row).toMatchObject({ year: 2027, version: 1, source: SOURCE, enteredByName: expect.any(String) });
    expect(row!.holidays['2027-02-18']).toBe('春节');
    expect(row!.workdays).toEqual({ '2027-02-14': '调休上班', '2027-02-27': '调休上班' });
    const audits = rowsOf<{ actor_id: string; object_id: string; before: unknown; after: { version: number } }>(
      await db.execute(sql`select actor_id, object_id, before, after from audit_events where action = 'holiday_calendar.saved'`),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: city.userId, object_id: '2027', before: null, after: { version: 1 } });

    // 10 working days from 2027-02-10: 2/11, 2/12, 2/14 (make-up Sunday), 2/22–26, 2/27 (make-up Saturday), 3/1.
    const r = await submitEntry(db, company, { data: entry(idOf('51090319920304567')), photo: { bytes: photo } }, { today: '2027-02-12' });
    expect(r).toMatchObject({ ok: true, data: { deadline: '2027-03-01' } });
    expect(isProvisionalDate('2027-03-01')).toBe(false);
    const due = rowsOf<{ due_on: string }>(await db.execute(sql`select due_on::text from submissions where id = ${r.ok ? r.data.submissionId : ''}`));
    expect(due[0]!.due_on).toBe('2027-03-01');

    // The reminder moves on to the end of 2027.
    expect(await holidayCalendarReminder(db, '2026-11-02')).toBeNull();
    expect(await holidayCalendarReminder(db, '2027-11-02')).toEqual({ knownUntil: '2027-12-31', missingYear: 2028 });
  });

  it('entering the same year again from scratch is refused: edit the saved version instead', async () => {
    const before = await footprint();
    const r = await saveHolidayCalendar(db, city, { year: 2027, source: SOURCE, schedule: SCHEDULE_2027, baseVersion: 0 });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint()).toEqual(before);
  });

  it('of two editors on the same version, exactly one wins; the other is told and nothing of theirs is kept', async () => {
    const edit = (name: string) => ({ year: 2027, source: SOURCE, schedule: `${SCHEDULE_2027}\n2027-04-05 ${name}`, baseVersion: 1 });
    const results = await Promise.all([saveHolidayCalendar(db, city, edit('清明节')), saveHolidayCalendar(db, city, edit('清明'))]);
    expect(results.filter((x) => x.ok)).toEqual([{ ok: true, data: { year: 2027, version: 2 } }]);
    expect(results.filter((x) => !x.ok)).toEqual([{ ok: false, code: 'CONFLICT', message: '该年度安排已被他人修改，请刷新后重试' }]);
    const [row] = await listHolidayCalendars(db);
    expect(row!.version).toBe(2);
    const winner = results.findIndex((x) => x.ok) === 0 ? '清明节' : '清明';
    expect(row!.holidays['2027-04-05']).toBe(winner);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'holiday_calendar.saved'`)).toBe(2);
    // A save based on the replaced version is refused too; saving what is already there changes nothing.
    expect(await saveHolidayCalendar(db, city, edit('清明'))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await saveHolidayCalendar(db, city, { ...edit(winner), baseVersion: 2 })).toMatchObject({ ok: false, code: 'INVALID', message: '没有修改任何内容' });
  });

  it('two editors entering a new year at once: exactly one row, one audit, the other told', async () => {
    const first = (name: string) => ({ year: 2029, source: SOURCE, schedule: `2029-01-01 ${name}`, baseVersion: 0 });
    const results = await Promise.all([saveHolidayCalendar(db, city, first('元旦')), saveHolidayCalendar(db, city, first('新年'))]);
    expect(results.filter((x) => x.ok)).toEqual([{ ok: true, data: { year: 2029, version: 1 } }]);
    expect(results.filter((x) => !x.ok)).toMatchObject([{ ok: false, code: 'CONFLICT' }]);
    expect((await listHolidayCalendars(db)).map((r) => r.year)).toEqual([2027, 2029]);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'holiday_calendar.saved' and object_id = '2029'`)).toBe(1);
  });

  it('a year saved by another app instance is picked up here once the copy in memory is a minute old', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      await reloadHolidayCalendar(db);
      expect(isProvisionalDate('2028-03-01')).toBe(true);
      // Another instance's save: the row appears without this process being told.
      await db.insert(holidayCalendars).values({ year: 2028, holidays: { '2028-01-01': '元旦' }, workdays: {}, source: SOURCE, enteredBy: city.userId });
      vi.advanceTimersByTime(RELOAD_AFTER_MS - 1000);
      await ensureHolidayCalendar(db);
      expect(isProvisionalDate('2028-03-01')).toBe(true);
      vi.advanceTimersByTime(2000);
      await ensureHolidayCalendar(db);
      expect(isProvisionalDate('2028-03-01')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
