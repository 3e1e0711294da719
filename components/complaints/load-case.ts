import 'server-only';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { complaintExists, getComplaintInScope } from '@/db/queries/complaints';
import { recordOutOfScope } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/policy';
import { isUuid } from '@/lib/validation/ids';

/** A handler's case page: the case in the actor's scope, or a 404 (an existing case out of scope is audited). */
export async function loadCaseOr404(actor: Actor, id: string) {
  if (!isUuid(id)) notFound();
  const db = getDb();
  const c = await getComplaintInScope(db, actor, id);
  if (!c) {
    if (await complaintExists(db, id)) await recordOutOfScope(actor, 'case', id);
    notFound();
  }
  return c;
}

export const DONE_NOTICE = '已保存。';
