/**
 * Record → list hooks: a credit record's red or black entry follows the record in the same transaction as the
 * decision that changes it (confirmation, bureau entry, penalty publication, repair, revocation after objection).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import type { Actor } from '@/lib/auth/policy';
import { confirmCreditRecord, previewRecordConfirmation, enterPerformanceRecord, enterWarningRecord, publishPenalty, reportWarning } from '@/lib/services/credit-records';
import { applyForRepair, decideRepair } from '@/lib/services/credit-repair';
import { fileCompanyRecordObjection, handleRecordObjection } from '@/lib/services/record-objections';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const pdf = (tag: string) => ({ bytes: new Uint8Array(Buffer.from(`%PDF-1.4\n% ${tag}\n%%EOF\n`)) });
const TODAY = '2026-11-02';

interface Entry {
  list: string;
  rule: string;
  since: string;
  until: string | null;
  status: string;
  ended_on: string | null;
  end_reason: string | null;
  company_id: string;
}

describe.each(DRIVERS)('record → list hooks (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  const who: Record<string, Actor> = {};
  let tiangong: string;

  const rows = async <T,>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q));
  const entriesOf = (recordId: string) =>
    rows<Entry>(sql`select list, rule, since::text, until::text, status, ended_on::text, end_reason, company_id from list_entries
      where source_record_id = ${recordId} order by created_at`);
  const eventsOf = async (recordId: string) =>
    (await rows<{ event: string }>(sql`select e.event from list_events e join list_entries l on l.id = e.entry_id
      where l.source_record_id = ${recordId} order by e.at, e.id`)).map((e) => e.event);
  const recordOf = async (id: string) =>
    (await rows<{ public_until: string | null; min_public_until: string | null; version: number }>(
      sql`select public_until::text, min_public_until::text, version from credit_records where id = ${id}`,
    ))[0]!;

  const warning = (actor: Actor | null, over: Record<string, unknown> = {}, today = TODAY) =>
    enterWarningRecord(
      db,
      actor,
      {
        data: {
          companyId: who.company!.companyId,
          projectId: tiangong,
          type: '擅自改变共用部位用途',
          occurredOn: '2026-10-20',
          issuer: '',
          description: '将小区地下车库消防通道改作收费停车位，经责令整改后仍未恢复',
          severity: '严重',
          points: '10',
          isPenalty: false,
          decisionOn: '',
          publishNow: false,
          ...over,
        },
        evidence: [pdf('photo')],
      },
      { today },
    );
  const warningOk = async (over: Record<string, unknown> = {}, today = TODAY) => {
    const r = await warning(who.chuanshan!, over, today);
    if (!r.ok) throw new Error(`warning failed: ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.id;
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    for (const u of ['company', 'chuanshan', 'shehong', 'city', 'street']) who[u] = await actorFor(db, u);
    tiangong = (await rows<{ id: string }>(sql`select id from projects where name = '天宫花园'`))[0]!.id;
  });
  afterAll(() => t.cleanup());

  it('a 严重 warning entered by the district: on the black list the same day until its window ends', async () => {
    const id = await warningOk();
    const rec = await recordOf(id);
    expect(await entriesOf(id)).toEqual([
      { list: 'black', rule: 'severe-warning', since: TODAY, until: rec.public_until, status: 'active', ended_on: null, end_reason: null, company_id: who.company!.companyId },
    ]);
    expect(await eventsOf(id)).toEqual(['added']);
    expect(Number((await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'list.entry.open' and object_id in
      (select id::text from list_entries where source_record_id = ${id})`))[0]!.n)).toBe(1);
  });

  it('a 一般 warning puts nobody on a list; a refused entry changes nothing', async () => {
    const id = await warningOk({ severity: '一般', points: '3' });
    expect(await entriesOf(id)).toEqual([]);
    const before = (await rows<{ n: number }>(sql`select count(*)::int as n from list_entries`))[0]!.n;
    expect(await warning(null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await warning(who.company!)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await warning(who.shehong!, { projectId: tiangong })).toMatchObject({ ok: false });
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from list_entries`))[0]!.n).toBe(before);
  });

  it('a performance record entered by the bureau: on the red list for its publicity window', async () => {
    const r = await enterPerformanceRecord(
      db,
      who.chuanshan!,
      {
        data: { companyId: who.company!.companyId, projectId: tiangong, type: '市级优秀物业服务项目', occurredOn: '2026-10-15', issuer: '遂宁市住房和城乡建设局 遂住建发〔2026〕12号', description: '天宫花园获评市级优秀物业服务项目', points: '2' },
        evidence: [pdf('award')],
      },
      { today: TODAY },
    );
    expect(r.ok).toBe(true);
    const id = r.ok ? r.data.id : '';
    const rec = await recordOf(id);
    expect(rec.public_until).toBeTruthy();
    expect(await entriesOf(id)).toEqual([
      { list: 'red', rule: 'DW8-performance', since: TODAY, until: rec.public_until, status: 'active', ended_on: null, end_reason: null, company_id: who.company!.companyId },
    ]);
  });

  it('a 严重 warning reported by the street goes on the black list when the district confirms it, not before', async () => {
    const rep = await reportWarning(
      db,
      who.street!,
      {
        data: { projectId: tiangong, type: '电梯停运超过72小时未修复', occurredOn: '2026-10-28', description: '2号楼电梯停运四天，物业未组织维修，老人无法下楼', severity: '严重', proposedPoints: '8' },
        evidence: [pdf('photo')],
      },
      { today: '2026-10-29' },
    );
    expect(rep.ok).toBe(true);
    const id = rep.ok ? rep.data.id : '';
    expect(await entriesOf(id)).toEqual([]);
    const input = { id, expectedVersion: (await recordOf(id)).version, points: '8', severity: '严重' };
    const p = await previewRecordConfirmation(db, who.chuanshan!, input, { today: TODAY });
    // The check-your-answers step names the list the record puts the company on, with the window it then gets.
    expect(p).toMatchObject({ ok: true, data: { plan: { list: { list: 'black', since: TODAY } } } });
    const c = await confirmCreditRecord(db, who.chuanshan!, { ...input, fingerprint: p.ok ? p.data.fingerprint : '' }, { today: TODAY });
    expect(c).toMatchObject({ ok: true });
    expect(await entriesOf(id)).toMatchObject([{ list: 'black', rule: 'severe-warning', since: TODAY, until: (await recordOf(id)).public_until, status: 'active' }]);
    expect(p.ok && p.data.plan.list!.until).toBe((await recordOf(id)).public_until);
  });

  it('a 严重 penalty waits off the list until it is published, then goes on from the publication day', async () => {
    const id = await warningOk({ isPenalty: true, decisionOn: '2026-10-30', issuer: '遂宁市船山区住房和城乡建设局 船住建罚〔2026〕3号', publishNow: false });
    expect(await entriesOf(id)).toEqual([]);
    const p = await publishPenalty(db, who.chuanshan!, { id, expectedVersion: (await recordOf(id)).version }, { today: '2026-11-03' });
    expect(p).toMatchObject({ ok: true });
    expect(await entriesOf(id)).toMatchObject([{ list: 'black', rule: 'severe-warning', since: '2026-11-03', status: 'active' }]);
  });

  it('an approved credit repair ends the black entry with the reason; the entry and its history stay', async () => {
    const id = await warningOk({ occurredOn: '2025-09-01' }, '2025-09-03');
    const rec = await recordOf(id);
    expect(await entriesOf(id)).toMatchObject([{ status: 'active', since: '2025-09-03' }]);
    const applied = await applyForRepair(
      db,
      who.company!,
      { data: { recordId: id, rectification: '已恢复消防通道，拆除收费道闸，业主委员会书面确认。' }, evidence: [pdf('fixed')], commitment: pdf('promise') },
      { today: rec.min_public_until! },
    );
    expect(applied.ok).toBe(true);
    const sid = applied.ok ? applied.data.id : '';
    const sv = (await rows<{ version: number }>(sql`select version from submissions where id = ${sid}`))[0]!.version;
    // A refused decision leaves the entry as it was.
    expect(await decideRepair(db, who.shehong!, { id: sid, expectedVersion: sv, decision: 'approved', reason: '' }, { today: rec.min_public_until! })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await entriesOf(id)).toMatchObject([{ status: 'active', ended_on: null }]);
    expect(await decideRepair(db, who.chuanshan!, { id: sid, expectedVersion: sv, decision: 'approved', reason: '' }, { today: rec.min_public_until! })).toMatchObject({ ok: true });
    expect(await entriesOf(id)).toMatchObject([{ status: 'removed', ended_on: rec.min_public_until, end_reason: '已完成信用修复，移出' }]);
    expect(await eventsOf(id)).toEqual(['added', 'removed']);
  });

  it('a record revoked after the company’s objection ends its entry with the reason', async () => {
    const id = await warningOk({ type: '未按规定公示收费项目' });
    expect(await entriesOf(id)).toMatchObject([{ status: 'active' }]);
    const filed = await fileCompanyRecordObjection(db, who.company!, { data: { recordId: id, reason: '收费项目已在小区公告栏和业主群公示，附公示照片' }, evidence: [pdf('notice')] });
    expect(filed.ok).toBe(true);
    const c = (await rows<{ id: string; version: number }>(sql`select id, version from cases where kind = 'objection' and subject_id = ${id}`))[0]!;
    const revoke = (actor: Actor) => handleRecordObjection(db, actor, { action: 'revoke', caseId: c.id, version: c.version, note: '经核查企业已按规定公示，撤销该记录' }, { today: '2026-11-05' });
    expect(await revoke(who.shehong!)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await entriesOf(id)).toMatchObject([{ status: 'active' }]);
    expect(await revoke(who.chuanshan!)).toMatchObject({ ok: true });
    expect(await entriesOf(id)).toMatchObject([{ status: 'removed', ended_on: '2026-11-05', end_reason: '经异议核查撤销该信用记录，移出' }]);
  });

  it('a severity corrected after an objection from 严重 to 一般 ends the black entry', async () => {
    const id = await warningOk({ type: '装修垃圾未及时清运' });
    await fileCompanyRecordObjection(db, who.company!, { data: { recordId: id, reason: '垃圾已于次日清运，情节不属严重' }, evidence: [pdf('receipt')] });
    const c = (await rows<{ id: string; version: number }>(sql`select id, version from cases where kind = 'objection' and subject_id = ${id}`))[0]!;
    const r = await handleRecordObjection(db, who.chuanshan!, { action: 'correct', caseId: c.id, version: c.version, severity: '一般', note: '情节认定有误，更正为一般' }, { today: '2026-11-06' });
    expect(r).toMatchObject({ ok: true });
    expect(await entriesOf(id)).toMatchObject([{ status: 'removed', ended_on: '2026-11-06', end_reason: '信用记录经核查更正，不再符合列入条件' }]);
  });
});
