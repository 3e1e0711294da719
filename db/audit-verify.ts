/**
 * Recomputes the audit hash chain in SQL (the same functions the insert trigger uses) and names the first
 * row whose hash or link to its predecessor does not match. No `server-only`: the CLI uses it too.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from './client';

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenSeq: number; problem: string };

export async function verifyAuditChain(db: Queryable): Promise<ChainCheck> {
  const result = await db.execute(sql`
    with chain as (
      select e.seq, e.hash, e.prev_hash,
             coalesce(lag(e.hash) over (order by e.seq), repeat('0', 64)) as expected_prev,
             coalesce(lag(e.seq) over (order by e.seq), 0) as prev_seq,
             audit_hash(e.prev_hash, e) as recomputed
      from audit_events e
    )
    select
      (select count(*)::int from chain) as rows,
      b.seq::int as broken_seq,
      case
        when b.seq is null then null
        when b.prev_seq <> b.seq - 1 then 'missing row before this one'
        when b.prev_hash <> b.expected_prev then 'link to previous row broken'
        else 'content does not match its hash'
      end as problem
    from (select 1) one
    left join lateral (
      select * from chain
      where prev_seq <> seq - 1 or prev_hash <> expected_prev or recomputed <> hash
      order by seq limit 1
    ) b on true
  `);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    rows: number;
    broken_seq: number | null;
    problem: string | null;
  }[];
  const r = rows[0]!;
  if (r.broken_seq === null || r.broken_seq === undefined) return { ok: true, rows: Number(r.rows) };
  return { ok: false, rows: Number(r.rows), firstBrokenSeq: Number(r.broken_seq), problem: r.problem ?? '' };
}

/** The newest row of the chain: what a checkpoint anchors. */
export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string } | null> {
  const result = await db.execute(sql`select seq::bigint as seq, hash from audit_events order by seq desc limit 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { seq: number | string; hash: string }[];
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}

/** The hash stored today for row `seq`, or null when there is no such row. */
export async function auditHashAt(db: Queryable, seq: number): Promise<string | null> {
  const result = await db.execute(sql`select hash from audit_events where seq = ${seq}`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { hash: string }[];
  return rows[0]?.hash ?? null;
}
