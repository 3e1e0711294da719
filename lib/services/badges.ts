import 'server-only';
/**
 * Staff badges (工牌, SPEC §3.11): the company issues a badge to each of its approved staff at an estate (a whole
 * sheet at once) or reissues one person's badge (the previous code is revoked). Each badge is a `documents` row
 * with an audit row in the same transaction. Whether a badge still verifies is decided when it is read
 * (db/queries/badges.ts), not here.
 */
import type { Db } from '@/db';
import { badgeHeader, type BadgeHolder, insertBadge, listEstateBadgeHolders, lockBadgeEmployment, lockEstateEmployments, revokeBadges } from '@/db/queries/badges';
import { projectExists } from '@/db/queries/boards';
import { practitionerExists } from '@/db/queries/practitioner-review';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit, auditMany } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import { newTrackingCode } from '@/lib/domain/objections';
import { estateBadgesSchema, reissueBadgeSchema } from '@/lib/validation/badges';
import { inTransaction, LostRace } from './errors';

type Opts = { now?: Date };

function companyOf(actor: Actor | null): ActionResult<never> | string {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.badge.issue') || !actor.companyId) return fail('FORBIDDEN');
  return actor.companyId;
}

/** Issues a badge to every approved staff member of the company at the estate who has none yet. */
export async function issueEstateBadges(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ issued: number }>> {
  const companyId = companyOf(actor);
  if (typeof companyId !== 'string') return companyId;
  const parsed = estateBadgesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { projectId } = parsed.data;
  const header = await badgeHeader(db, companyId, projectId, true);
  if (!header) {
    if (await projectExists(db, projectId)) await audit(db, actor!, { action: 'access.out_of_scope', objectType: 'project', objectId: projectId });
    return fail('NOT_FOUND');
  }
  const at = opts.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    await lockEstateEmployments(tx, companyId, projectId);
    const missing = (await listEstateBadgeHolders(tx, companyId, projectId)).filter((h) => !h.code);
    const issued = missing.map((h) => ({ ...h, newCode: newTrackingCode() }));
    for (const h of issued) {
      await insertBadge(tx, { code: h.newCode, employmentId: h.employmentId, summary: { name: h.name, post: h.post, ...header }, issuedBy: actor!.userId, issuedAt: at });
    }
    await auditMany(
      tx,
      actor!,
      issued.map((h) => ({ action: 'badge.issued', objectType: 'practitioner', objectId: h.practitionerId, after: { code: h.newCode, employmentId: h.employmentId, projectId } })),
    );
    return ok({ issued: issued.length });
  });
}

/** Issues one person's badge anew: the previous code (if any) stops verifying. */
export async function reissueBadge(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ code: string; projectId: string; revoked: string[] }>> {
  const companyId = companyOf(actor);
  if (typeof companyId !== 'string') return companyId;
  const parsed = reissueBadgeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { practitionerId } = parsed.data;
  const job = await lockBadgeEmployment(db, companyId, practitionerId);
  if (!job) {
    if (await practitionerExists(db, practitionerId)) await audit(db, actor!, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId });
    return fail('NOT_FOUND');
  }
  if (!job.projectId) return fail('INVALID', '该人员没有登记所在小区，不能制作工牌');
  const projectId = job.projectId;
  const at = opts.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    const locked = await lockBadgeEmployment(tx, companyId, practitionerId);
    if (!locked || locked.employmentId !== job.employmentId) throw new LostRace('该人员的在岗信息刚刚发生变化，请刷新后重试');
    const [holder] = await listEstateBadgeHolders(tx, companyId, projectId, practitionerId);
    const header = await badgeHeader(tx, companyId, projectId, false);
    if (!holder || !header) throw new LostRace('该人员的在岗信息刚刚发生变化，请刷新后重试');
    const revoked = await revokeBadges(tx, job.employmentId, at);
    const code = newTrackingCode();
    await insertBadge(tx, { code, employmentId: job.employmentId, summary: { name: holder.name, post: holder.post, ...header }, issuedBy: actor!.userId, issuedAt: at });
    await audit(tx, actor!, {
      action: revoked.length ? 'badge.reissued' : 'badge.issued',
      objectType: 'practitioner',
      objectId: practitionerId,
      before: revoked.length ? { codes: revoked } : null,
      after: { code, employmentId: job.employmentId, projectId },
    });
    return ok({ code, projectId, revoked });
  });
}

/** The estate's sheet as the company sees it (every approved staff member, with or without a badge yet). */
export async function loadBadgeSheet(
  db: Db,
  actor: Actor | null,
  input: { projectId: unknown; practitionerId?: unknown },
): Promise<ActionResult<{ projectName: string; companyName: string; holders: BadgeHolder[] }>> {
  const companyId = companyOf(actor);
  if (typeof companyId !== 'string') return companyId;
  const parsed = estateBadgesSchema.safeParse({ projectId: input.projectId });
  const person = input.practitionerId ? reissueBadgeSchema.safeParse({ practitionerId: input.practitionerId }) : null;
  if (!parsed.success || (person && !person.success)) return fail('NOT_FOUND');
  const { projectId } = parsed.data;
  const header = await badgeHeader(db, companyId, projectId, true);
  if (!header) {
    if (await projectExists(db, projectId)) await audit(db, actor!, { action: 'access.out_of_scope', objectType: 'project', objectId: projectId });
    return fail('NOT_FOUND');
  }
  const holders = await listEstateBadgeHolders(db, companyId, projectId, person?.data?.practitionerId);
  if (person && holders.length === 0) return fail('NOT_FOUND');
  return ok({ ...header, holders });
}
