import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { idCheckChar } from '../../../lib/domain/id-number';
import { rowsOf } from './db';

/** 17 digits and a check character, not inside a longer run of digits. */
const ID_RE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/** Every 18-character resident ID number with a valid check digit in `text`. */
export function validIdNumbersIn(text: string): string[] {
  return [...text.matchAll(ID_RE)].map((m) => m[0].toUpperCase()).filter((s) => idCheckChar(s.slice(0, 17)) === s[17]);
}

/**
 * Clear ID numbers anywhere in the practitioners table (every text column) or in the audit log's before/after.
 * The database narrows the rows with a regular expression; the check digit is verified here.
 */
export async function findClearIdNumbers(db: Db): Promise<{ where: string; value: string }[]> {
  const cols = rowsOf<{ column_name: string }>(
    await db.execute(
      sql`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'practitioners' and data_type in ('text', 'character varying')`,
    ),
  ).map((r) => r.column_name);
  if (cols.length < 10) throw new Error(`expected the practitioners text columns, got ${cols.join(',')}`);
  const found: { where: string; value: string }[] = [];
  for (const c of cols) {
    const rows = rowsOf<{ v: string }>(
      await db.execute(sql`select ${sql.identifier(c)} as v from practitioners where ${sql.identifier(c)} ~ '[0-9]{17}[0-9Xx]'`),
    );
    for (const r of rows) for (const v of validIdNumbersIn(r.v)) found.push({ where: `practitioners.${c}`, value: v });
  }
  const audits = rowsOf<{ seq: number; t: string }>(
    await db.execute(
      sql`select seq, coalesce(before::text, '') || ' ' || coalesce(after::text, '') as t from audit_events where coalesce(before::text, '') || ' ' || coalesce(after::text, '') ~ '[0-9]{17}[0-9Xx]'`,
    ),
  );
  for (const r of audits) for (const v of validIdNumbersIn(r.t)) found.push({ where: `audit_events#${r.seq}`, value: v });
  return found;
}
