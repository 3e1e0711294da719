import 'server-only';
/**
 * Objections of a practitioner about their own data (SN 18; SPEC §3.8).
 *
 * Filing is anonymous: the name, ID number and mobile must all match a registered person (looked up by the keyed
 * hash of the ID number); any mismatch gets one neutral message that does not say which part failed or whether
 * the ID exists. One open objection per person; after a decision, the same item again only with new evidence
 * (a file whose sha256 was not in any earlier objection of the person).
 *
 * Handling: the employing company or the district of the estate (the city: all) starts verification, then either
 * corrects the named item on the record in the same transaction (the case keeps before/after) or explains why
 * the data stands. An optimistic lock on the case lets exactly one of two handlers win.
 */
import type { Db } from '@/db';
import {
  evidenceHashes,
  findObjectionHandlers,
  getObjectionInScope,
  insertEvidence,
  insertObjection,
  listPersonObjections,
  lockPersonForObjection,
  setPersonValue,
  updateObjection,
} from '@/db/queries/objections';
import { findPersonByIdHash } from '@/db/queries/practitioner-entry';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import {
  isOpenStatus,
  newTrackingCode,
  OBJECTION_FIELDS,
  parseObjectionBody,
  type ObjectionBody,
  type ObjectionDecision,
} from '@/lib/domain/objections';
import { env } from '@/lib/env';
import { hashIdNumber, type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import { cleanDocument, UploadError, type CleanFile } from '@/lib/uploads/files';
import { checkCorrectedValue, objectionFilingSchema, objectionHandlingSchema } from '@/lib/validation/objections';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';

/** The one answer to any mismatch of name, ID number and phone. */
export const NO_MATCH_MESSAGE = '填写的姓名、身份证号码和手机号码与平台登记信息不一致，无法受理。请核对后重新填写；如手机号码已变更，请联系所在企业或区县住建部门。';
export const OPEN_EXISTS_MESSAGE = '您已有一件信息异议正在处理中，请凭查询码查看进度，办结后再提出新的异议。';
export const REPEAT_MESSAGE = '该项信息的异议已经处理完毕。没有新的证明材料的重复异议不予受理，请上传新的证明材料后再提交。';
export const EVIDENCE_MAX_FILES = 3;
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export interface EvidenceUpload {
  bytes: Uint8Array;
  filename?: string;
}

export interface FileObjectionInput {
  data: unknown;
  evidence?: EvidenceUpload[];
}

export type EvidenceFile = CleanFile & { filename: string };

/**
 * The uploaded evidence, checked and cleaned (PDF kept, images re-encoded without metadata), named
 * 证明材料-N; a field error on `evidence` when there are too many files or one is not accepted.
 */
export async function cleanEvidence(evidence: EvidenceUpload[] | undefined): Promise<ActionResult<EvidenceFile[]>> {
  const uploads = (evidence ?? []).filter((f) => f.bytes.byteLength > 0);
  if (uploads.length > EVIDENCE_MAX_FILES) return fieldError('evidence', `证明材料最多 ${EVIDENCE_MAX_FILES} 个文件`);
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
  opts: { keys?: IdKeys; ip?: string | null } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  const parsed = objectionFilingSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;

  const cleaned = await cleanEvidence(input.evidence);
  if (!cleaned.ok) return cleaned;
  const files = cleaned.data;

  const keys = opts.keys ?? idKeysFrom(env());
  const person = await findPersonByIdHash(db, hashIdNumber(d.idNumber, keys));
  if (!person || person.name.trim() !== d.name || person.mobile.trim() !== d.mobile) return fail('INVALID', NO_MATCH_MESSAGE);

  const body: ObjectionBody = { field: d.field, claimed: d.claimed, statement: d.statement };
  const handlers = await findObjectionHandlers(db, person.id);

  try {
    return await inTransaction(db, async (tx) => {
      await lockPersonForObjection(tx, person.id);
      const earlier = await listPersonObjections(tx, person.id);
      if (earlier.some((c) => isOpenStatus(c.status))) throw new Rollback(fail('CONFLICT', OPEN_EXISTS_MESSAGE));
      const decidedSameItem = earlier.filter((c) => !isOpenStatus(c.status) && parseObjectionBody(c.body).field === d.field);
      if (decidedSameItem.length > 0) {
        const seen = await evidenceHashes(tx, earlier.map((c) => c.id));
        if (!files.some((f) => !seen.has(f.sha256))) throw new Rollback(fail('CONFLICT', REPEAT_MESSAGE));
      }
      const trackingCode = newTrackingCode();
      const caseId = await insertObjection(tx, {
        trackingCode,
        practitionerId: person.id,
        companyId: handlers?.companyId ?? null,
        projectId: handlers?.projectId ?? null,
        districtId: handlers?.districtId ?? null,
        filerName: person.name,
        filerPhone: d.mobile,
        body: JSON.stringify(body),
      });
      await insertEvidence(tx, caseId, files);
      // The audit row names the person by the masked ID only.
      await audit(tx, PUBLIC_FILER(opts.ip), {
        action: 'objection.filed',
        objectType: 'case',
        objectId: caseId,
        after: { trackingCode, practitionerId: person.id, name: person.name, idNumber: person.idNumberMasked, field: d.field, evidenceFiles: files.length },
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

export async function handleObjection(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string; status: string }>> {
  const parsed = objectionHandlingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'objection.handle')) return fail('FORBIDDEN');
  const d = parsed.data;
  const c = await getObjectionInScope(db, actor, d.caseId);
  if (!c || !can(actor, 'objection.handle', { companyId: c.companyId, districtId: c.districtId })) return fail('NOT_FOUND');
  if (!isOpenStatus(c.status)) return fail('CONFLICT', '该异议已办结');
  if (c.version !== d.version) return fail('CONFLICT', LOST_RACE_MESSAGE);

  if (d.action === 'verify') {
    if (c.status !== 'open') return fail('CONFLICT', '该异议已在核实中');
    return inTransaction(db, async (tx) => {
      const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'verifying' });
      if (!row) throw new LostRace(LOST_RACE_MESSAGE);
      await audit(tx, actor, { action: 'objection.verifying', objectType: 'case', objectId: c.id, before: { status: c.status }, after: { status: row.status } });
      return ok({ id: c.id, status: row.status });
    });
  }

  if (d.action === 'dismiss') {
    const decision: ObjectionDecision = { outcome: 'dismissed', changes: [] };
    return inTransaction(db, async (tx) => {
      const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'dismissed', answer: d.note, decision: JSON.stringify(decision), decidedBy: actor.userId });
      if (!row) throw new LostRace(LOST_RACE_MESSAGE);
      await audit(tx, actor, {
        action: 'objection.decided',
        objectType: 'case',
        objectId: c.id,
        before: { status: c.status },
        after: { status: row.status, explanation: d.note },
      });
      return ok({ id: c.id, status: row.status });
    });
  }

  const checked = checkCorrectedValue(d.field, d.value);
  if (!checked.ok) return fieldError('value', checked.message);
  const before = c.person[d.field] ?? null;
  if (d.field === 'post' && !c.person.currentEmploymentId) return fieldError('field', '该人员目前没有在职登记，无法更正岗位');
  if ((before ?? '') === (checked.value ?? '')) return fieldError('value', '更正后的内容与现有信息相同；如信息无误，请选择“维持原信息”并说明理由');
  const change = { field: d.field, label: OBJECTION_FIELDS[d.field], before, after: checked.value };
  const decision: ObjectionDecision = { outcome: 'corrected', changes: [change] };
  return inTransaction(db, async (tx) => {
    const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'corrected', answer: d.note, decision: JSON.stringify(decision), decidedBy: actor.userId });
    if (!row) throw new LostRace(LOST_RACE_MESSAGE);
    const changed = await setPersonValue(tx, c.practitionerId, c.person.currentEmploymentId, d.field, checked.value);
    if (!changed) throw new Rollback(fail('CONFLICT', '该人员的信息已变化，请刷新后重试'));
    await audit(tx, actor, {
      action: 'practitioner.corrected',
      objectType: 'practitioner',
      objectId: c.practitionerId,
      before: { [d.field]: before },
      after: { [d.field]: checked.value, objection: c.trackingCode },
    });
    await audit(tx, actor, {
      action: 'objection.decided',
      objectType: 'case',
      objectId: c.id,
      before: { status: c.status },
      after: { status: row.status, changes: [change], note: d.note },
    });
    return ok({ id: c.id, status: row.status });
  });
}
