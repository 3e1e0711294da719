import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDbHandleForTests, type Db } from '@/db';
import { drawCandidates, getDrawInScope, getPublishedDraw, itemsOfDraw, listDraws, listPublishedDraws } from '@/db/queries/spot-checks';
import type { Actor } from '@/lib/auth/policy';
import { draw, sameResult, weightOf } from '@/lib/domain/spot-check';
import { drawSpotCheck, enterSpotCheckResult, publishSpotCheck, rerunPastedDraw, RERUN_LIMIT, saveInspector } from '@/lib/services/spot-checks';
import { GET as inputsGET } from '@/app/(public)/spot-checks/[id]/inputs.json/route';
import { actorFor } from './helpers/actors';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-20';
const NOW = new Date('2026-11-20T02:00:00.000Z');
const CHUANSHAN = '510903';
const bytes = (b: number) => () => new Uint8Array(32).fill(b);

const form = (over: Record<string, unknown> = {}) => ({
  title: '2026年第四季度船山区住宅小区双随机抽查',
  quarter: '2026Q4',
  population: 'estate',
  districtId: CHUANSHAN,
  sampleSize: '3',
  perItem: '2',
  avoidOwnDistrict: 'on',
  publicSeed: '',
  confirm: 'true',
  ...over,
});

describe.each(DRIVERS)('双随机 spot checks (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let city: Actor, chuanshan: Actor, shehong: Actor, company: Actor;

  const q = async <T,>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));
  const n = async (query: ReturnType<typeof sql>) => Number((await q<{ n: number }>(query))[0]!.n);
  const footprint = async () => ({
    draws: await n(sql`select count(*)::int as n from spot_checks`),
    items: await q(sql`select id, version, score::text as s from spot_check_items order by id`),
    inspectors: await q(sql`select id, version, active from inspectors order by id`),
    ratings: await q(sql`select project_id, year, quarter, inspection_score::text as s from estate_ratings where year = 2026 and quarter >= 3 order by project_id, quarter`),
    audit: await n(sql`select count(*)::int as n from audit_events where action like 'spotcheck.%' or action like 'inspector.%'`),
  });

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [city, chuanshan, shehong, company] = await Promise.all(['city', 'chuanshan', 'shehong', 'company'].map((u) => actorFor(db, u)));
  });
  afterAll(() => t.cleanup());

  it('the demo city has a roster and a published past draw that re-runs to its stored result', async () => {
    expect(await n(sql`select count(*)::int as n from inspectors where active`)).toBeGreaterThanOrEqual(6);
    const { rows } = await listPublishedDraws(db, 1);
    expect(rows.length).toBe(1);
    const d = (await getPublishedDraw(db, rows[0]!.id))!;
    expect(d.result.items.length).toBe(d.inputs.sampleSize);
    expect(sameResult(draw(d.seed, d.inputs), d.result)).toBe(true);
  });

  it('anonymous, a district and a company cannot draw, publish or keep the roster: nothing written', async () => {
    const before = await footprint();
    for (const who of [null, chuanshan, company]) {
      expect((await drawSpotCheck(db, who, form(), { today: TODAY, now: NOW, randomBytes: bytes(1) })).ok).toBe(false);
      expect((await saveInspector(db, who, { name: '甲', unit: '乙', districtId: '', active: 'on' })).ok).toBe(false);
    }
    expect((await drawSpotCheck(db, null, form(), { today: TODAY })) as { code: string }).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await drawSpotCheck(db, chuanshan, form(), { today: TODAY })) as { code: string }).toMatchObject({ code: 'FORBIDDEN' });
    const { rows } = await listPublishedDraws(db, 1);
    expect((await publishSpotCheck(db, company, { id: rows[0]!.id, version: 1 })) as { code: string }).toMatchObject({ code: 'FORBIDDEN' });
    expect(await footprint()).toEqual(before);
  });

  it('check your answers first: the population, weights and sample size, nothing written', async () => {
    const before = await footprint();
    const r = await drawSpotCheck(db, city, form({ confirm: '' }), { today: TODAY, now: NOW });
    expect(r.ok).toBe(true);
    if (!r.ok || r.data.stage !== 'confirm') throw new Error('expected the confirm step');
    expect(r.data.populationSize).toBeGreaterThan(3);
    expect(r.data.sampleSize).toBe(3);
    expect(r.data.weights.reduce((s, w) => s + w.count, 0)).toBe(r.data.populationSize);
    expect(await footprint()).toEqual(before);
  });

  it('companies can be the population too (those serving an estate), with their weight facts', async () => {
    const r = await drawSpotCheck(db, city, form({ population: 'company', districtId: '', sampleSize: '2', confirm: '' }), { today: TODAY, now: NOW });
    if (!r.ok || r.data.stage !== 'confirm') throw new Error(JSON.stringify(r));
    const companies = await drawCandidates(db, 'company', null, TODAY);
    expect(r.data.populationSize).toBe(companies.length);
    expect(companies.some((c) => c.grade !== null)).toBe(true);
    expect(companies.some((c) => c.blackList)).toBe(true);
  });

  it('key supervision raises an estate’s weight (DW 14 (三)1)', async () => {
    const before = await drawCandidates(db, 'estate', CHUANSHAN, TODAY);
    const plain = before.find((c) => !c.keySupervision && c.companyId)!;
    await db.execute(
      sql`insert into company_flags (company_id, project_id, flag, reason, since) values (${plain.companyId}, ${plain.id}, 'key_supervision', '测试：整改期内重点监管', '2026-11-01')`,
    );
    const after = (await drawCandidates(db, 'estate', CHUANSHAN, TODAY)).find((c) => c.id === plain.id)!;
    expect(after.keySupervision).toBe(true);
    expect(weightOf(after).weight).toBe(weightOf(before.find((c) => c.id === plain.id)!).weight * 3);
  });

  let drawId = '';
  it('the city draws: seed, inputs and result stored once, with an audit row naming the seed; it re-runs equal', async () => {
    const r = await drawSpotCheck(db, city, form(), { today: TODAY, now: NOW, randomBytes: bytes(7) });
    if (!r.ok || r.data.stage !== 'drawn') throw new Error(JSON.stringify(r));
    drawId = r.data.id;
    const d = (await getDrawInScope(db, city, drawId))!;
    expect(d.seed).toBe('07'.repeat(32));
    expect(d.result.items).toHaveLength(3);
    expect(sameResult(draw(d.seed, d.inputs), d.result)).toBe(true);
    // The flagged estate of the previous test carries its reason in the snapshot.
    expect(d.inputs.candidates.some((c) => c.reasons.some((x) => x.startsWith('重点监管')))).toBe(true);
    // 回避: no inspector of 船山区 on a 船山区 estate.
    const district = new Map(d.inputs.inspectors.map((i) => [i.id, i.districtId]));
    for (const it of d.result.items) for (const i of it.inspectorIds) expect(district.get(i)).not.toBe(CHUANSHAN);
    const [a] = await q<{ after: { seed: string } }>(sql`select after from audit_events where action = 'spotcheck.drawn' and object_id = ${drawId}`);
    expect(a!.after.seed).toBe(d.seed);
    expect((await itemsOfDraw(db, city, drawId)).map((i) => i.projectId)).toEqual(d.result.items.map((i) => i.candidateId));
    // 船山区 sees the draw (its estates were drawn), 射洪市 neither in the list nor by id.
    expect((await listDraws(db, chuanshan, 1)).rows.find((r) => r.id === drawId)).toMatchObject({ items: 3, done: 0 });
    expect((await listDraws(db, shehong, 1)).rows.some((r) => r.id === drawId)).toBe(false);
    expect(await getDrawInScope(db, shehong, drawId)).toBeNull();
  });

  it('an unpublished draw is 404 publicly; published, its inputs download re-runs to the same result', async () => {
    expect(await getPublishedDraw(db, drawId)).toBeNull();
    setDbHandleForTests(t.handle);
    try {
      const res = await inputsGET(new Request(`http://localhost/spot-checks/${drawId}/inputs.json`), { params: Promise.resolve({ id: drawId }) });
      expect(res.status).toBe(404);
      const d = (await getDrawInScope(db, city, drawId))!;
      expect((await publishSpotCheck(db, city, { id: drawId, version: d.version }, { now: NOW })).ok).toBe(true);
      expect(await publishSpotCheck(db, city, { id: drawId, version: d.version }, { now: NOW })).toMatchObject({ ok: false, code: 'CONFLICT' });
      const ok = await inputsGET(new Request(`http://localhost/spot-checks/${drawId}/inputs.json`), { params: Promise.resolve({ id: drawId }) });
      expect(ok.status).toBe(200);
      const file = (await ok.json()) as { seed: string; inputs: unknown; result: unknown };
      const rerun = await rerunPastedDraw(db, null, { seed: file.seed, inputs: JSON.stringify(file) }, { now: NOW, ip: '203.0.113.7' });
      if (!rerun.ok) throw new Error(rerun.message);
      expect(rerun.data.result).toEqual(file.result);
    } finally {
      setDbHandleForTests(undefined);
    }
  });

  it('the district enters a drawn estate’s result: the score becomes that quarter’s rating; another district gets a 404', async () => {
    const [item] = await itemsOfDraw(db, chuanshan, drawId);
    expect(item).toBeDefined();
    const input = { itemId: item!.id, version: item!.version, checkedOn: '2026-11-20', inspectorIds: item!.inspectorIds, score: '92.5', findings: '消防通道畅通，保洁到位。' };
    const before = await footprint();
    expect(await enterSpotCheckResult(db, shehong, input, { today: TODAY, now: NOW })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await enterSpotCheckResult(db, company, input, { today: TODAY, now: NOW })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await enterSpotCheckResult(db, null, input, { today: TODAY, now: NOW })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await footprint()).toEqual(before);
    expect(await n(sql`select count(*)::int as n from audit_events where action = 'access.out_of_scope' and object_id = ${item!.id}`)).toBe(1);

    const r = await enterSpotCheckResult(db, chuanshan, input, { today: TODAY, now: NOW });
    expect(r).toMatchObject({ ok: true, data: { rating: '优秀' } });
    const [rating] = await q<{ s: string; rating: string }>(
      sql`select inspection_score::text as s, rating::text as rating from estate_ratings where project_id = ${item!.projectId} and year = 2026 and quarter = 4`,
    );
    expect(rating).toEqual({ s: '92.50', rating: '优秀' });
    // A stale form is refused (optimistic locking); the city corrects it with the current version.
    expect(await enterSpotCheckResult(db, city, { ...input, score: '70' }, { today: TODAY, now: NOW })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await enterSpotCheckResult(db, city, { ...input, version: item!.version + 1, score: '70' }, { today: TODAY, now: NOW })).toMatchObject({ ok: true, data: { rating: '差' } });
  });

  it('a published quarter is not changed: the result of a draw of 2026Q3 is refused with the reason', async () => {
    const { rows } = await listPublishedDraws(db, 1);
    const demo = rows.find((r) => r.year === 2026 && r.quarter === 3)!;
    const [item] = await itemsOfDraw(db, city, demo.id);
    const before = await footprint();
    const r = await enterSpotCheckResult(db, city, { itemId: item!.id, version: item!.version, checkedOn: '2026-11-18', inspectorIds: item!.inspectorIds, score: '60', findings: '复查' }, { today: TODAY, now: NOW });
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(!r.ok && r.message).toContain('已发布');
    expect(await footprint()).toEqual(before);
  });

  it('the paste form: bad JSON and bad shapes are field errors, and it is throttled per client address', async () => {
    expect(await rerunPastedDraw(db, null, { seed: 'x', inputs: '{not json' }, { now: NOW, ip: '198.51.100.1' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await rerunPastedDraw(db, null, { seed: 'x', inputs: '{"algorithm":"x"}' }, { now: NOW, ip: '198.51.100.1' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await rerunPastedDraw(db, null, { seed: '', inputs: '' }, { now: NOW, ip: '198.51.100.1' })).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await rerunPastedDraw(db, null, 'nonsense', { now: NOW, ip: '198.51.100.1' })).toMatchObject({ ok: false, code: 'INVALID' });
    for (let i = 4; i < RERUN_LIMIT.max; i++) await rerunPastedDraw(db, null, { seed: 'x', inputs: '[]' }, { now: NOW, ip: '198.51.100.1' });
    expect(await rerunPastedDraw(db, null, { seed: 'x', inputs: '[]' }, { now: NOW, ip: '198.51.100.1' })).toMatchObject({ ok: false, code: 'LOCKED' });
    expect(await rerunPastedDraw(db, null, { seed: 'x', inputs: '[]' }, { now: NOW, ip: '198.51.100.2' })).toMatchObject({ ok: false, code: 'INVALID' });
  });

  it('the city keeps the roster: add, edit, deactivate (audited, optimistic locking)', async () => {
    const added = await saveInspector(db, city, { name: '测试员', unit: '市住建局', districtId: CHUANSHAN, active: 'on' });
    if (!added.ok) throw new Error(added.message);
    const id = added.data.id;
    expect(await saveInspector(db, city, { id, version: '1', name: '测试员', unit: '市住建局', districtId: CHUANSHAN, active: '' })).toMatchObject({ ok: true });
    expect(await saveInspector(db, city, { id, version: '1', name: '测试员二', unit: '市住建局', districtId: '', active: 'on' })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await saveInspector(db, city, { name: '', unit: '', districtId: '999999', active: 'on' })).toMatchObject({ ok: false, code: 'INVALID' });
    const actions = (await q<{ action: string }>(sql`select action from audit_events where object_id = ${id} order by seq`)).map((r) => r.action);
    expect(actions).toEqual(['inspector.added', 'inspector.deactivated']);
    expect(await n(sql`select count(*)::int as n from inspectors where id = ${id} and not active`)).toBe(1);
  });
});
