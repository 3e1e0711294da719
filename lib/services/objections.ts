import 'server-only';
/**
 * Objections of a practitioner about their own data (SN 18; SPEC §3.8).
 *
 * Filing is anonymous but only by the person: the identity check by SMS (./identity-check) hands out a short-lived
 * proof of identity, and the form carries it — name, ID number and mobile alone never answer anything, and the
 * employing company cannot file in an employee's name. Limited per client and per person before any upload is
 * decoded. One open objection per person; after a decision, the same item again only with new evidence (a file
 * whose sha256 was not in any earlier objection of the person).
 *
 * Handling: the employing company or the district of the estate (the city: all) starts verification, then either
 * corrects the item the case names (the case keeps before/after) or explains why the data stands. What the public
 * sees (name, post, the mobile) is the district's to decide (SN 15): the company never corrects name or post, and
 * its correction of the mobile waits for the district's approval. The person is told of each decision by SMS.
 * An optimistic lock on the case lets exactly one of two handlers win.
 */
import type { Db } from '@/db';
import {
  evidenceHashes,
  findObjectionHandlers,
  getObjectionInScope,
  getPersonValues,
  insertEvidence,
  insertObjection,
  listPersonObjections,
  lockPersonForObjection,
  objectionExists,
  setObjectionProposal,
  setPersonValue,
  updateObjection,
} from '@/db/queries/objections';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import {
  correctionRoute,
  isOpenStatus,
  newTrackingCode,
  OBJECTION_FIELDS,
  parseObjectionBody,
  parseObjectionProposal,
  PUBLIC_FACING_FIELDS,
  type ObjectionBody,
  type ObjectionDecision,
  type ObjectionProposal,
} from '@/lib/domain/objections';
import { env } from '@/lib/env';
import { messageSender, type MessageSender } from '@/lib/messaging/sender';
import { type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import { verifyIdentity } from '@/lib/security/identity-token';
import { cleanDocument, UploadError, type CleanFile } from '@/lib/uploads/files';
import { checkCorrectedValue, objectionFilingSchema, objectionHandlingSchema } from '@/lib/validation/objections';
import { admit, clientKey, LIMITS } from './anonymous-limits';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';

export const OPEN_EXISTS_MESSAGE = '您已有一件信息异议正在处理中，请凭查询码查看进度，办结后再提出新的异议。';
export const REPEAT_MESSAGE = '该项信息的异议已经处理完毕。没有新的证明材料的重复异议不予受理，请上传新的证明材料后再提交。';
export const IDENTITY_EXPIRED_MESSAGE = '身份确认已失效（超过 30 分钟或无效），请重新填写姓名、身份证号码和手机号码并获取验证码。';
export const EVIDENCE_MAX_FILES = 3;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export interface EvidenceUpload {
  bytes: Uint8Array;
  filename?: string;
}

/**
 * Uploaded evidence, either read already or — from a form — counted but not yet read, so that a service checks
 * its limits (and the count of files) before any byte is read or decoded.
 */
export type EvidenceInput = EvidenceUpload[] | { count: number; read: () => Promise<EvidenceUpload[]> };

export interface FileObjectionInput {
  data: unknown;
  evidence?: EvidenceInput;
}

export type EvidenceFile = CleanFile & { filename: string };

const tooMany = () => fieldError('evidence', `证明材料最多 ${EVIDENCE_MAX_FILES} 个文件`);

/**
 * The uploaded evidence, checked and cleaned (PDF kept, images re-encoded without metadata), named
 * 证明材料-N; a field error on `evidence` when there are too many files or one is not accepted.
 */
export async function cleanEvidence(evidence: EvidenceInput | undefined): Promise<ActionResult<EvidenceFile[]>> {
  if (evidence && !Array.isArray(evidence) && evidence.count > EVIDENCE_MAX_FILES) return tooMany();
  const read = !evidence ? [] : Array.isArray(evidence) ? evidence : await evidence.read();
  const uploads = read.filter((f) => f.bytes.byteLength > 0);
  if (uploads.length > EVIDENCE_MAX_FILES) return tooMany();
  const files: EvidenceFile[] = [];
  for (const [i, f] of uploads.entries()) {
    try {
      const clean = await cleanDocument(f.bytes, EVIDENCE_MAX_BYTES);
      files.push({ ...clean, filename: `证明材料-${i + 1}.${clean.extension}` });
    } catch (e) {
      if (e instanceof UploadError) return fieldError('evidence', `第 ${i + 1} 个文件：${e.message}`);
      throw e;
    }
  }
  return ok(files);
}

export const PUBLIC_FILER = (ip: string | null | undefined) => ({ label: '公众（异议人）', ip: ip ?? null });

export async function fileObjection(
  db: Db,
  _actor: Actor | null,
  input: FileObjectionInput,
  opts: { keys?: IdKeys; ip?: string | null; at?: Date } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = objectionFilingSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const keys = opts.keys ?? idKeysFrom(env());
  const personId = verifyIdentity(d.token, keys, at.getTime());
  const person = personId ? await getPersonValues(db, personId) : null;
  if (!personId || !person) return fail('INVALID', IDENTITY_EXPIRED_MESSAGE);
  const target = await admit(db, opts.ip, [{ limit: LIMITS.ownTarget, key: `practitioner:${personId}` }], at);
  if (!target.ok) return target;

  const cleaned = await cleanEvidence(input.evidence);
  if (!cleaned.ok) return cleaned;
  const files = cleaned.data;

  const body: ObjectionBody = { field: d.field, claimed: d.claimed, statement: d.statement };
  const handlers = await findObjectionHandlers(db, personId);

  try {
    return await inTransaction(db, async (tx) => {
      await lockPersonForObjection(tx, personId);
      const earlier = await listPersonObjections(tx, personId);
      if (earlier.some((c) => isOpenStatus(c.status))) throw new Rollback(fail('CONFLICT', OPEN_EXISTS_MESSAGE));
      const decidedSameItem = earlier.filter((c) => !isOpenStatus(c.status) && parseObjectionBody(c.body).field === d.field);
      if (decidedSameItem.length > 0) {
        const seen = await evidenceHashes(tx, earlier.map((c) => c.id));
        if (!files.some((f) => !seen.has(f.sha256))) throw new Rollback(fail('CONFLICT', REPEAT_MESSAGE));
      }
      const trackingCode = newTrackingCode();
      const caseId = await insertObjection(tx, {
        trackingCode,
        practitionerId: personId,
        companyId: handlers?.companyId ?? null,
        projectId: handlers?.projectId ?? null,
        districtId: handlers?.districtId ?? null,
        filerName: person.name ?? '',
        filerPhone: person.mobile ?? '',
        body: JSON.stringify(body),
      });
      await insertEvidence(tx, caseId, files);
      // The audit row names the person by the masked ID only.
      await audit(tx, PUBLIC_FILER(opts.ip), {
        action: 'objection.filed',
        objectType: 'case',
        objectId: caseId,
        after: { trackingCode, practitionerId: personId, name: person.name, idNumber: person.idNumberMasked, field: d.field, evidenceFiles: files.length, identifiedBy: 'sms' },
      });
      return ok({ trackingCode });
    });
  } catch (e) {
    // A tracking-code collision (about 1 in 10^17): ask the person to submit again rather than guess.
    if (isUniqueViolation(e)) return fail('CONFLICT', '提交未成功，请重新提交');
    throw e;
  }
}

export const LOST_RACE_MESSAGE = '该异议已被他人处理，请刷新后查看最新状态';

export const PROPOSAL_PENDING_MESSAGE = '企业提出的更正正在等待区县住建部门审核，审核前企业不能再处理本异议。';
export const NO_PROPOSAL_MESSAGE = '本异议没有待审核的企业更正。';

/** open → verifying under the case's optimistic lock: the first step of handling either kind of objection. */
export async function startVerifying(db: Db, actor: Actor, c: { id: string; status: string }, version: number): Promise<ActionResult<{ id: string; status: string }>> {
  if (c.status !== 'open') return fail('CONFLICT', '该异议已在核实中');
  return inTransaction(db, async (tx) => {
    const row = await updateObjection(tx, { id: c.id, expectedVersion: version, status: 'verifying' });
    if (!row) throw new LostRace(LOST_RACE_MESSAGE);
    await audit(tx, actor, { action: 'objection.verifying', objectType: 'case', objectId: c.id, before: { status: c.status }, after: { status: row.status } });
    return ok({ id: c.id, status: row.status });
  });
}

export interface HandleObjectionOpts {
  sender?: MessageSender;
  at?: Date;
}

type Case = NonNullable<Awaited<ReturnType<typeof getObjectionInScope>>>;

/** Tells the person (their registered mobile, before any change) what became of their objection. Never fails the decision. */
async function tellPerson(db: Db, c: Case, text: string, opts: HandleObjectionOpts) {
  const to = c.person.mobile?.trim();
  if (!to) return;
  try {
    await (opts.sender ?? messageSender()).send(
      db,
      { channel: 'sms', recipient: to, body: `【遂宁物业信用】您提出的信息异议（查询码 ${c.trackingCode}）${text}详情请凭查询码在平台“信息异议”页面查询。`, purpose: 'objection.notice', relatedType: 'case', relatedId: c.id },
      opts.at ?? clockNow(),
    );
  } catch (e) {
    console.error(`[objections] notice for case ${c.id} not sent`, e);
  }
}

export async function handleObjection(db: Db, actor: Actor | null, input: unknown, opts: HandleObjectionOpts = {}): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'objection.handle')) return fail('FORBIDDEN');
  const parsed = objectionHandlingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const c = await getObjectionInScope(db, actor, d.caseId);
  if (!c || !can(actor, 'objection.handle', { companyId: c.companyId, districtId: c.districtId })) {
    if (c || (await objectionExists(db, d.caseId))) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'case', objectId: d.caseId });
    return fail('NOT_FOUND');
  }
  if (!isOpenStatus(c.status)) return fail('CONFLICT', '该异议已办结');
  if (c.version !== d.version) return fail('CONFLICT', LOST_RACE_MESSAGE);
  const role = actor.role as 'company' | 'district' | 'city';
  const proposal = parseObjectionProposal(c.decision);
  // While the district reviews the company's correction, the company waits.
  if (proposal && role === 'company') return fail('CONFLICT', PROPOSAL_PENDING_MESSAGE);

  if (d.action === 'verify') return startVerifying(db, actor, c, d.version);

  if (d.action === 'dismiss') {
    // What the public sees is the district's to decide either way: the company does not close such a case.
    const named = parseObjectionBody(c.body).field;
    if (role === 'company' && (PUBLIC_FACING_FIELDS as readonly string[]).includes(named)) {
      return fail('FORBIDDEN', `${OBJECTION_FIELDS[named]}的异议由区县住建部门办结，企业可以开始核实，但不能维持原信息。`);
    }
    const decision: ObjectionDecision = { outcome: 'dismissed', changes: [] };
    const done = await inTransaction(db, async (tx) => {
      const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'dismissed', answer: d.note, decision: JSON.stringify(decision), decidedBy: actor.userId });
      if (!row) throw new LostRace(LOST_RACE_MESSAGE);
      await audit(tx, actor, {
        action: 'objection.decided',
        objectType: 'case',
        objectId: c.id,
        before: { status: c.status, ...(proposal ? { proposal: proposal.changes } : {}) },
        after: { status: row.status, explanation: d.note },
      });
      return ok({ id: c.id, status: row.status });
    });
    if (done.ok) await tellPerson(db, c, '已办结：经核实维持原信息，并已说明理由。', opts);
    return done;
  }

  if (d.action === 'reject') {
    if (role === 'company') return fail('FORBIDDEN');
    if (!proposal) return fail('CONFLICT', NO_PROPOSAL_MESSAGE);
    return inTransaction(db, async (tx) => {
      const row = await setObjectionProposal(tx, { id: c.id, expectedVersion: d.version, proposal: null });
      if (!row) throw new LostRace(LOST_RACE_MESSAGE);
      await audit(tx, actor, { action: 'objection.proposal_rejected', objectType: 'case', objectId: c.id, before: { proposal: proposal.changes }, after: { note: d.note } });
      return ok({ id: c.id, status: row.status });
    });
  }

  let change: ObjectionDecision['changes'][number];
  let answer = d.note;
  if (d.action === 'approve') {
    if (role === 'company') return fail('FORBIDDEN');
    if (!proposal) return fail('CONFLICT', NO_PROPOSAL_MESSAGE);
    change = proposal.changes[0]!;
    // The value the company saw must still be the one on record.
    if ((c.person[change.field] ?? '') !== (change.before ?? '')) return fail('CONFLICT', '该人员的信息已变化，企业提出的更正已不适用，请不同意后重新核实');
    answer = `${proposal.note}（区县住建部门审核意见：${d.note}）`;
  } else {
    const route = correctionRoute(role, parseObjectionBody(c.body).field, d.field);
    if (route.route === 'refused') return fail('FORBIDDEN', route.message);
    const checked = checkCorrectedValue(d.field, d.value);
    if (!checked.ok) return fieldError('value', checked.message);
    const before = c.person[d.field] ?? null;
    if (d.field === 'post' && !c.person.currentEmploymentId) return fieldError('field', '该人员目前没有在职登记，无法更正岗位');
    if ((before ?? '') === (checked.value ?? '')) return fieldError('value', '更正后的内容与现有信息相同；如信息无误，请选择“维持原信息”并说明理由');
    change = { field: d.field, label: OBJECTION_FIELDS[d.field], before, after: checked.value };
    if (route.route === 'district') {
      const p: ObjectionProposal = { outcome: 'proposed', changes: [change], note: d.note, proposedBy: actor.name };
      const done = await inTransaction(db, async (tx) => {
        const row = await setObjectionProposal(tx, { id: c.id, expectedVersion: d.version, proposal: JSON.stringify(p) });
        if (!row) throw new LostRace(LOST_RACE_MESSAGE);
        await audit(tx, actor, { action: 'objection.proposed', objectType: 'case', objectId: c.id, before: { status: c.status }, after: { status: row.status, changes: [change], note: d.note } });
        return ok({ id: c.id, status: row.status });
      });
      if (done.ok) await tellPerson(db, c, `：所在企业提出更正“${change.label}”，须经区县住建部门审核后生效。`, opts);
      return done;
    }
  }

  const decision: ObjectionDecision = { outcome: 'corrected', changes: [change] };
  const done = await inTransaction(db, async (tx) => {
    const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'corrected', answer, decision: JSON.stringify(decision), decidedBy: actor.userId });
    if (!row) throw new LostRace(LOST_RACE_MESSAGE);
    const changed = await setPersonValue(tx, c.practitionerId, c.person.currentEmploymentId, change.field, change.after);
    if (!changed) throw new Rollback(fail('CONFLICT', '该人员的信息已变化，请刷新后重试'));
    await audit(tx, actor, {
      action: 'practitioner.corrected',
      objectType: 'practitioner',
      objectId: c.practitionerId,
      before: { [change.field]: change.before },
      after: { [change.field]: change.after, objection: c.trackingCode, ...(proposal && d.action === 'approve' ? { proposedBy: proposal.proposedBy } : {}) },
    });
    await audit(tx, actor, {
      action: 'objection.decided',
      objectType: 'case',
      objectId: c.id,
      before: { status: c.status },
      after: { status: row.status, changes: [change], note: answer, ...(d.action === 'approve' ? { approved: true } : {}) },
    });
    return ok({ id: c.id, status: row.status });
  });
  if (done.ok) await tellPerson(db, c, `已办结：已更正“${change.label}”。`, opts);
  return done;
}
