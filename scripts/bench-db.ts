/**
 * `npm run bench:db -- --scale city`: the database side of the public pages and of the city's two big
 * writes, on the configured database (load it with `npm run db:seed -- --scale city` first):
 *
 * - p50/p95 of two-character Chinese searches over estates, companies and staff names (the query functions
 *   the pages call: /projects, /companies, /search, the bureau's staff search);
 * - p50/p95 of the company profile's queries (/companies/[uscc]) and the estate page's (/projects/[id]);
 * - an EXPLAIN of every statement those functions sent (captured through drizzle's logger, run with their own
 *   parameters): a sequential scan of a large table fails the check;
 * - the time to publish one quarter's ratings of every estate (ratings → three in a row → lists) and to run and
 *   publish the annual evaluation of every company, inside a transaction that is rolled back afterwards, so
 *   the database is left as it was.
 *
 *   --scale city|1/20   the scale the database was seeded at (checked against its row counts; default city)
 *   --rounds N          passes over each query set (default 20)
 *   --no-writes         skip the publication and evaluation timings
 *
 * Figures only (they depend on the machine and what else runs on it); the exit code is 1 when the EXPLAIN
 * check fails, 0 otherwise.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { loadSessionActor, createSession } from '../db/queries/auth';
import { searchReportableStaff } from '../db/queries/practitioner-records';
import { getPublicCompany, searchPublicCompanies } from '../db/queries/public-companies';
import { searchPublic } from '../db/queries/public-search';
import { companyCreditSummary, findCompanyByUscc } from '../db/queries/public-lists';
import { getPublicProject, searchPublicProjects } from '../db/queries/public-projects';
import { listPublicStaff } from '../db/queries/public-staff';
import { CITY_TARGETS, parseScale } from '../db/seed/city';
import { idleLimitSeconds, type Actor } from '../lib/auth/policy';
import { previewEvaluationPublication, publishEvaluation, runEvaluation } from '../lib/services/evaluations';
import { previewQuarterPublication, publishQuarter } from '../lib/services/ratings';
import { describeDb, openConfiguredDb } from './open-db';

const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: 'city' }, rounds: { type: 'string', default: '20' }, 'no-writes': { type: 'boolean', default: false } },
});
const scale = parseScale(args.scale!);
const rounds = Math.max(1, Number(args.rounds) || 20);
/** The data's "today" (the seed's reference date): records and lists are read as of it. */
const TODAY = '2026-11-01';

