import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublicProject } from '@/db/queries/public-projects';
import { chinaDate } from '@/lib/domain/china-day';
import { DAILY_STEPS, mailInboxItems, runDailyJobs, type DailyStep } from '@/lib/jobs/daily';
import { smtpEmailSender } from '@/lib/messaging/email';
import { decideContract, registerContract } from '@/lib/services/contracts';
import { openListEntry } from '@/lib/services/list-entries';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const CHUANSHAN = '510903';
/** 2027-01-01 00:00 China time, and the last second before it. */
const MIDNIGHT = new Date('2026-12-31T16:00:00Z');
const BEFORE_MIDNIGHT = new Date('2026-12-31T15:59:59Z');
const SYSTEM = { label: '测试' };

describe.each(DRIVERS)('daily jobs (%s)', (driver) => {
  let t: TestDb;
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await t.handle.db.execute(query));
  const one = async <T>(query: ReturnType<typeof sql>) => (await q<T>(query))[0]!;
  const actor = (u: string) => actorFor(t.handle.db, u);
  const run = (at: Date, opts: { steps?: DailyStep[]; force?: boolean } = {}) =>
    runDailyJobs(t.handle.db, { today: chinaDate(at), now: at }, opts);
  /** Everything a daily run may change. */
  const state = async () => ({
    contracts: await q(sql`select id, status, version from service_contracts order by id`),
    projects: await q(sql`select id, current_company_id from projects order by id`),
    entries: await q(sql`select id, status, ended_on::text from list_entries order by id`),
    events: await one<{ n: number }>(sql`select count(*)::int as n from list_events`),
    inbox: await one<{ n: number }>(sql`select count(*)::int as n from inbox_items`),
    mailed: await one<{ n: number }>(sql`select count(*)::int as n from inbox_items where mailed_at is not null`),
    outbox: await one<{ n: number }>(sql`select count(*)::int as n from outbox_messages`),
    audit: await one<{ n: number }>(sql`select count(*)::int as n from audit_events`),
  });

  let projectId: string;
  let oldContractId: string;
  let newContractId: string;
  let company2Id: string;
  let expiringEntry: string;
  let threePoorEntry: string;
  let soonSubmission: string;

  beforeAll(async () => {
    t = await openSeededDb(driver);
    const company = await actor('company');
    const company2 = await actor('company2');
    company2Id = company2.companyId!;
    // An estate of `company` in 船山区 whose contract ends on 2026-12-31 and has no other live contract.
    const c = await one<{ id: string; project_id: string }>(sql`
      select c.id, c.project_id from service_contracts c join projects p on p.id = c.project_id
      where c.company_id = ${company.companyId} and c.status = 'confirmed' and p.district_id = ${CHUANSHAN}
        and p.current_company_id = ${company.companyId}
        and not exists (select 1 from service_contracts o where o.project_id = c.project_id and o.id <> c.id and o.status in ('pending', 'confirmed'))
      order by p.name limit 1`);
    projectId = c.project_id;
    oldContractId = c.id;
    await t.handle.db.execute(sql`update service_contracts set start_date = '2024-01-01', end_date = '2026-12-31' where id = ${oldContractId}`);
    // company2 wins the next term from 2027-01-01; the district confirms it a month ahead.
    const reg = await registerContract(
      t.handle.db,
      company2,
      { projectId, startDate: '2027-01-01', endDate: '2029-12-31', annualFees: '1000000', bondAmount: '60000' },
      { today: '2026-12-01' },
    );
    expect(reg).toMatchObject({ ok: true });
    newContractId = (reg as { data: { id: string } }).data.id;
    const dec = await decideContract(t.handle.db, await actor('chuanshan'), { id: newContractId, version: 1, decision: 'confirm' }, { today: '2026-12-01' });
    expect(dec).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    // A list entry whose date out is 2027-01-01, and a three-差 entry past its date (stays until the inspection).
    const policy = await one<{ v: number }>(sql`select max(version)::int as v from credit_policies`);
    expiringEntry = await openListEntry(t.handle.db, SYSTEM, {
      companyId: company2Id, rule: 'DW8-performance', reason: '测试业绩', since: '2026-01-01', until: '2027-01-01', policyVersion: policy.v,
    });
    threePoorEntry = await openListEntry(t.handle.db, SYSTEM, {
      companyId: company2Id, projectId, rule: 'DW14-three-poor', reason: '测试三差', since: '2026-06-01', until: '2026-12-01', policyVersion: policy.v, status: 'active',
    });
    // A pending contract of `company` elsewhere whose decision is due 2027-01-03: "due in 3 days" for 船山区.
    const other = await one<{ id: string }>(sql`select p.id from projects p where p.district_id = ${CHUANSHAN} and p.id <> ${projectId}
      and not exists (select 1 from service_contracts o where o.project_id = p.id and o.status in ('pending', 'confirmed') and o.end_date >= '2030-01-01') order by p.name limit 1`);
    const pend = await registerContract(
      t.handle.db, company,
      { projectId: other.id, startDate: '2030-01-01', endDate: '2032-12-31', annualFees: '1000000', bondAmount: '60000' },
      { today: '2026-12-01' },
    );
    expect(pend).toMatchObject({ ok: true });
    soonSubmission = (await one<{ id: string }>(sql`select id from submissions where subject_id = ${(pend as { data: { id: string } }).data.id}`)).id;
    await t.handle.db.execute(sql`update submissions set decide_by = '2027-01-03' where id = ${soonSubmission}`);
  });
  afterAll(() => t?.cleanup());

  it('a confirmed contract with a future start does not take over before its start (15:59:59 UTC is still 2026-12-31)', async () => {
    expect(await one(sql`select current_company_id from projects where id = ${projectId}`)).not.toMatchObject({ current_company_id: company2Id });
    const r = await run(BEFORE_MIDNIGHT);
    expect(r).toMatchObject({ status: 'done', today: '2026-12-31', error: null });
    expect(await one<{ current_company_id: string }>(sql`select current_company_id from projects where id = ${projectId}`)).not.toMatchObject({
      current_company_id: company2Id,
    });
    expect(await one(sql`select status from service_contracts where id = ${oldContractId}`)).toEqual({ status: 'confirmed' });
    expect(await one(sql`select status from list_entries where id = ${expiringEntry}`)).toEqual({ status: 'active' });
  });

  it('the run escalates the overdue rectification order (SN 24) to a public 通报批评, once', async () => {
    // The demo city has one order past its deadline (2026-10-22) and not escalated; the run of 2026-12-31 did it.
    const rows = await q<{ criticized_on: string; criticism_code: string }>(
      sql`select criticized_on::text, criticism_code from rectification_orders where due_on < '2026-12-31' and status <> 'accepted'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatchObject({ criticized_on: '2026-12-31', criticism_code: expect.any(String) });
    const run0 = await one<{ counts: Record<string, { changed: number }> }>(sql`select counts from job_runs where job = 'daily' and run_date = '2026-12-31'`);
    expect(run0.counts.rectifications).toEqual({ changed: rows.length });
    expect(await one(sql`select count(*)::int as n from documents where kind = 'criticism_notice'`)).toEqual({ n: rows.length });
  });

  it('after the run at 00:00 China time on 2027-01-01 it takes over: estate, old contract ended, audit, inbox', async () => {
    const r = await run(MIDNIGHT);
    expect(r).toMatchObject({ status: 'done', today: '2027-01-01', error: null });
    if (r.status !== 'done') throw new Error('not run');
    expect((r.counts.contracts as { changed: number }).changed).toBeGreaterThanOrEqual(1);
    expect(await one(sql`select current_company_id from projects where id = ${projectId}`)).toEqual({ current_company_id: company2Id });
    expect(await one(sql`select status from service_contracts where id = ${oldContractId}`)).toEqual({ status: 'ended' });
    expect(await one(sql`select status from service_contracts where id = ${newContractId}`)).toEqual({ status: 'confirmed' });
    const a = await one<{ actor_label: string; actor_id: string | null; after: { projectCompanyId: string; endedContracts: string[] } }>(
      sql`select actor_label, actor_id, after from audit_events where action = 'contract.took_over' and object_id = ${newContractId}`,
    );
    expect(a).toMatchObject({ actor_label: '系统（每日定时任务）', actor_id: null, after: { projectCompanyId: company2Id, endedContracts: [oldContractId] } });
    // the public estate page names the new company
    const company2Name = (await one<{ name: string }>(sql`select name from companies where id = ${company2Id}`)).name;
    expect(await getPublicProject(t.handle.db, projectId)).toMatchObject({ company: { name: company2Name }, contract: { startDate: '2027-01-01', endDate: '2029-12-31' } });
    expect(await one(sql`select count(*)::int as n from inbox_items where kind = 'contract_started' and audience = 'company' and audience_id = ${company2Id}`)).toEqual({ n: 1 });
    const run1 = await one<{ finished: boolean; error: string | null; counts: Record<string, { changed: number }> }>(
      sql`select finished_at is not null as finished, error, counts from job_runs where job = 'daily' and run_date = '2027-01-01'`,
    );
    expect(run1).toMatchObject({ finished: true, error: null });
    expect(Object.keys(run1.counts).sort()).toEqual(DAILY_STEPS.map((s) => s.name).sort());
  });

  it('ends a list entry on its date out as expired, with a list event and the stored date, leaving the three-差 entry', async () => {
    expect(await one(sql`select status, ended_on::text as ended_on, end_reason from list_entries where id = ${expiringEntry}`)).toEqual({
      status: 'expired', ended_on: '2027-01-01', end_reason: '公示期满，自动移出',
    });
    expect(await one(sql`select count(*)::int as n from list_events where entry_id = ${expiringEntry} and event = 'expired'`)).toEqual({ n: 1 });
    expect(await one(sql`select status from list_entries where id = ${threePoorEntry}`)).toEqual({ status: 'active' });
    expect(await one(sql`select count(*)::int as n from audit_events where action = 'list.entry.end' and object_id = ${expiringEntry} and actor_label = '系统（每日定时任务）'`)).toEqual({ n: 1 });
  });

  it('puts a decision due within 3 days into the district inbox once', async () => {
    const items = await q<{ audience: string; audience_id: string; due_on: string; kind: string }>(
      sql`select audience, audience_id, due_on::text, kind from inbox_items where dedupe_key like ${'soon:submission_decision:' + soonSubmission + '%'}`,
    );
    expect(items).toEqual([{ audience: 'district', audience_id: CHUANSHAN, due_on: '2027-01-03', kind: 'deadline_soon' }]);
  });

  it('a second run for the same date is a no-op, and a forced one changes nothing (idempotent steps)', async () => {
    const before = await state();
    expect(await run(MIDNIGHT)).toEqual({ status: 'skipped', today: '2027-01-01', reason: 'done' });
    // A later instant of the same China day is the same date.
    expect(await run(new Date('2027-01-01T15:59:59Z'))).toMatchObject({ status: 'skipped', reason: 'done' });
    expect(await state()).toEqual(before);
    const forced = await run(MIDNIGHT, { force: true });
    expect(forced).toMatchObject({ status: 'done', error: null });
    if (forced.status !== 'done') throw new Error('not run');
    for (const c of Object.values(forced.counts)) expect(c).toMatchObject({ changed: 0 });
    expect(await state()).toEqual(before);
  });

  it('the next day finds the overdue decision and tells the district; the run of each date is recorded', async () => {
    await t.handle.db.execute(sql`update submissions set decide_by = '2027-01-01' where id = ${soonSubmission}`);
    const r = await run(new Date('2027-01-01T16:00:00Z'));
    expect(r).toMatchObject({ status: 'done', today: '2027-01-02' });
    expect(await one(sql`select count(*)::int as n from inbox_items where kind = 'deadline_overdue' and dedupe_key like ${'overdue:submission_decision:' + soonSubmission + '%'} and audience_id = ${CHUANSHAN}`)).toEqual({ n: 1 });
    expect(await q(sql`select run_date::text from job_runs where job = 'daily' order by run_date`)).toEqual([
      { run_date: '2026-12-31' }, { run_date: '2027-01-01' }, { run_date: '2027-01-02' },
    ]);
  });

  it('two concurrent runs for one date: exactly one does the work', async () => {
    let calls = 0;
    const counting: DailyStep[] = [{ name: 'count', run: async () => ({ changed: ++calls }) }];
    const at = new Date('2027-01-05T01:00:00Z');
    const [a, b] = await Promise.all([run(at, { steps: counting }), run(at, { steps: counting })]);
    expect([a.status, b.status].sort()).toEqual(['done', 'skipped']);
    expect(calls).toBe(1);
  });

  it('a failed step is recorded, the others still run, and the date may be run again', async () => {
    const ran: string[] = [];
    const steps: DailyStep[] = [
      { name: 'boom', run: async () => { throw new Error('step broke'); } },
      { name: 'after', run: async () => { ran.push('after'); return { changed: 0 }; } },
    ];
    const at = new Date('2027-01-06T01:00:00Z');
    const r = await run(at, { steps });
    expect(r).toMatchObject({ status: 'done', error: 'boom: step broke' });
    expect(ran).toEqual(['after']);
    expect(await run(at, { steps: [steps[1]!] })).toMatchObject({ status: 'done', error: null });
    expect(await run(at, { steps })).toMatchObject({ status: 'skipped', reason: 'done' });
  });

  it('mails inbox items to accounts with an address through a real nodemailer transport, once', async () => {
    const companyUser = await actor('company2');
    await t.handle.db.execute(sql`update users set email = 'ops@company2.example.cn' where id = ${companyUser.userId}`);
    await t.handle.db.execute(sql`update inbox_items set mailed_at = null where audience = 'company' and audience_id = ${company2Id}`);
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const step = mailInboxItems(() => smtpEmailSender(transport, '平台 <noreply@example.cn>'));
    const ctx = { today: '2027-01-07', now: new Date('2027-01-06T17:00:00Z') };
    const first = await step(t.handle.db, ctx);
    expect(first.changed).toBeGreaterThanOrEqual(1);
    const sent = await q<{ status: string; channel: string; subject: string }>(
      sql`select status, channel, subject from outbox_messages where recipient = 'ops@company2.example.cn'`,
    );
    expect(sent.length).toBe(first.changed);
    expect(sent.every((m) => m.status === 'sent' && m.channel === 'email')).toBe(true);
    expect(sent.some((m) => m.subject.includes('物业服务合同自 2027-01-01 起生效'))).toBe(true);
    expect(await step(t.handle.db, ctx)).toMatchObject({ changed: 0 });
    // An unreachable SMTP server: recorded as failed, the item not retried forever.
    await t.handle.db.execute(sql`update inbox_items set mailed_at = null where dedupe_key = ${'contract_started:' + newContractId}`);
    const dead = nodemailer.createTransport({ host: '127.0.0.1', port: 9, connectionTimeout: 2000 });
    const failed = await mailInboxItems(() => smtpEmailSender(dead, 'noreply@example.cn'))(t.handle.db, ctx);
    expect(failed.changed).toBe(1);
    expect(await one(sql`select status from outbox_messages where recipient = 'ops@company2.example.cn' order by created_at desc, status limit 1`)).toEqual({ status: 'failed' });
  });
});
