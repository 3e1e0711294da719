/**
 * Departments feed company credit information (DW 8.1.4, ZJ 10; issue 17 item 7): a department submits a
 * company's penalty, warning or commendation with evidence; the bureau confirms it in its existing queue (severity,
 * points, window, publication) or declines it with a reason; the department sees the outcome. A department sees
 * only its own submissions, sets no points and confirms nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getCreditRecordInScope, listDepartmentSubmissions, listPendingCreditRecords, searchApprovedCompanies } from '@/db/queries/credit-records';
import { getPublicCompany } from '@/db/queries/public-companies';
import type { Actor } from '@/lib/auth/policy';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { departmentOutcome } from '@/lib/domain/department-credit';
import { confirmCreditRecord, previewRecordConfirmation, rejectCreditRecord } from '@/lib/services/credit-records';
import { submitDepartmentCredit } from '@/lib/services/department-credit';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)), filename: `${tag}.pdf` });
const TODAY = '2026-11-20';
const CHUANSHAN = '510903';
const ORG_NAME = '遂宁市市场监督管理局';

describe.each(DRIVERS)('department credit information (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let companyId: string;
  let companyUscc: string;
  let unapproved: string;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]!.n);
  const footprint = async () => ({
    records: await rows(sql`select id, status, version, points::text, severity, published_on::text from credit_records order by id`),
    submissions: await n(sql`select count(*)::int as n from submissions`),
    attachments: await n(sql`select count(*)::int as n from attachments`),
    notices: await n(sql`select count(*)::int as n from notices`),
    audit: await n(sql`select count(*)::int as n from audit_events where action <> 'access.out_of_scope'`),
  });
  const form = (over: Record<string, unknown> = {}) => ({
    companyId,
    kind: 'penalty',
    type: '未按规定明码标价',
    documentNumber: '遂市监罚〔2026〕12号',
    occurredOn: '2026-11-18',
    description: '该企业在天宫花园收取停车费未按规定明码标价，依据《价格法》第四十二条责令改正并处罚款。',
    ...over,
  });
  const submit = (actor: Actor | null, over: Record<string, unknown> = {}, evidence = [pdf('decision')], today = TODAY) =>
    submitDepartmentCredit(db, actor, { data: form(over), evidence }, { today });
  const submitOk = async (over: Record<string, unknown> = {}, today = TODAY, actor = who.department!) => {
    const r = await submit(actor, over, [pdf('decision')], today);
    if (!r.ok) throw new Error(`submit failed: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.id;
  };
  const versionOf = async (id: string) => (await rows<{ version: number }>(sql`select version from credit_records where id = ${id}`))[0]!.version;
  const record = async (id: string) =>
    (
      await rows<Record<string, unknown>>(sql`select status, category, type, is_penalty, decision_on::text, issuer, proposed_points, points::text, severity,
        reported_by, published_on::text, public_until::text, decision_reason from credit_records where id = ${id}`)
    )[0]!;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['department', 'chuanshan', 'shehong', 'city', 'company', 'street']) who[u] = await actorFor(db, u);
    companyId = who.company!.companyId!;
    companyUscc = (await rows<{ uscc: string }>(sql`select uscc from companies where id = ${companyId}`))[0]!.uscc;
    unapproved = (await rows<{ id: string }>(sql`select id from companies where filing_status <> 'approved' order by id limit 1`))[0]!.id;
    // A second department, to prove one department never sees another's submissions.
    const [org] = await rows<{ id: string }>(sql`insert into organisations (kind, name, region_id) values ('department', '遂宁市城市管理综合行政执法局', ${'510900'}) returning id`);
    await db.execute(sql`insert into users (username, display_name, password_hash, role, organisation_id) values ('department2', '执法局用户', 'x', 'department', ${org!.id})`);
    who.department2 = await actorFor(db, 'department2');
  });
  afterAll(() => t.cleanup());

  it('searches approved companies only, city-wide, by name or the start of the credit code', async () => {
    const byCode = await searchApprovedCompanies(db, companyUscc.slice(0, 12));
    expect(byCode.map((c) => c.id)).toContain(companyId);
    const [u] = await rows<{ name: string }>(sql`select name from companies where id = ${unapproved}`);
    expect((await searchApprovedCompanies(db, u!.name)).map((c) => c.id)).not.toContain(unapproved);
  });

  it('a penalty waits in the bureau’s queue, named by the department, without points or severity; the department is the issuer', async () => {
    const id = await submitOk({ points: '20', proposedPoints: '15', severity: '严重', reportedBy: who.street!.organisationId });
    expect(await record(id)).toMatchObject({
      status: 'submitted',
      category: 'warning',
      is_penalty: true,
      decision_on: '2026-11-18',
      issuer: `${ORG_NAME} 遂市监罚〔2026〕12号`,
      proposed_points: null,
      points: null,
      severity: null,
      reported_by: who.department!.organisationId,
      published_on: null,
    });
    expect(await n(sql`select count(*)::int as n from attachments where owner_type = 'credit_record' and owner_id = ${id}`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from submissions where subject_id = ${id} and type = 'warning_record' and district_id = ${CHUANSHAN}`)).toBe(1);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'credit.department.submitted' and object_id = ${id} and actor_id = ${who.department!.userId}`)).toBe(1);
    const queue = await listPendingCreditRecords(db, who.chuanshan!, TODAY);
    expect(queue.find((r) => r.id === id)).toMatchObject({ reporterName: ORG_NAME, isPenalty: true, proposedPoints: null });
    expect((await listPendingCreditRecords(db, who.city!, TODAY)).map((r) => r.id)).toContain(id);
    expect((await listPendingCreditRecords(db, who.shehong!, TODAY)).map((r) => r.id)).not.toContain(id);
    expect((await getPublicCompany(db, companyUscc, { today: TODAY }))!.creditRecords.map((r) => r.id)).not.toContain(id);
  });

  it('a department sees its own submissions only: another department, the street and a company get nothing', async () => {
    const id = await submitOk({ kind: 'warning', type: '消防设施未保持完好有效', documentNumber: '遂消通〔2026〕3号' });
    expect((await listDepartmentSubmissions(db, who.department!)).map((r) => r.id)).toContain(id);
    expect(await getCreditRecordInScope(db, who.department!, id)).toMatchObject({ id, reporterName: ORG_NAME });
    expect(await listDepartmentSubmissions(db, who.department2!)).toEqual([]);
    expect(await getCreditRecordInScope(db, who.department2!, id)).toBeNull();
    expect(await getCreditRecordInScope(db, who.street!, id)).toBeNull();
    expect(await listDepartmentSubmissions(db, who.street!)).toEqual([]);
    // The company sees records about itself (its file), as for every source.
    expect(await getCreditRecordInScope(db, who.company!, id)).not.toBeNull();
  });

  it('refuses anonymous and other roles, and an unapproved or unknown company, writing nothing', async () => {
    const before = await footprint();
    expect(await submit(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    for (const u of ['street', 'company', 'chuanshan', 'city']) expect(await submit(who[u]!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await submit(who.department!, { companyId: unapproved })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await submit(who.department!, { companyId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
  });

  it('validates at the field in Chinese: kind, document number, a date not after today, evidence required', async () => {
    const before = await footprint();
    expect(await submit(who.department!, { kind: 'reward', documentNumber: '' })).toMatchObject({
      ok: false,
      code: 'INVALID',
      fieldErrors: { kind: ['请选择信息类别（行政处罚、警示信息或表彰）'], documentNumber: expect.arrayContaining(['请填写文号']) },
    });
    expect(await submit(who.department!, { occurredOn: '2026-11-21' })).toMatchObject({ ok: false, fieldErrors: { occurredOn: ['决定或发文日期不能晚于今天'] } });
    expect(await submit(who.department!, {}, [])).toMatchObject({ ok: false, fieldErrors: { evidence: [expect.stringContaining('请上传证据材料')] } });
    expect(await footprint()).toEqual(before);
  });

  /** A warning is confirmed as the page does it: its check-your-answers step, then the confirmation with the fingerprint. */
  const confirmChecked = async (actor: Actor, input: Record<string, unknown>, today: string) => {
    const p = await previewRecordConfirmation(db, actor, input, { today });
    if (!p.ok) throw new Error(p.message);
    return confirmCreditRecord(db, actor, { ...input, fingerprint: p.data.fingerprint }, { today });
  };

  it('the department cannot confirm or decline (its own or any), nor set points: nothing changes', async () => {
    const id = await submitOk();
    const before = await footprint();
    const v = await versionOf(id);
    expect(await confirmCreditRecord(db, who.department!, { id, expectedVersion: v, points: '1', severity: '轻微' }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await rejectCreditRecord(db, who.department!, { id, expectedVersion: v, reason: '本部门撤回该信息' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await confirmCreditRecord(db, who.department2!, { id, expectedVersion: v, points: '1', severity: '轻微' }, { today: TODAY })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // Another district's bureau does not have it.
    expect(await confirmCreditRecord(db, who.shehong!, { id, expectedVersion: v, points: '1', severity: '轻微' }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await footprint()).toEqual(before);
  });

  it('船山区 confirms with severity and points: published today with its window, on the public profile; the department sees it confirmed and public', async () => {
    const id = await submitOk();
    const r = await confirmChecked(who.chuanshan!, { id, expectedVersion: await versionOf(id), points: '4', severity: '一般' }, '2026-11-24');
    expect(r).toMatchObject({ ok: true });
    expect(await record(id)).toMatchObject({ status: 'approved', points: '4.00', severity: '一般', published_on: '2026-11-24', public_until: '2027-11-24' });
    // The 7-working-day deadline of CQ 三.(四) from the decision (2026-11-18) was kept.
    const [a] = await rows<{ after: Record<string, unknown> }>(sql`select after from audit_events where action = 'credit.record.confirmed' and object_id = ${id}`);
    expect(a!.after).toMatchObject({ late: false, severity: '一般' });
    const pub = (await getPublicCompany(db, companyUscc, { today: '2026-11-24' }))!.creditRecords.find((x) => x.id === id);
    expect(pub).toMatchObject({ issuer: `${ORG_NAME} 遂市监罚〔2026〕12号`, isPenalty: true, severity: '一般' });
    const mine = (await listDepartmentSubmissions(db, who.department!)).find((x) => x.id === id)!;
    expect(departmentOutcome(mine, '2026-11-24', defaultCreditPolicy)).toMatchObject({ state: 'confirmed', isPublic: true });
    // Notified like every confirmed warning (两书同达).
    expect(await n(sql`select count(*)::int as n from notices where kind = 'record_notice' and related_id = ${id} and company_id = ${companyId}`)).toBe(1);
  });

  it('a penalty confirmed after its 7-working-day deadline is recorded as late', async () => {
    const id = await submitOk({ occurredOn: '2026-11-02' });
    expect(await confirmChecked(who.city!, { id, expectedVersion: await versionOf(id), points: '5', severity: '一般' }, TODAY)).toMatchObject({ ok: true });
    const [a] = await rows<{ after: Record<string, unknown> }>(sql`select after from audit_events where action = 'credit.record.confirmed' and object_id = ${id}`);
    expect(a!.after).toMatchObject({ late: true });
  });

  it('a commendation is performance information: confirmed with points it is public as a red record', async () => {
    const id = await submitOk({ kind: 'commendation', type: '市级消费者满意单位', documentNumber: '遂市监〔2026〕88号', description: '该企业获评2026年度遂宁市消费者满意单位，服务投诉办结率100%。' });
    expect(await record(id)).toMatchObject({ category: 'performance', is_penalty: false, decision_on: null });
    expect(await n(sql`select count(*)::int as n from submissions where subject_id = ${id} and type = 'performance_record'`)).toBe(1);
    expect(await confirmCreditRecord(db, who.chuanshan!, { id, expectedVersion: await versionOf(id), points: '2', severity: '' }, { today: TODAY })).toMatchObject({ ok: true });
    expect(await record(id)).toMatchObject({ status: 'approved', points: '2.00', severity: null, published_on: TODAY });
    expect((await getPublicCompany(db, companyUscc, { today: TODAY }))!.creditRecords.map((r) => r.id)).toContain(id);
  });

  it('declined: the department reads the bureau’s reason; nothing public', async () => {
    const id = await submitOk({ kind: 'warning', type: '电梯维保记录不全', documentNumber: '遂市监特〔2026〕7号' });
    expect(await rejectCreditRecord(db, who.chuanshan!, { id, expectedVersion: await versionOf(id), reason: '该企业已于发文前整改完毕，不予记录' })).toMatchObject({ ok: true });
    const mine = (await listDepartmentSubmissions(db, who.department!)).find((x) => x.id === id)!;
    expect(departmentOutcome(mine, TODAY, defaultCreditPolicy)).toEqual({ state: 'rejected', text: '未予采纳：该企业已于发文前整改完毕，不予记录', isPublic: false });
    expect((await getPublicCompany(db, companyUscc, { today: TODAY }))!.creditRecords.map((r) => r.id)).not.toContain(id);
  });
});
