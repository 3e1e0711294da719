import 'server-only';
/**
 * Estates one by one (issue 18 item 1; decision 038): a district proposes an estate in its district, the city
 * confirms it (the estate is created) or returns it with a reason; the city may also create one directly; both edit
 * the basic fields of an estate in their scope under an optimistic lock. Every step is one transaction with its
 * audit row. Out of scope looks exactly like missing.
 */
import type { Db } from '@/db';
import {
  decideProposal,
  estateNameTaken,
  findEstateInScope,
  findProposalInScope,
  insertProject,
  insertProposal,
  regionsNest,
  updateProjectFields,
} from '@/db/queries/estates';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { estateEditSchema, estateFieldsSchema, proposalDecisionSchema, type EstateFields } from '@/lib/validation/estates';
import { inTransaction, LostRace } from './errors';

const DUPLICATE = '本区县已有同名项目';

async function checkPlace(db: Db, f: EstateFields, exceptId?: string): Promise<ActionResult<never> | null> {
  const bad = await regionsNest(db, f);
  if (bad) return fieldError(bad.field, bad.message);
  if (await estateNameTaken(db, f.districtId, f.name, exceptId)) return fieldError('name', DUPLICATE);
  return null;
}

/** The district proposes an estate in its own district (the district field is its own, whatever was sent). */
export async function proposeEstate(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'estate.propose') || !actor.districtId) return fail('FORBIDDEN');
  const parsed = estateFieldsSchema.safeParse({ ...(input as object), districtId: actor.districtId });
  if (!parsed.success) return invalid(parsed.error);
  const refused = await checkPlace(db, parsed.data);
  if (refused) return refused;
  return inTransaction(db, async (tx) => {
    const id = await insertProposal(tx, parsed.data, actor.userId);
    await audit(tx, actor, { action: 'estate.proposed', objectType: 'estate_proposal', objectId: id, after: parsed.data });
    return ok({ id });
  });
}

/** The city creates an estate directly. */
export async function createEstate(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'estate.create')) return fail('FORBIDDEN');
  const parsed = estateFieldsSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const refused = await checkPlace(db, parsed.data);
  if (refused) return refused;
  return inTransaction(db, async (tx) => {
    const id = await insertProject(tx, parsed.data);
    await audit(tx, actor, { action: 'estate.created', objectType: 'project', objectId: id, after: parsed.data });
    return ok({ id });
  });
}

/** The city confirms (the estate is created) or returns (with a reason) a district's proposal. */
export async function decideEstateProposal(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ projectId: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'estate.create')) return fail('FORBIDDEN');
  const parsed = proposalDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const p = await findProposalInScope(db, actor, d.id);
  if (!p) return fail('NOT_FOUND');
  if (p.status !== 'pending' || p.version !== d.version) return fail('CONFLICT', '该申请已被处理或已更新，请刷新后查看');
  const fields: EstateFields = {
    name: p.name,
    address: p.address,
    districtId: p.districtId,
    streetId: p.streetId ?? '',
    communityId: p.communityId ?? '',
    type: p.type,
    households: p.households,
    floorArea: p.floorArea,
    hasOwnersCommittee: p.hasOwnersCommittee,
  };
  if (d.decision === 'confirm' && (await estateNameTaken(db, p.districtId, p.name))) return fail('CONFLICT', `${DUPLICATE}，请退回并说明`);
  return inTransaction(db, async (tx) => {
    const projectId = d.decision === 'confirm' ? await insertProject(tx, fields) : null;
    const done = await decideProposal(tx, p.id, p.version, {
      status: d.decision === 'confirm' ? 'confirmed' : 'returned',
      decidedBy: actor.userId,
      projectId,
      returnReason: d.decision === 'return' ? d.reason : null,
    });
    if (!done) throw new LostRace('该申请已被他人处理，请刷新后查看');
    await audit(tx, actor, {
      action: d.decision === 'confirm' ? 'estate.proposal.confirmed' : 'estate.proposal.returned',
      objectType: 'estate_proposal',
      objectId: p.id,
      before: { status: 'pending' },
      after: { status: d.decision === 'confirm' ? 'confirmed' : 'returned', projectId, reason: d.decision === 'return' ? d.reason : undefined },
    });
    if (projectId) await audit(tx, actor, { action: 'estate.created', objectType: 'project', objectId: projectId, after: { ...fields, proposalId: p.id } });
    return ok({ projectId });
  });
}

/** The city or the estate's district edits its basic fields; a district cannot move it to another district. */
export async function editEstate(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ version: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'estate.edit')) return fail('FORBIDDEN');
  const raw = (input ?? {}) as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? raw.id : '';
  const before = /^[0-9a-f-]{36}$/i.test(id) ? await findEstateInScope(db, actor, id) : null;
  if (!before) return fail('NOT_FOUND');
  const parsed = estateEditSchema.safeParse(actor.role === 'district' ? { ...raw, districtId: before.districtId } : raw);
  if (!parsed.success) return invalid(parsed.error);
  const { version } = parsed.data;
  const f: EstateFields = estateFieldsSchema.parse(parsed.data);
  const refused = await checkPlace(db, f, before.id);
  if (refused) return refused;
  return inTransaction(db, async (tx) => {
    const done = await updateProjectFields(tx, before.id, version, f);
    if (!done) throw new LostRace('该项目已被他人修改，请刷新后再改');
    const old = { name: before.name, address: before.address, districtId: before.districtId, streetId: before.streetId, communityId: before.communityId, type: before.type, households: before.households, floorArea: before.floorArea, hasOwnersCommittee: before.hasOwnersCommittee };
    await audit(tx, actor, { action: 'estate.updated', objectType: 'project', objectId: before.id, before: old, after: f });
    return ok({ version: done.version });
  });
}

