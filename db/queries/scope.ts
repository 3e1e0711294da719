import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/auth/policy';

/**
 * The actor's scope as a WHERE fragment on a table's district column: a district reviewer sees only its
 * district, the city sees everything. Any other role gets a condition that matches nothing.
 */
export function districtScope(actor: Actor, districtColumn: PgColumn): SQL {
  if (actor.role === 'city') return sql`true`;
  if (actor.role === 'district' && actor.districtId) return sql`${districtColumn} = ${actor.districtId}`;
  return sql`false`;
}

/** The company operator's own company; nothing for anyone else. */
export function companyScope(actor: Actor, companyColumn: PgColumn): SQL {
  if (actor.role === 'company' && actor.companyId) return sql`${companyColumn} = ${actor.companyId}`;
  return sql`false`;
}
