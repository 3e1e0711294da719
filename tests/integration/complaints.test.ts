import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getComplaintByCode, listComplaintsInScope, listEstateStaffChoices } from '@/db/queries/complaints';
import { getCurrentPolicy } from '@/db/queries/policy';
import { getPublicStaffCard } from '@/db/queries/public-staff';
import type { Actor } from '@/lib/auth/policy';
import { ALREADY_DONE, NOT_YET_DECIDABLE, parseComplaintDecision } from '@/lib/domain/complaints';
import { LIMITS } from '@/lib/services/anonymous-limits';
import { answerComplaint, COMPLAINT_RECORD_TYPE, COMPLAINT_WARNING_TYPE, decideComplaint, fileComplaint, PHOTOS_ONLY_MESSAGE } from '@/lib/services/complaints';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

/** Friday 20 November 2026: five working days later is Friday 27 November. */
const TODAY = '2026-11-20';
const DUE = '2026-11-27';
const AFTER_DUE = '2026-11-30';
const pdf = () => ({ bytes: new TextEncoder().encode('%PDF-1.4\n% x\n%%EOF') });
/** Each filing from its own client address and moment, so the limits only meet in their own test. */
let tick = 0;
const next = () => ({ ip: `10.0.0.${++tick}`, at: new Date(Date.UTC(2026, 10, 20, 1) + tick * 60_000), today: TODAY });