const ESTATE_QUERIES = ['花园', '小区', '家园', '嘉园', '锦绣', '翡翠', '阳光', '滨江', '明月', '凯旋', '南津', '天宫', '书香', '公馆', '宿舍', '广场'];
const COMPANY_QUERIES = ['物业', '锦华', '嘉禾', '宏达', '天府', '子昂', '涪江', '明月', '恒信', '瑞丰', '安泰', '射洪', '蓬溪', '大英'];
const STAFF_QUERIES = ['王伟', '李芳', '张敏', '刘强', '陈静', '杨勇', '黄丽', '赵军', '周杰', '吴娟', '建国', '秀英'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const f = (n: number) => n.toFixed(2).padStart(8);

interface Row {
  label: string;
  p50: number;
  p95: number;
  target: number;
}
const table: Row[] = [];
function report(label: string, ms: number[], target: number) {
  const s = [...ms].sort((a, b) => a - b);
  const row = { label, p50: percentile(s, 50), p95: percentile(s, 95), target };
  table.push(row);
  console.log(`${label.padEnd(44)} n=${String(s.length).padStart(5)}  p50 ${f(row.p50)} ms  p95 ${f(row.p95)} ms  (target p95 ≤ ${target} ms: ${row.p95 <= target ? 'met' : 'NOT met'})`);
}

async function time<T>(ms: number[], body: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await body();
  ms.push(performance.now() - t);
  return out;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const h = openConfiguredDb();
const captured: { label: string; query: string; params: unknown[] }[] = [];
let capturing: string | null = null;
const logger = { logQuery: (query: string, params: unknown[]) => capturing && captured.push({ label: capturing, query, params }) };
const logged = (h.kind === 'postgres' ? drizzlePostgres(h.sql!, { schema, logger }) : drizzlePglite(h.pglite!, { schema, logger })) as unknown as Db;
async function capture(label: string, body: (db: Db) => Promise<unknown>) {
  capturing = label;
  try {
    await body(logged);
  } finally {
    capturing = null;
  }
}

async function count(q: string) {
  return Number(rowsOf<{ n: number }>(await h.db.execute(sql.raw(q)))[0]!.n);
}

async function cityActor(db: Db): Promise<Actor> {
  const [u] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where username = 'city'`));
  if (!u) throw new Error('no city account: load the demo city first');
  const sid = await createSession(db, u.id, '127.0.0.1', 3600);
  const loaded = await loadSessionActor(db, sid, idleLimitSeconds);
  if (!loaded?.valid) throw new Error('could not load the city actor');
  return { ...loaded.actor, ip: '127.0.0.1' };
}

class Undo extends Error {}

try {
  const db = h.db;
  const n = {
    companies: await count('select count(*)::int as n from companies'),
    estates: await count('select count(*)::int as n from projects'),
    practitioners: await count('select count(*)::int as n from practitioners'),
  };
  console.log(`Database: ${describeDb()} (${h.kind}): ${n.companies} companies, ${n.estates} estates, ${n.practitioners} practitioners`);
  const short = (Object.keys(n) as (keyof typeof n)[]).filter((k) => n[k] < Math.round(CITY_TARGETS[k] * scale) * 0.99);
  if (short.length) console.warn(`Warning: fewer ${short.join(', ')} than --scale ${args.scale} names: run \`npm run db:seed -- --scale ${args.scale}\` first.`);

  // A city actor for the bureau's staff search, created in a transaction that is rolled back (no session kept).
  let actor: Actor | null = null;
  await db
    .transaction(async (tx) => {
      actor = await cityActor(tx as unknown as Db);
      throw new Undo();
    })
    .catch((e) => {
      if (!(e instanceof Undo)) throw e;
    });
  const city = actor!;

  const companies = rowsOf<{ uscc: string }>(
    await db.execute(sql`select uscc from (select uscc, row_number() over (order by md5(uscc)) as k from companies where filing_status = 'approved') s where k <= 40`),
  ).map((r) => r.uscc);
  const estates = rowsOf<{ id: string }>(await db.execute(sql`select id from (select id, row_number() over (order by md5(id::text)) as k from projects) s where k <= 40`)).map((r) => r.id);

  // Every request the benchmark makes, run once through the logging client: its statements and parameters.
  const staffSearch = (d: Db, q: string) => searchReportableStaff(d, city, { name: q, estate: '', projectId: null, idTail: '' });
  const profileOf = async (d: Db, uscc: string) => {
    const c = await getPublicCompany(d, uscc, { today: TODAY });
    const ref = c && (await findCompanyByUscc(d, c.uscc));
    if (ref) await companyCreditSummary(d, ref.id, TODAY, TODAY);
  };
  const estatePage = async (d: Db, id: string) => {
    await getPublicProject(d, id);
    await listPublicStaff(d, id, { today: TODAY });
  };
  const groups: { label: string; target: number; requests: ((d: Db) => Promise<unknown>)[] }[] = [
    { label: 'estates /projects?q= (count + page)', target: 5, requests: ESTATE_QUERIES.map((q) => (d: Db) => searchPublicProjects(d, { q })) },
    { label: 'estates + district, page 2', target: 5, requests: ESTATE_QUERIES.map((q) => (d: Db) => searchPublicProjects(d, { q, district: '510903', page: 2 })) },
    { label: 'companies /companies?q= (count + page)', target: 5, requests: COMPANY_QUERIES.map((q) => (d: Db) => searchPublicCompanies(d, { q })) },
    { label: 'site search /search?q=', target: 5, requests: [...COMPANY_QUERIES, ...ESTATE_QUERIES.slice(0, 6)].map((q) => (d: Db) => searchPublic(d, q)) },
    { label: 'staff names (bureau staff search)', target: 5, requests: STAFF_QUERIES.map((q) => (d: Db) => staffSearch(d, q)) },
    { label: `company profile (${companies.length} companies)`, target: 10, requests: companies.map((u) => (d: Db) => profileOf(d, u)) },
    { label: `estate page (${estates.length} estates)`, target: 10, requests: estates.map((id) => (d: Db) => estatePage(d, id)) },
  ];
  const statements = new Map<string, { query: string; params: unknown[] }[][]>();
  for (const g of groups) {
    const list: { query: string; params: unknown[] }[][] = [];
    for (const req of g.requests) {
      const from = captured.length;
      await capture(g.label, req);
      list.push(captured.slice(from).map(({ query, params }) => ({ query, params })));
    }
    statements.set(g.label, list);
  }

  const explain = async (query: string, params: unknown[], analyze: boolean) => {
    const text = `explain (${analyze ? 'analyze, timing off, ' : ''}format json) ${query}`;
    const res = rowsOf<Record<string, unknown>>(h.kind === 'postgres' ? await h.sql!.unsafe(text, params as never[]) : (await h.pglite!.query(text, params as never[])).rows);
    const raw = Object.values(res[0]!)[0];
    return ((typeof raw === 'string' ? JSON.parse(raw) : raw) as ExplainOutput[])[0]!;
  };

  // ---- Time in the database: per request, the planning and execution time of its statements (EXPLAIN ANALYZE).
  console.log(`\nTime in the database per request, ms (planning + execution of its statements), ${rounds} rounds:`);
  for (const g of groups) {
    const list = statements.get(g.label)!;
    const ms: number[] = [];
    for (let r = 0; r < rounds + 1; r++) {
      for (const req of list) {
        let sum = 0;
        for (const st of req) {
          const out = await explain(st.query, st.params, true);
          sum += (out['Planning Time'] ?? 0) + (out['Execution Time'] ?? 0);
        }
        if (r > 0) ms.push(sum); // round 0 warms caches
      }
    }
    report(g.label, ms, g.target);
  }

  // ---- The same requests timed from Node (round trips and the driver included), for comparison.
  console.log(`\nWall time per request from Node, ms (driver and round trips included; informative):`);
  for (const g of groups) {
    const ms: number[] = [];
    for (let r = 0; r < Math.max(1, Math.ceil(rounds / 4)); r++) for (const req of g.requests) await time(ms, () => req(db));
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(`${g.label.padEnd(44)} n=${String(sorted.length).padStart(5)}  p50 ${f(percentile(sorted, 50))} ms  p95 ${f(percentile(sorted, 95))} ms`);
  }

  // ---- EXPLAIN: every statement the functions above sent, with its own parameters.
  const large = new Set(
    rowsOf<{ relname: string }>(await db.execute(sql`select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace and reltuples >= 20000`)).map((r) => r.relname),
  );
  console.log(`\nEXPLAIN check (a sequential scan of a table of 20,000 rows or more fails it: ${[...large].sort().join(', ') || 'none that large'}):`);
  let bad = 0;
  for (const g of groups) {
    const scans = new Set<string>();
    const indexes = new Set<string>();
    let count = 0;
    for (const req of statements.get(g.label)!.slice(0, 4)) {
      for (const st of req) {
        count++;
        walk((await explain(st.query, st.params, false)).Plan, (node) => {
          if (node['Index Name']) indexes.add(node['Index Name']);
          if (node['Node Type'] === 'Seq Scan' && large.has(node['Relation Name'] ?? '')) scans.add(node['Relation Name']!);
        });
      }
    }
    const ok = scans.size === 0;
    if (!ok) bad++;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${g.label.padEnd(44)} ${count} statements; indexes: ${[...indexes].sort().join(', ') || '—'}${ok ? '' : `; SEQ SCAN of ${[...scans].join(', ')}`}`);
  }

  // ---- The two big writes, rolled back.
  if (!args['no-writes']) {
    console.log('\nWrites (inside one transaction, rolled back at the end):');
    await db
      .transaction(async (tx) => {
        const t0 = performance.now();
        // 2026 Q4: every residential estate rated by its current company, scores spread like the seed's.
        await tx.execute(sql`
          insert into estate_ratings (project_id, company_id, year, quarter, inspection_score, rating, rated_by, policy_version)
          select p.id, p.current_company_id, 2026, 4, s.score,
                 (case when s.score >= 90 then '优秀' when s.score >= 75 then '良好' else '差' end)::estate_rating,
                 ${city.userId}, (select max(version) from credit_policies)
          from projects p
          cross join lateral (select round((72 + (('x' || substr(md5(p.id::text), 1, 6))::bit(24)::int % 2600) / 100.0)::numeric, 2) as score) s
          where p.type in ('住宅', '老旧小区', '安置小区') and p.current_company_id is not null`);
        const rated = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from estate_ratings where year = 2026 and quarter = 4`))[0]!.n;
        console.log(`  (setup: ${rated} ratings of 2026Q4 entered in ${((performance.now() - t0) / 1000).toFixed(1)} s, not timed)`);
        // The check-your-answers preview (the same code as a dry run) gives the fingerprint publishing requires.
        const qp = await previewQuarterPublication(tx as unknown as Db, city, { quarter: '2026Q4' }, { today: '2027-01-15' });
        if (!qp.ok) throw new Error(`previewQuarterPublication: ${qp.code} ${qp.message ?? ''}`);
        let t = performance.now();
        const pub = await publishQuarter(tx as unknown as Db, city, { quarter: '2026Q4', fingerprint: qp.data.fingerprint }, { today: '2027-01-15' });
        const pubMs = performance.now() - t;
        if (!pub.ok) throw new Error(`publishQuarter: ${pub.code} ${pub.message ?? ''}`);
        console.log(`  publish 2026Q4: ${pub.data.rated} estates, DW 14 triggered ${JSON.stringify(pub.data.triggered)}: ${(pubMs / 1000).toFixed(2)} s (target ≤ 10 s: ${pubMs <= 10_000 ? 'met' : 'NOT met'})`);
        t = performance.now();
        const run = await runEvaluation(tx as unknown as Db, city, { year: 2026 }, { today: '2027-01-10' });
        const runMs = performance.now() - t;
        if (!run.ok) throw new Error(`runEvaluation: ${run.code} ${run.message ?? ''}`);
        const ep = await previewEvaluationPublication(tx as unknown as Db, city, { year: 2026 }, { today: '2027-01-20' });
        if (!ep.ok) throw new Error(`previewEvaluationPublication: ${ep.code} ${ep.message ?? ''}`);
        t = performance.now();
        const pe = await publishEvaluation(tx as unknown as Db, city, { year: 2026, fingerprint: ep.data.fingerprint }, { today: '2027-01-20' });
        const peMs = performance.now() - t;
        if (!pe.ok) throw new Error(`publishEvaluation: ${pe.code} ${pe.message ?? ''}`);
        const total = runMs + peMs;
        console.log(`  evaluation 2026: run ${run.data.companies} companies ${(runMs / 1000).toFixed(2)} s + publish (${pe.data.letters} letters, ${pe.data.blackListed} black-listed) ${(peMs / 1000).toFixed(2)} s = ${(total / 1000).toFixed(2)} s (target ≤ 30 s: ${total <= 30_000 ? 'met' : 'NOT met'})`);
        throw new Undo();
      })
      .catch((e) => {
        if (!(e instanceof Undo)) throw e;
      });
  }
  console.log(`\n${bad === 0 ? 'EXPLAIN check passed.' : `EXPLAIN check FAILED for ${bad} group(s).`}`);
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await h.close();
}

interface ExplainOutput {
  Plan: PlanNode;
  'Planning Time'?: number;
  'Execution Time'?: number;
}
interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const c of node.Plans ?? []) walk(c, visit);
}
