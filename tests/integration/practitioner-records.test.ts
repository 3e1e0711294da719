/**
 * Staff good and bad records (SN 9–14) end to end on both drivers: filing by each kind of filer, the district's
 * decision, the association cap under concurrency, the employer's notice and the notice document written with the
 * record, and the scope of every gated action (anonymous, wrong role, another company / district / street).
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getPublicStaffCard } from '@/db/queries/public-staff';
import { listRecords, recordVisibleTo } from '@/db/queries/practitioner-records';
import type { Actor } from '@/lib/auth/policy';
import { ASSOCIATION_CENSURE_TYPE, ASSOCIATION_ONLY_MESSAGE, associationCapMessage, BAD_RECORD_TYPES } from '@/lib/domain/records';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { savePolicyVersion } from '@/lib/services/credit-policy';
import {
  DECIDED_BY_OTHER,
  decideRecord,
  enterBadRecord,
  fileAssociationCommendation,
  fileBadReport,
  fileGoodRecord,
  type RecordFilingInput,
} from '@/lib/services/practitioner-records';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-23';
const CHUANSHAN = '510903';
const LIMITS = { good: 5, bad: 3 };
const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)), filename: `${tag}.pdf` });

describe.each(DRIVERS)('staff good and bad records (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let photo: Uint8Array;
  /** Current approved staff: of `company` on a 船山区 estate in the street's area, of company2, in 射洪市, and in 船山区 outside the street. */
  let mine: { id: string; project: string };
  let mine2: { id: string; project: string };
  let ofCompany2: { id: string; project: string };
  let inShehong: { id: string; project: string };
  let otherStreet: { id: string; project: string };

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  /** Everything a filing or a decision could change. */
  const footprint = async () => ({
    records: await n(sql`select count(*)::int as n from practitioner_records`),
    files: await n(sql`select count(*)::int as n from attachments where owner_type = 'practitioner_record'`),
    notices: await n(sql`select count(*)::int as n from notices where kind = 'record_notice'`),
    documents: await n(sql`select count(*)::int as n from documents where kind = 'record_notice'`),
    recordAudits: await n(sql`select count(*)::int as n from audit_events where action like 'practitioner_record.%'`),
  });
  const recordRow = async (id: string) =>
    (await rows<Record<string, unknown>>(sql`select status, version, type, description, notice_code, decision_reason, decided_by from practitioner_records where id = ${id}`))[0]!;
  const staff = async (where: ReturnType<typeof sql>) => {
    const [r] = await rows<{ id: string; project: string }>(sql`select p.id, e.project_id as project from employments e
      join practitioners p on p.id = e.practitioner_id join projects j on j.id = e.project_id
      where e.status = 'current' and p.status = 'active' and ${where} order by p.id limit 1`);
    if (!r) throw new Error('no such staff in the demo city');
    return r;
  };

  const good = (person: string, over: Record<string, unknown> = {}): RecordFilingInput => ({
    data: {
      practitionerId: person,
      type: '业主书面表扬',
      praiseForm: '锦旗',
      issuer: '天宫花园 3 栋业主',
      description: '业主赠送锦旗，感谢其深夜处置水管爆裂',
      occurredOn: '2026-11-18',
      receivedOn: '2026-11-20',
      ...over,
    },
    evidence: [pdf('praise')],
  });
  const report = (person: string, over: Record<string, unknown> = {}): RecordFilingInput => ({
    data: {
      practitionerId: person,
      type: BAD_RECORD_TYPES[4],
      description: '业主投诉其辱骂业主，经社区调查核实属实',
      occurredOn: '2026-11-19',
      receivedOn: '2026-11-21',
      ...over,
    },
    evidence: [pdf('report')],
  });
  const versionOf = async (id: string) => Number((await recordRow(id)).version);
  const decide = async (actor: Actor | null, id: string, decision: 'approved' | 'rejected', more: Record<string, unknown> = {}) =>
    decideRecord(db, actor, { id, expectedVersion: await versionOf(id), decision, reason: '', ...more }, { today: TODAY });
  const ok = <T,>(r: { ok: boolean; data?: T; message?: string; fieldErrors?: unknown }): T => {
    if (!r.ok) throw new Error(`expected ok: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data as T;
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'company2', 'chuanshan', 'shehong', 'city', 'street', 'department', 'association', 'committee']) who[u] = await actorFor(db, u);
    const region = who.street!.regionId!;
    mine = await staff(sql`e.company_id = ${who.company!.companyId} and j.district_id = ${CHUANSHAN} and (j.street_id = ${region} or j.community_id = ${region})`);
    mine2 = await staff(sql`e.company_id = ${who.company!.companyId} and j.district_id = ${CHUANSHAN} and p.id <> ${mine.id}`);
    ofCompany2 = await staff(sql`e.company_id = ${who.company2!.companyId}`);
    inShehong = await staff(sql`j.district_id = ${who.shehong!.districtId}`);
    otherStreet = await staff(sql`j.district_id = ${CHUANSHAN} and j.street_id <> ${region} and coalesce(j.community_id, '') <> ${region}`);
    photo = new Uint8Array(await sharp({ create: { width: 320, height: 240, channels: 3, background: '#6a8' } }).png().toBuffer());
  });
  afterAll(() => t.cleanup());

  it('the demo city: entered bad records carry a notice code and a notice to the employer; reports name their reporter', async () => {
    const [r] = await rows<{ approved: number; coded: number; notified: number; reports: number; reported: number }>(sql`
      select count(*) filter (where status = 'approved')::int as approved,
             count(*) filter (where status = 'approved' and notice_code is not null)::int as coded,
             count(*) filter (where status = 'approved' and exists (select 1 from notices n where n.related_id = r.id and n.kind = 'record_notice' and n.company_id = r.company_id))::int as notified,
             count(*) filter (where received_on is not null)::int as reports,
             count(*) filter (where reported_by is not null)::int as reported
      from practitioner_records r where kind = 'bad'`);
    expect(r!.approved).toBeGreaterThan(50);
    expect(r!.coded).toBe(r!.approved);
    expect(r!.notified).toBe(r!.approved);
    expect(r!.reports).toBeGreaterThan(10);
    expect(r!.reported).toBeGreaterThan(50);
    // Association commendations are the association's own filings.
    expect(await n(sql`select count(*)::int as n from practitioner_records where type = '行业协会表彰' and reported_by is distinct from ${who.association!.organisationId}`)).toBe(0);
  });

  // ---------------------------------------------------------------------------------------------------
  // Good records

  it('a company files an owner-praise record with evidence; the filing is flagged after 5 days, not refused', async () => {
    const onTime = ok(await fileGoodRecord(db, who.company!, good(mine.id), { today: TODAY }));
    expect(onTime.lateDays).toBe(0);
    const late = ok(await fileGoodRecord(db, who.company!, good(mine.id, { receivedOn: '2026-11-10', occurredOn: '2026-11-09' }), { today: TODAY }));
    // Received 13 days ago: 8 days past the 5 of SN 12.
    expect(late.lateDays).toBe(8);
    const r = await recordRow(onTime.id);
    expect(r).toMatchObject({ status: 'submitted', type: '业主书面表扬', description: '锦旗：业主赠送锦旗，感谢其深夜处置水管爆裂' });
    expect(await n(sql`select count(*)::int as n from attachments where owner_type = 'practitioner_record' and owner_id = ${onTime.id} and kind = 'evidence'`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'practitioner_record.filed' and object_id = ${onTime.id}`)).toBe(1);
    // The queue shows the flag.
    const { rows: queue } = await listRecords(db, who.chuanshan!, { kind: 'good', status: 'submitted', type: null, lateOnly: true, q: '', page: 1 }, LIMITS);
    expect(queue.map((x) => x.id)).toContain(late.id);
    expect(queue.map((x) => x.id)).not.toContain(onTime.id);
    // The queue counts to the day the service filed it (its injected today), as the filing itself did: never the wall clock.
    expect(queue.find((x) => x.id === late.id)!.lateDays).toBe(8);
  });

  it('SN 9.3 and SN 11: letters and banners only; participants and a site photo for 从业表现突出; evidence required', async () => {
    const before = await footprint();
    const verbal = await fileGoodRecord(db, who.company!, good(mine.id, { praiseForm: '口头表扬' }), { today: TODAY });
    expect(verbal).toMatchObject({ ok: false, code: 'INVALID' });
    expect(!verbal.ok && verbal.fieldErrors?.praiseForm?.[0]).toMatch(/表扬信、锦旗/);
    const noForm = await fileGoodRecord(db, who.company!, good(mine.id, { praiseForm: '' }), { today: TODAY });
    expect(!noForm.ok && noForm.fieldErrors?.praiseForm?.[0]).toMatch(/口头表扬或在业主群中的简单表扬不予纳入/);

    const outstanding = { type: '从业表现突出', praiseForm: '', issuer: '本企业', description: '深夜车库进水，组织排水避免业主车辆受损' };
    const bare = await fileGoodRecord(db, who.company!, { ...good(mine.id, outstanding), evidence: [] }, { today: TODAY });
    expect(!bare.ok && Object.keys(bare.fieldErrors ?? {}).sort()).toEqual(['participants', 'photos']);
    // With other fields wrong too, every problem is reported at once.
    const worse = await fileGoodRecord(db, who.company!, { ...good(mine.id, { ...outstanding, issuer: '', occurredOn: '' }), evidence: [] }, { today: TODAY });
    expect(!worse.ok && Object.keys(worse.fieldErrors ?? {}).sort()).toEqual(['issuer', 'occurredOn', 'participants', 'photos']);
    const pdfPhoto = await fileGoodRecord(db, who.company!, { ...good(mine.id, { ...outstanding, participants: '张三、李四' }), photos: [pdf('not-a-photo')] }, { today: TODAY });
    expect(!pdfPhoto.ok && pdfPhoto.fieldErrors?.photos?.[0]).toMatch(/只接受 JPEG、PNG 或 WebP/);

    const noEvidence = await fileGoodRecord(db, who.company!, { ...good(mine.id), evidence: [] }, { today: TODAY });
    expect(!noEvidence.ok && noEvidence.fieldErrors?.evidence?.[0]).toMatch(/证明材料/);
    const association = await fileGoodRecord(db, who.company!, good(mine.id, { type: '行业协会表彰' }), { today: TODAY });
    expect(!association.ok && association.fieldErrors?.type?.[0]).toBe(ASSOCIATION_ONLY_MESSAGE);
    const future = await fileGoodRecord(db, who.company!, good(mine.id, { receivedOn: '2026-11-24' }), { today: TODAY });
    expect(!future.ok && future.fieldErrors?.receivedOn?.[0]).toBe('日期不能晚于今天');
    expect(await footprint()).toEqual(before);

    const done = ok(await fileGoodRecord(db, who.company!, { ...good(mine.id, { ...outstanding, participants: '张三、李四' }), evidence: [], photos: [{ bytes: photo }] }, { today: TODAY }));
    expect(await rows(sql`select kind, mime from attachments where owner_id = ${done.id}`)).toEqual([{ kind: 'photo', mime: 'image/jpeg' }]);
    expect((await rows<{ participants: string }>(sql`select participants from practitioner_records where id = ${done.id}`))[0]!.participants).toBe('张三、李四');
  });

  it('filing is refused to anonymous, to a wrong role, and for a person of another company, changing nothing', async () => {
    const before = await footprint();
    expect(await fileGoodRecord(db, null, good(mine.id), { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['street', 'chuanshan', 'association', 'committee']) {
      expect(await fileGoodRecord(db, who[u]!, good(mine.id), { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await fileGoodRecord(db, who.company2!, good(mine.id), { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fileBadReport(db, null, report(mine.id), { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['committee', 'chuanshan', 'city']) {
      expect(await fileBadReport(db, who[u]!, report(mine.id), { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await fileBadReport(db, who.company!, report(ofCompany2.id), { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    // A street office names only staff of estates in its street or community.
    expect(await fileBadReport(db, who.street!, report(otherStreet.id), { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fileBadReport(db, who.street!, report(inShehong.id), { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await enterBadRecord(db, null, { ...report(inShehong.id, { issuer: '射洪市住房和城乡建设局' }) }, { today: TODAY })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await enterBadRecord(db, who.street!, { ...report(mine.id, { issuer: '街道办' }) }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // A district enters records only for staff of its district.
    expect(await enterBadRecord(db, who.chuanshan!, { ...report(inShehong.id, { issuer: '船山区住房和城乡建设局' }) }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await fileAssociationCommendation(db, who.company!, { data: { practitionerId: mine.id, description: '年度物业服务之星', occurredOn: '2026-11-01' }, evidence: [pdf('a')] }, { today: TODAY })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await footprint()).toEqual(before);
  });

  it('the district approves a good record and it appears on the public staff card; decided once', async () => {
    const { id } = ok(await fileGoodRecord(db, who.company!, good(mine2.id, { description: '业主致感谢信，感谢其帮助独居老人就医' , praiseForm: '表扬信' }), { today: TODAY }));
    const before = await footprint();
    const row = await recordRow(id);
    expect(await decide(null, id, 'approved')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await decide(who.company!, id, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await decide(who.street!, id, 'approved')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const outOfScope = await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${id}`);
    expect(await decide(who.shehong!, id, 'approved')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${id}`)).toBe(outOfScope + 1);
    expect(await recordRow(id)).toEqual(row);
    expect(await footprint()).toEqual(before);

    expect(await getPublicStaffCard(db, mine2.project, mine2.id, { today: TODAY }).then((c) => c!.records.some((r) => r.id === id))).toBe(false);
    expect(await decide(who.chuanshan!, id, 'approved')).toMatchObject({ ok: true, data: { status: 'approved', noticeCode: null } });
    const card = await getPublicStaffCard(db, mine2.project, mine2.id, { today: TODAY });
    expect(card!.records.find((r) => r.id === id)).toMatchObject({ kind: 'good', type: '业主书面表扬', description: '表扬信：业主致感谢信，感谢其帮助独居老人就医', objectionOpen: false });
    // A good record sends no notice; a second decision is refused.
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${id}`)).toBe(0);
    const again = await decideRecord(db, who.city!, { id, expectedVersion: 1, decision: 'rejected', reason: '重复' }, { today: TODAY });
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: DECIDED_BY_OTHER });
  });

  it('declining needs a reason and writes no notice', async () => {
    const { id } = ok(await fileBadReport(db, who.company!, report(mine.id), { today: TODAY }));
    const before = await recordRow(id);
    const noReason = await decide(who.chuanshan!, id, 'rejected');
    expect(!noReason.ok && noReason.fieldErrors?.reason?.[0]).toBe('不予记录时必须写明理由');
    expect(await recordRow(id)).toEqual(before);
    expect(await decide(who.chuanshan!, id, 'rejected', { reason: '证据不足以认定其负有责任' })).toMatchObject({ ok: true, data: { status: 'rejected', noticeCode: null } });
    expect(await recordRow(id)).toMatchObject({ status: 'rejected', decision_reason: '证据不足以认定其负有责任', notice_code: null });
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${id}`)).toBe(0);
    // The company sees its declined report with the reason; the public card does not show it.
    const { rows: list } = await listRecords(db, who.company!, { kind: 'bad', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(list.find((x) => x.id === id)).toMatchObject({ status: 'rejected', decisionReason: '证据不足以认定其负有责任' });
    const card = await getPublicStaffCard(db, mine.project, mine.id, { today: TODAY });
    expect(card!.records.some((r) => r.id === id)).toBe(false);
  });

  // ---------------------------------------------------------------------------------------------------
  // Bad records

  it('a street report becomes a record with an adjusted type: notice to the employer and notice document in the same transaction', async () => {
    const filed = ok(await fileBadReport(db, who.street!, report(mine.id, { receivedOn: '2026-11-15', occurredOn: '2026-11-14' }), { today: TODAY }));
    // Received 8 days ago: 5 days past the 3 of SN 14.
    expect(filed.lateDays).toBe(5);
    const reported = await rows<{ reported_by: string; issuer: string; company_id: string }>(sql`select reported_by, issuer, company_id from practitioner_records where id = ${filed.id}`);
    expect(reported[0]).toMatchObject({ reported_by: who.street!.organisationId, issuer: who.street!.organisationName, company_id: who.company!.companyId });
    // Pending reports are not shown to the company.
    const pending = await listRecords(db, who.company!, { kind: 'all', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(pending.rows.some((x) => x.id === filed.id)).toBe(false);
    expect(await recordVisibleTo(db, who.company!, filed.id)).toBe(false);
    expect(await recordVisibleTo(db, who.street!, filed.id)).toBe(true);

    const adjusted = BAD_RECORD_TYPES[8];
    const res = ok(await decide(who.chuanshan!, filed.id, 'approved', { type: adjusted, description: '处置车位纠纷方式不当，引发业主聚集，经街道调查核实负有责任' }));
    expect(res.noticeCode).toMatch(/^[2-9A-Z]{12}$/);
    expect(await recordRow(filed.id)).toMatchObject({ status: 'approved', type: adjusted, notice_code: res.noticeCode, decided_by: who.chuanshan!.userId });
    const [notice] = await rows<{ company_id: string; practitioner_id: string; title: string; body: string; related_type: string }>(
      sql`select company_id, practitioner_id, title, body, related_type from notices where related_id = ${filed.id} and kind = 'record_notice'`,
    );
    expect(notice).toMatchObject({ company_id: who.company!.companyId, practitioner_id: mine.id, related_type: 'practitioner_record' });
    expect(notice!.title).toContain('引发影响社会稳定事件或舆情事件');
    expect(notice!.body).toContain(res.noticeCode!);
    expect(notice!.body).toContain('/objections/new');
    const [doc] = await rows<{ code: string; subject_id: string; summary: Record<string, string> }>(sql`select code, subject_id, summary from documents where kind = 'record_notice' and subject_id = ${filed.id}`);
    expect(doc).toMatchObject({ code: res.noticeCode, subject_id: filed.id });
    expect(doc!.summary).toMatchObject({ type: adjusted, recordedOn: TODAY });
    expect(JSON.stringify(doc!.summary)).not.toMatch(/\d{17}[\dX]/);
    // Now the company sees the record and its notice code; the public card shows it.
    const seen = await listRecords(db, who.company!, { kind: 'bad', status: 'approved', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(seen.rows.find((x) => x.id === filed.id)).toMatchObject({ noticeCode: res.noticeCode, filerName: who.street!.organisationName });
    expect(await recordVisibleTo(db, who.company!, filed.id)).toBe(true);
    expect(await recordVisibleTo(db, who.company2!, filed.id)).toBe(false);
    const card = await getPublicStaffCard(db, mine.project, mine.id, { today: TODAY });
    expect(card!.records.find((r) => r.id === filed.id)).toMatchObject({ kind: 'bad', type: adjusted });
  });

  it('a failing notice document rolls the whole decision back', async () => {
    const { id } = ok(await fileBadReport(db, who.department!, report(mine.id), { today: TODAY }));
    await db.execute(sql`insert into documents (code, kind, subject_type, subject_id, summary) values ('TAKENCODE234', 'record_notice', 'practitioner_record', ${id}, '{}'::jsonb)`);
    const before = { row: await recordRow(id), print: await footprint() };
    const r = await decideRecord(db, who.chuanshan!, { id, expectedVersion: await versionOf(id), decision: 'approved', reason: '' }, { today: TODAY, newCode: () => 'TAKENCODE234' });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect({ row: await recordRow(id), print: await footprint() }).toEqual(before);
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${id}`)).toBe(0);
    // With a fresh code it goes through.
    expect(await decide(who.chuanshan!, id, 'approved')).toMatchObject({ ok: true, data: { status: 'approved' } });
  });

  it('two reviewers deciding one report at once: exactly one wins, one notice', async () => {
    const { id } = ok(await fileBadReport(db, who.company!, report(mine2.id), { today: TODAY }));
    const v = await versionOf(id);
    const [a, b] = await Promise.all([
      decideRecord(db, who.chuanshan!, { id, expectedVersion: v, decision: 'approved', reason: '' }, { today: TODAY }),
      decideRecord(db, who.city!, { id, expectedVersion: v, decision: 'rejected', reason: '不予采信' }, { today: TODAY }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, code: 'CONFLICT', message: DECIDED_BY_OTHER });
    const status = (await recordRow(id)).status;
    expect(await n(sql`select count(*)::int as n from notices where related_id = ${id}`)).toBe(status === 'approved' ? 1 : 0);
    expect(await n(sql`select count(*)::int as n from audit_events where action like 'practitioner_record.%' and object_id = ${id} and action <> 'practitioner_record.reported'`)).toBe(1);
  });

  it('department, association (public censure only) and company reports; the city enters a record directly', async () => {
    const dept = ok(await fileBadReport(db, who.department!, report(inShehong.id), { today: TODAY }));
    expect((await rows<{ reported_by: string }>(sql`select reported_by from practitioner_records where id = ${dept.id}`))[0]!.reported_by).toBe(who.department!.organisationId);
    // The association's report is a public censure whatever type is sent.
    const censure = ok(await fileBadReport(db, who.association!, report(inShehong.id, { type: BAD_RECORD_TYPES[0], description: '违反行业自律公约，在小区张贴侮辱业主的欠费公告' }), { today: TODAY }));
    expect((await recordRow(censure.id)).type).toBe(ASSOCIATION_CENSURE_TYPE);
    // 射洪市 decides these, 船山区 cannot.
    expect(await decide(who.chuanshan!, dept.id, 'approved')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await decide(who.shehong!, censure.id, 'approved')).toMatchObject({ ok: true });
    // Each filer sees its own reports only.
    const deptList = await listRecords(db, who.department!, { kind: 'all', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(deptList.rows.map((x) => x.id)).toContain(dept.id);
    expect(deptList.rows.map((x) => x.id)).not.toContain(censure.id);
    const streetList = await listRecords(db, who.street!, { kind: 'all', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(streetList.rows.map((x) => x.id)).not.toContain(dept.id);
    // A company's report about its own staff; the other company sees none of it.
    const own = ok(await fileBadReport(db, who.company!, report(mine.id, { type: BAD_RECORD_TYPES[2] }), { today: TODAY }));
    const c2 = await listRecords(db, who.company2!, { kind: 'all', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, LIMITS);
    expect(c2.rows.map((x) => x.id)).not.toContain(own.id);
    expect(await recordVisibleTo(db, who.company2!, own.id)).toBe(false);

    const before = await footprint();
    const entered = ok(await enterBadRecord(db, who.city!, { data: { practitionerId: ofCompany2.id, type: BAD_RECORD_TYPES[0], issuer: '遂宁市住房和城乡建设局', description: '擅自占用消防通道设置收费岗亭，被予以警告', occurredOn: '2026-11-02' }, evidence: [pdf('penalty')] }, { today: TODAY }));
    expect(await recordRow(entered.id)).toMatchObject({ status: 'approved', notice_code: entered.noticeCode, decided_by: who.city!.userId });
    expect(await footprint()).toEqual({ ...before, records: before.records + 1, files: before.files + 1, notices: before.notices + 1, documents: before.documents + 1, recordAudits: before.recordAudits + 1 });
    const [notice] = await rows<{ company_id: string }>(sql`select company_id from notices where related_id = ${entered.id}`);
    expect(notice!.company_id).toBe(who.company2!.companyId);
  });

  // ---------------------------------------------------------------------------------------------------
  // SN 10: at most 100 association commendations per calendar year

  const commend = (person: string, occurredOn: string, i: number) =>
    fileAssociationCommendation(db, who.association!, { data: { practitionerId: person, description: `获遂宁市物业管理协会“年度物业服务之星”称号（第 ${i} 号）`, occurredOn }, evidence: [pdf(`c${i}`)] }, { today: TODAY });

  it('100 commendations in a year are accepted, the 101st is refused with the cap message', async () => {
    const year = 2023;
    expect(await n(sql`select count(*)::int as n from practitioner_records where type = '行业协会表彰' and extract(year from occurred_on) = ${year}`)).toBe(0);
    for (let i = 1; i <= 100; i++) {
      const r = await commend(i % 2 ? mine.id : inShehong.id, `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`, i);
      expect(r).toMatchObject({ ok: true, data: { used: i, cap: 100 } });
    }
    const before = await footprint();
    const refused = await commend(mine2.id, `${year}-12-30`, 101);
    expect(refused).toMatchObject({ ok: false, code: 'CONFLICT', message: associationCapMessage(year, defaultCreditPolicy) });
    expect(await footprint()).toEqual(before);
    // Another year is not affected; a rejected commendation frees its place.
    expect(await commend(mine2.id, '2026-10-01', 102)).toMatchObject({ ok: true });
    const [first] = await rows<{ id: string }>(sql`select id from practitioner_records where type = '行业协会表彰' and extract(year from occurred_on) = ${year} order by created_at limit 1`);
    expect(await decide(who.city!, first!.id, 'rejected', { reason: '表彰文件不全' })).toMatchObject({ ok: true });
    expect(await commend(mine2.id, `${year}-12-30`, 103)).toMatchObject({ ok: true, data: { used: 100 } });
  });

  it('commendations filed at once at the 99th place: exactly one is accepted', async () => {
    const year = 2022;
    await db.execute(sql`insert into practitioner_records (practitioner_id, kind, type, occurred_on, issuer, description, status, reported_by)
      select ${mine.id}, 'good', '行业协会表彰', ${`${year}-06-01`}::date, '遂宁市物业管理协会', '历史表彰', 'approved', ${who.association!.organisationId}
      from generate_series(1, 99)`);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => commend(i % 2 ? mine.id : inShehong.id, `${year}-12-0${i + 1}`, i)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'CONFLICT', message: associationCapMessage(year, defaultCreditPolicy) });
    expect(await n(sql`select count(*)::int as n from practitioner_records where type = '行业协会表彰' and extract(year from occurred_on) = ${year}`)).toBe(100);
  });

  // Last: it changes the policy in force for the rest of the file.
  it('a filing’s lateness keeps the policy version it was filed under: a later, laxer policy does not excuse it', async () => {
    const late = ok(await fileGoodRecord(db, who.company!, good(mine.id, { receivedOn: '2026-11-10', occurredOn: '2026-11-09' }), { today: TODAY }));
    expect(late.lateDays).toBe(8);
    expect(await n(sql`select policy_version as n from practitioner_records where id = ${late.id}`)).toBe(1);
    const saved = await savePolicyVersion(db, who.city!, { settings: { ...structuredClone(defaultCreditPolicy), goodRecordFilingDays: 20 }, reason: '好人好事报备期限放宽至 20 日', baseVersion: 1 });
    expect(saved).toMatchObject({ ok: true });
    const current = { good: 20, bad: 3 };
    const { rows } = await listRecords(db, who.chuanshan!, { kind: 'good', status: 'submitted', type: null, lateOnly: true, q: '', page: 1 }, current);
    expect(rows.find((x) => x.id === late.id)?.lateDays).toBe(8);
    // Filed under the new version, the same dates are on time.
    const now = ok(await fileGoodRecord(db, who.company!, good(mine.id, { receivedOn: '2026-11-10', occurredOn: '2026-11-09' }), { today: TODAY }));
    expect(now.lateDays).toBe(0);
    expect(await n(sql`select policy_version as n from practitioner_records where id = ${now.id}`)).toBe(2);
  });
});