describe.each(DRIVERS)('owners’ complaints and praise (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let company: Actor;
  let company2: Actor;
  let chuanshan: Actor;
  let shehong: Actor;
  let city: Actor;
  let estate: string;
  let staff: { id: string; name: string; post: string };
  let photo: Uint8Array;

  const q = async <T>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const n = async (s: ReturnType<typeof sql>) => Number((await q<{ n: number }>(s))[0]!.n);
  const caseOf = async (code: string) =>
    (
      await q<{ id: string; status: string; version: number; due_on: string; answered_at: Date | null; decided_at: Date | null; kind: string; district_id: string; company_id: string }>(
        sql`select id, status, version, due_on::text, answered_at, decided_at, kind, district_id, company_id from cases where tracking_code = ${code}`,
      )
    )[0]!;
  const footprint = async () => ({
    cases: await q(sql`select id, status, version, answer, decision from cases where kind in ('complaint', 'praise') order by id`),
    staffRecords: await n(sql`select count(*)::int as n from practitioner_records`),
    creditRecords: await n(sql`select count(*)::int as n from credit_records`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
  });
  const form = (over: Record<string, unknown> = {}) => ({
    kind: 'complaint',
    projectId: estate,
    about: 'staff',
    practitionerId: staff.id,
    name: '业主王女士',
    phone: '13800001234',
    text: '11 月 18 日晚报修漏水，该工作人员态度恶劣并拒绝上门处理。',
    ...over,
  });
  const file = async (over: Record<string, unknown> = {}, evidence: { bytes: Uint8Array }[] = []) => {
    // Each owner their own phone number: the per-phone limit has its own test.
    const r = await fileComplaint(db, null, { data: form({ phone: `1380000${String(tick).padStart(4, '0')}`, ...over }), evidence }, next());
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.trackingCode;
  };
  const answer = (c: { id: string; version: number }, who: Actor | null = company, evidence: { bytes: Uint8Array }[] = []) =>
    answerComplaint(db, who, { data: { caseId: c.id, version: c.version, answer: '已约谈该员工并安排维修人员于次日上门处理完毕。' }, evidence });
  const decide = (c: { id: string; version: number }, data: Record<string, unknown>, who: Actor | null = chuanshan, today = TODAY, evidence: { bytes: Uint8Array }[] = []) =>
    decideComplaint(db, who, { data: { caseId: c.id, version: c.version, ...data }, evidence }, { today });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [company, company2, chuanshan, shehong, city] = await Promise.all(['company', 'company2', 'chuanshan', 'shehong', 'city'].map((u) => actorFor(db, u)));
    estate = (await actorFor(db, 'committee')).projectId!;
    staff = (await listEstateStaffChoices(db, estate))[0]!;
    photo = new Uint8Array(await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c84' } }).jpeg().toBuffer());
  });
  afterAll(() => t.cleanup());

  it('an owner files a complaint about a staff member with a photo: a tracking code, the answer due in working days, nothing personal on the tracking page', async () => {
    const before = await n(sql`select count(*)::int as n from audit_events where action = 'complaint.filed'`);
    const code = await file({ phone: '13800001234' }, [{ bytes: photo }]);
    const c = await caseOf(code);
    expect(c).toMatchObject({ status: 'open', kind: 'complaint', due_on: DUE, company_id: company.companyId, district_id: chuanshan.districtId, answered_at: null, decided_at: null });
    expect(await q(sql`select kind, mime, filename from attachments where owner_type = 'complaint' and owner_id = ${c.id}`)).toEqual([{ kind: 'photo', mime: 'image/jpeg', filename: '照片-1.jpg' }]);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'complaint.filed' and object_id = ${c.id}`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'complaint.filed'`)).toBe(before + 1);
    const tracking = (await getComplaintByCode(db, code))!;
    expect(Object.keys(tracking)).not.toContain('filerName');
    expect(Object.keys(tracking)).not.toContain('filerPhone');
    expect(JSON.stringify(tracking)).not.toContain('13800001234');
    expect(JSON.stringify(tracking)).not.toContain('王女士');
  });

  it('refuses a PDF as a photo, a staff member of another estate, and more than 3 photos — before writing anything', async () => {
    const before = await footprint();
    const asPdf = await fileComplaint(db, null, { data: form(), evidence: [pdf()] }, next());
    expect(!asPdf.ok && asPdf.fieldErrors?.evidence?.[0]).toBe(PHOTOS_ONLY_MESSAGE);
    const other = (await q<{ id: string }>(sql`select e.practitioner_id as id from employments e where e.status = 'current' and e.project_id <> ${estate} limit 1`))[0]!.id;
    const stranger = await fileComplaint(db, null, { data: form({ practitionerId: other }) }, next());
    expect(!stranger.ok && Object.keys(stranger.fieldErrors ?? {})).toEqual(['practitionerId']);
    const many = await fileComplaint(db, null, { data: form(), evidence: { count: 4, read: () => Promise.reject(new Error('read before the count was checked')) } }, next());
    expect(!many.ok && many.fieldErrors?.evidence?.[0]).toMatch(/最多 3 个/);
    expect(await footprint()).toEqual(before);
  });

  it('happy path: the company answers, the district substantiates → a bad record (SN 13.5) on the public card and a company warning record, through the record services', async () => {
    const code = await file({}, [{ bytes: photo }]);
    let c = await caseOf(code);
    // Who may answer: only the serving company; another company's attempt looks like a missing case and is audited.
    expect(await answer(c, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await answer(c, chuanshan)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const before = await footprint();
    expect(await answer(c, company2)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
    expect(await q(sql`select action, actor_id from audit_events order by seq desc limit 1`)).toEqual([{ action: 'access.out_of_scope', actor_id: company2.userId }]);

    expect(await answer(c, company, [pdf()])).toMatchObject({ ok: true, data: { status: 'answered' } });
    c = await caseOf(code);
    expect(c.answered_at).not.toBeNull();
    expect(await answer(c)).toMatchObject({ ok: false, code: 'CONFLICT' });

    // Another district: NOT_FOUND, nothing changed.
    const mid = await footprint();
    const data = { outcome: 'upheld', reason: '经调取监控并询问当事人，该员工确有拒绝上门、态度恶劣的情形。', staffRecord: 'on', practitionerId: staff.id, companyWarning: 'on', severity: '一般', points: '2' };
    expect(await decide(c, data, shehong)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await decide(c, data, company)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(mid);

    const r = await decide(c, data);
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    expect(r.data.status).toBe('upheld');
    const [rec] = await q<{ practitioner_id: string; type: string; status: string; kind: string; notice_code: string | null; description: string }>(
      sql`select practitioner_id, type, status, kind, notice_code, description from practitioner_records where id = ${r.data.staffRecordId}`,
    );
    expect(rec).toMatchObject({ practitioner_id: staff.id, type: COMPLAINT_RECORD_TYPE, status: 'approved', kind: 'bad' });
    expect(rec!.notice_code).toBeTruthy();
    expect(rec!.description).toContain(code);
    // The record service's own rules ran: its evidence (the district had none, so the case's files) and its audit row.
    expect(await n(sql`select count(*)::int as n from attachments where owner_id = ${r.data.staffRecordId}`)).toBe(2);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'practitioner_record.entered' and object_id = ${r.data.staffRecordId}`)).toBe(1);
    const [cr] = await q<{ category: string; type: string; severity: string; points: string; company_id: string; status: string }>(
      sql`select category, type, severity, points::text, company_id, status from credit_records where id = ${r.data.creditRecordId}`,
    );
    expect(cr).toMatchObject({ category: 'warning', type: COMPLAINT_WARNING_TYPE, severity: '一般', company_id: company.companyId, status: 'approved' });
    expect(Number(cr!.points)).toBe(2);
    const card = await getPublicStaffCard(db, estate, staff.id, { today: TODAY });
    expect(card?.records.map((x) => x.type)).toContain(COMPLAINT_RECORD_TYPE);

    c = await caseOf(code);
    expect(c.status).toBe('upheld');
    expect(c.decided_at).not.toBeNull();
    const tracking = (await getComplaintByCode(db, code))!;
    expect(parseComplaintDecision(tracking.decision)).toMatchObject({ outcome: 'upheld', staffRecord: { id: r.data.staffRecordId, name: staff.name } });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'complaint.decided' and object_id = ${c.id}`)).toBe(1);
    expect(await decide(c, data)).toMatchObject({ ok: false, code: 'CONFLICT', message: ALREADY_DONE });
  });

  it('the district waits for the answer until it is overdue (working days, injected today); then it may close the case as not substantiated with the reason the owner reads', async () => {
    const code = await file({ about: 'company', practitionerId: '' });
    const c = await caseOf(code);
    const data = { outcome: 'dismissed', reason: '经现场核查，所反映的垃圾清运问题已按合同约定处理，投诉不成立。' };
    const before = await footprint();
    expect(await decide(c, data, chuanshan, DUE)).toMatchObject({ ok: false, code: 'CONFLICT', message: NOT_YET_DECIDABLE });
    expect(await footprint()).toEqual(before);
    const overdue = await listComplaintsInScope(db, chuanshan, { status: 'overdue', kind: 'all', page: 1 }, AFTER_DUE);
    expect(overdue.rows.map((x) => x.id)).toContain(c.id);
    expect((await listComplaintsInScope(db, chuanshan, { status: 'overdue', kind: 'all', page: 1 }, DUE)).rows.map((x) => x.id)).not.toContain(c.id);
    expect(await decide(c, data, chuanshan, AFTER_DUE)).toMatchObject({ ok: true, data: { status: 'dismissed', staffRecordId: null, creditRecordId: null } });
    const tracking = (await getComplaintByCode(db, code))!;
    expect(tracking.status).toBe('dismissed');
    expect(parseComplaintDecision(tracking.decision)?.reason).toBe(data.reason);
    expect(tracking.answeredAt).toBeNull();
  });

  it('the answer deadline follows the credit-policy setting, saved as a new version', async () => {
    const current = await getCurrentPolicy(db);
    const saved = await savePolicyVersion(db, city, { settings: { ...current.settings, complaintAnswerWorkingDays: 2 }, reason: '按新文件调整投诉答复期限', baseVersion: current.version });
    expect(saved.ok).toBe(true);
    expect((await getCurrentPolicy(db)).settings.complaintAnswerWorkingDays).toBe(2);
    expect((await caseOf(await file())).due_on).toBe('2026-11-24');
    const back = await getCurrentPolicy(db);
    expect((await savePolicyVersion(db, city, { settings: { ...back.settings, complaintAnswerWorkingDays: 5 }, reason: '恢复为五个工作日', baseVersion: back.version })).ok).toBe(true);
  });

  it('a decision is all or nothing: a bad record the record service refuses (no evidence anywhere) leaves no warning record and the case unchanged', async () => {
    const code = await file();
    const c0 = await caseOf(code);
    expect((await answerComplaint(db, company, { data: { caseId: c0.id, version: c0.version, answer: '已核实，该员工当日在岗，已进行批评教育。' } })).ok).toBe(true);
    const c = await caseOf(code);
    const before = await footprint();
    const r = await decide(c, { outcome: 'upheld', reason: '经核实，该员工确有推诿拒绝服务的情形。', staffRecord: 'on', practitionerId: staff.id, companyWarning: 'on', severity: '一般', points: '1' });
    expect(r).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!r.ok && r.fieldErrors?.evidence).toBeTruthy();
    expect(await footprint()).toEqual(before);
  });

  it('optimistic lock: of two handlers deciding from the same version, one wins and the other changes nothing', async () => {
    const code = await file({}, [{ bytes: photo }]);
    const c0 = await caseOf(code);
    expect((await answer(c0)).ok).toBe(true);
    const seen = await caseOf(code);
    const first = await decide(seen, { outcome: 'dismissed', reason: '经核实，当日该员工不在岗，投诉对象有误。' }, city);
    expect(first.ok).toBe(true);
    const before = await footprint();
    const second = await decide(seen, { outcome: 'upheld', reason: '经核实该员工确有拒绝服务的情形，应予记录。', staffRecord: 'on', practitionerId: staff.id });
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await footprint()).toEqual(before);
  });

  it('praise reaches the company, which acknowledges it and files any good record itself; the district has nothing to decide', async () => {
    const code = await file({ kind: 'praise', text: '保安李师傅深夜帮助独居老人送医，特此表扬并送锦旗。' });
    const c = await caseOf(code);
    expect(c.kind).toBe('praise');
    expect((await answerComplaint(db, company, { data: { caseId: c.id, version: c.version, answer: '已收到，将按规定为该员工登记业主表扬优良信息。' } })).ok).toBe(true);
    const done = await caseOf(code);
    expect(done.status).toBe('closed');
    expect(await decide(done, { outcome: 'dismissed', reason: '表扬件不需要区县核实处理。' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await n(sql`select count(*)::int as n from practitioner_records where practitioner_id = ${staff.id} and kind = 'good' and status = 'approved' and created_at > now() - interval '1 minute'`)).toBe(0);
  });

  it('anonymous abuse: one phone number files at most 5 a day and one address 10 an hour, refused before any photo is read; nothing is written but the counters', async () => {
    const at = new Date(Date.UTC(2026, 10, 25, 3));
    const phone = '13900009999';
    for (let i = 0; i < LIMITS.complaintPhone.max; i++) {
      const r = await fileComplaint(db, null, { data: form({ phone }) }, { ip: `10.1.0.${i}`, at, today: TODAY });
      expect(r.ok).toBe(true);
    }
    const before = await footprint();
    const unread = { count: 1, read: () => Promise.reject(new Error('photo read before the limit')) };
    expect(await fileComplaint(db, null, { data: form({ phone }), evidence: unread }, { ip: '10.1.0.99', at, today: TODAY })).toMatchObject({ ok: false, code: 'LOCKED' });
    for (let i = 0; i < LIMITS.filingClient.max; i++) await fileComplaint(db, null, { data: { junk: i } }, { ip: '10.2.0.1', at, today: TODAY });
    expect(await fileComplaint(db, null, { data: form({ phone: '13900008888' }), evidence: unread }, { ip: '10.2.0.1', at, today: TODAY })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await footprint()).toEqual(before);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'throttle.refused' and object_id = ${LIMITS.complaintPhone.bucket}`)).toBe(1);
  });
});
