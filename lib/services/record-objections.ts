import 'server-only';
/**
 * Objections about records (DW 9, SN 18; SPEC §3.8).
 *
 * Filing, always with written evidence:
 * - a company about one of its own confirmed credit records (signed in, from /company/objections);
 * - any person about a credit record or a staff record that is public today (name and phone, no account);
 * - the person about their own good or bad record, identified by the code of the notice they were given plus
 *   their name and ID number, or by name, ID number and mobile and then choosing among their records.
 * While an objection on the record is open another is refused; after a decision, a repeat needs a file that
 * none of the earlier objections on that record carried. The subject's own objections (the person's on their
 * record, the company's on its credit record) are judged against their own earlier ones only: an open objection
 * by a stranger never blocks them. Every anonymous filing is limited per client and per record (./anonymous-
 * limits) before its uploads are decoded. The objector follows the case by its tracking code.
 *
 * Handling, by the district bureau of the record (the estate's district, else the company's; the city: all):
 * start verification, then correct items of the record (type, description, severity, points) or revoke it as
 * a whole, appending the published correction to the record in the same transaction as the decision and the
 * audit rows, or explain why it stands. An optimistic lock on the case lets one of two handlers win.
 */
import type { Db } from '@/db';
import { evidenceHashes, getPersonValues, insertEvidence, objectionExists, updateObjection } from '@/db/queries/objections';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  correctCreditRecord,
  correctPractitionerRecord,
  creditRecordPublicOn,
  findPractitionerRecordByNotice,
  getCompanyContact,
  getCreditRecordForObjection,
  getPolicySettings,
  getPractitionerRecordForObjection,
  getRecordObjectionInScope,
  insertRecordObjection,
  listOwnApprovedRecords,
  listRecordObjections,
  lockRecordForObjection,
  practitionerRecordPublicOn,
} from '@/db/queries/record-objections';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import {
  buildRecordCorrection,
  isOpenStatus,
  newTrackingCode,
  parseRecordObjectionBody,
  RECORD_OPEN_EXISTS_MESSAGE,
  RECORD_REPEAT_MESSAGE,
  recordRepeatRefusal,
  revocationCorrection,
  type CorrectableRecord,
  type RecordObjectionBody,
  type RecordObjectionDecision,
  type RecordObjectionFiler,
  type RecordSubject,
} from '@/lib/domain/objections';
import { BAD_RECORD_TYPES, GOOD_RECORD_TYPES, warningWindow, type RecordCorrection, type Severity } from '@/lib/domain/records';
import { env } from '@/lib/env';
import { hashIdNumber, idKeysFrom, type IdKeys } from '@/lib/security/id-crypto';
import { verifyIdentity } from '@/lib/security/identity-token';
import {
  companyRecordObjectionSchema,
  ownRecordByNoticeSchema,
  ownRecordByTokenSchema,
  publicRecordObjectionSchema,
  recordObjectionHandlingSchema,
} from '@/lib/validation/objections';
import { allowed, refused } from './gate';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { syncRecordListEntry } from './list-entries';
import { admitImages } from './upload-limits';
import { admit, clientKey, LIMITS } from './anonymous-limits';
import { verifyIdentityCode, type IdentityCheckOpts } from './identity-check';
import { ownDataUse, type OwnDataUse } from './data-use';
import { cleanEvidence, EVIDENCE_MAX_FILES, LOST_RACE_MESSAGE, PUBLIC_FILER, startVerifying, type EvidenceFile, type EvidenceInput } from './objections';

export const EVIDENCE_REQUIRED_MESSAGE = '请上传书面证明材料（至少 1 个 PDF 或图片文件）：对记录提出异议须提供相应的书面证据。';
export const NOT_PUBLIC_MESSAGE = '未找到该公开信息：该记录不存在或目前不在公示期内，无法对其提出异议。';
export const NOTICE_NO_MATCH_MESSAGE = '填写的告知书编号、姓名和身份证号码与平台记录不一致，无法受理。请核对告知书后重新填写；如告知书遗失，请改用“姓名、身份证号码和手机号码”并凭短信验证码查找本人记录。';
export const RECORD_NOT_ACTIVE_MESSAGE = '该记录目前不在有效状态（已撤销、已更正为无效或尚未生效），无需提出异议。';
export const TOKEN_EXPIRED_MESSAGE = '身份确认已失效（超过 30 分钟或无效），请重新填写姓名、身份证号码和手机号码。';

export interface RecordObjectionInput {
  data: unknown;
  evidence?: EvidenceInput;
}

interface Filing {
  subject: RecordSubject;
  record: { id: string; companyId: string | null; projectId: string | null; districtId: string | null };
  filer: RecordObjectionFiler;
  filerName: string;
  filerPhone: string;
  filerUserId: string | null;
  reason: string;
  files: EvidenceFile[];
  who: Actor | { label: string; ip: string | null };
  auditExtra?: Record<string, unknown>;
}

async function requireEvidence(evidence: EvidenceInput | undefined): Promise<ActionResult<EvidenceFile[]>> {
  const cleaned = await cleanEvidence(evidence);
  if (!cleaned.ok) return cleaned;
  if (cleaned.data.length === 0) return fieldError('evidence', EVIDENCE_REQUIRED_MESSAGE);
  return cleaned;
}

/** The one place a record objection is written: repeat rule, case, evidence and audit in one transaction. */
async function fileOn(db: Db, f: Filing): Promise<ActionResult<{ trackingCode: string }>> {
  const body: RecordObjectionBody = { filer: f.filer, reason: f.reason };
  try {
    return await inTransaction(db, async (tx) => {
      await lockRecordForObjection(tx, f.record.id);
      const all = await listRecordObjections(tx, f.subject, f.record.id);
      // The subject answers for itself: only its own earlier objections count against it.
      const earlier = f.filer === 'public' ? all : all.filter((c) => parseRecordObjectionBody(c.body).filer === f.filer);
      const seen = await evidenceHashes(tx, earlier.map((c) => c.id));
      const refusal = recordRepeatRefusal(earlier, f.files.map((x) => x.sha256), seen);
      if (refusal === 'open') throw new Rollback(fail('CONFLICT', RECORD_OPEN_EXISTS_MESSAGE));
      if (refusal === 'no-new-evidence') throw new Rollback(fail('CONFLICT', RECORD_REPEAT_MESSAGE));
      const trackingCode = newTrackingCode();
      const caseId = await insertRecordObjection(tx, {
        subject: f.subject,
        recordId: f.record.id,
        trackingCode,
        companyId: f.record.companyId,
        projectId: f.record.projectId,
        districtId: f.record.districtId,
        filerName: f.filerName,
        filerPhone: f.filerPhone,
        filerUserId: f.filerUserId,
        body: JSON.stringify(body),
      });
      await insertEvidence(tx, caseId, f.files);
      await audit(tx, f.who, {
        action: 'objection.filed',
        objectType: 'case',
        objectId: caseId,
        after: { trackingCode, subject: f.subject, recordId: f.record.id, filer: f.filer, evidenceFiles: f.files.length, ...f.auditExtra },
      });
      return ok({ trackingCode });
    });
  } catch (e) {
    // A tracking-code collision (about 1 in 10^17): ask to submit again rather than guess.
    if (isUniqueViolation(e)) return fail('CONFLICT', '提交未成功，请重新提交');
    throw e;
  }
}

/** DW 9 第一款: the company about one of its own confirmed credit records, with written evidence. */
export async function fileCompanyRecordObjection(
  db: Db,
  actor: Actor | null,
  input: RecordObjectionInput,
  opts: { now?: Date } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'area.company')) return fail('FORBIDDEN');
  const parsed = companyRecordObjectionSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const record = await getCreditRecordForObjection(db, parsed.data.recordId);
  // Another company's record, or one not confirmed, looks exactly like a missing one; another company's is logged.
  if (!record || record.status !== 'approved' || !can(actor, 'area.company', { companyId: record.companyId })) {
    if (record && !can(actor, 'area.company', { companyId: record.companyId })) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'credit_record', objectId: record.id });
    }
    return fail('NOT_FOUND', '未找到该信用记录');
  }
  // The record in scope before any upload is decoded: cheap checks first, then the account's image limit.
  const lazy = input.evidence && !Array.isArray(input.evidence) ? input.evidence : null;
  const evidence = lazy && lazy.count <= EVIDENCE_MAX_FILES ? await lazy.read() : input.evidence;
  const admitted = await admitImages(db, actor, { evidence: Array.isArray(evidence) ? evidence : [] }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const files = await requireEvidence(evidence);
  if (!files.ok) return files;
  const contact = await getCompanyContact(db, record.companyId);
  return fileOn(db, {
    subject: 'credit_record',
    record,
    filer: 'company',
    filerName: `${contact?.name ?? record.companyName}（${actor.name}）`,
    filerPhone: contact?.phone ?? '',
    filerUserId: actor.userId,
    reason: parsed.data.reason,
    files: files.data,
    who: actor,
  });
}

/** DW 9 第二款 / SPEC §3.8: any person about published information, with written evidence; no account. */
export async function filePublicRecordObjection(
  db: Db,
  _actor: Actor | null,
  input: RecordObjectionInput,
  opts: { today?: string; ip?: string | null; at?: Date } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = publicRecordObjectionSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const target = await admit(db, opts.ip, [{ limit: LIMITS.publicTarget, key: `${d.subject}:${d.recordId}` }], at);
  if (!target.ok) return target;
  const files = await requireEvidence(input.evidence);
  if (!files.ok) return files;
  const on = opts.today ?? clockToday();
  let record: Filing['record'] | null = null;
  if (d.subject === 'credit_record') {
    const { settings } = await getCurrentPolicy(db);
    if (await creditRecordPublicOn(db, d.recordId, on, settings.publishMinorWarnings)) record = await getCreditRecordForObjection(db, d.recordId);
  } else if (await practitionerRecordPublicOn(db, d.recordId, on)) {
    record = await getPractitionerRecordForObjection(db, d.recordId);
  }
  if (!record) return fail('NOT_FOUND', NOT_PUBLIC_MESSAGE);
  return fileOn(db, {
    subject: d.subject,
    record,
    filer: 'public',
    filerName: d.name,
    filerPhone: d.phone,
    filerUserId: null,
    reason: d.reason,
    files: files.data,
    who: PUBLIC_FILER(opts.ip),
  });
}

export interface OwnRecordsLookup {
  /** Proof of identity for the second step (30 minutes). */
  token: string;
  name: string;
  records: { id: string; kind: 'good' | 'bad'; type: string; occurredOn: string; issuer: string; description: string }[];
  /** The person's right of access (SN 20; issue 17 item 1): their print requests, the grants covering them, the full views. */
  dataUse: OwnDataUse;
}

/**
 * The person without the notice, after step 1 of the identity check (./identity-check: name, ID number and
 * mobile, answered neutrally, a code sent to the registered mobile): the code → their approved records and a
 * 30-minute proof of identity for filing.
 */
export async function ownRecordsByCode(db: Db, data: unknown, opts: IdentityCheckOpts = {}): Promise<ActionResult<OwnRecordsLookup>> {
  const verified = await verifyIdentityCode(db, data, opts);
  if (!verified.ok) return verified;
  const person = await getPersonValues(db, verified.data.practitionerId);
  return ok({ token: verified.data.token, name: person?.name ?? '', records: await listOwnApprovedRecords(db, verified.data.practitionerId), dataUse: await ownDataUse(db, verified.data.practitionerId) });
}

/** The same list again from a still-valid proof (a second step that came back with an error). */
export async function ownRecordsByToken(db: Db, token: string, opts: { keys?: IdKeys; nowMs?: number } = {}): Promise<ActionResult<OwnRecordsLookup>> {
  const id = verifyIdentity(token, opts.keys ?? idKeysFrom(env()), opts.nowMs);
  const person = id ? await getPersonValues(db, id) : null;
  if (!id || !person) return fail('INVALID', TOKEN_EXPIRED_MESSAGE);
  return ok({ token, name: person.name ?? '', records: await listOwnApprovedRecords(db, id), dataUse: await ownDataUse(db, id) });
}

/** SN 18: the person about their own good or bad record, by notice code (or the look-up's token), with evidence. */
export async function fileOwnRecordObjection(
  db: Db,
  _actor: Actor | null,
  input: RecordObjectionInput & { by: 'notice' | 'token' },
  opts: { keys?: IdKeys; ip?: string | null; at?: Date } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  const keys = opts.keys ?? idKeysFrom(env());
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  if (input.by === 'notice') {
    const parsed = ownRecordByNoticeSchema.safeParse(input?.data);
    if (!parsed.success) return invalid(parsed.error);
    const d = parsed.data;
    const target = await admit(db, opts.ip, [{ limit: LIMITS.ownTarget, key: `notice:${d.noticeCode.toUpperCase()}` }], at);
    if (!target.ok) return target;
    const files = await requireEvidence(input.evidence);
    if (!files.ok) return files;
    const byNotice = await findPractitionerRecordByNotice(db, d.noticeCode);
    if (!byNotice || byNotice.name.trim() !== d.name || byNotice.idNumberHash !== hashIdNumber(d.idNumber, keys)) {
      await auditNoticeMismatch(db, opts.ip, byNotice?.recordId ?? null);
      return fail('INVALID', NOTICE_NO_MATCH_MESSAGE);
    }
    return fileOwn(db, { practitionerId: byNotice.practitionerId, recordId: byNotice.recordId, reason: d.reason, files: files.data, ip: opts.ip ?? null, by: 'notice' });
  }
  const parsed = ownRecordByTokenSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const who = verifyIdentity(parsed.data.token, keys, at.getTime());
  if (!who) return fail('INVALID', TOKEN_EXPIRED_MESSAGE);
  const target = await admit(db, opts.ip, [{ limit: LIMITS.ownTarget, key: `practitioner:${who}` }], at);
  if (!target.ok) return target;
  const files = await requireEvidence(input.evidence);
  if (!files.ok) return files;
  return fileOwn(db, { practitionerId: who, recordId: parsed.data.recordId, reason: parsed.data.reason, files: files.data, ip: opts.ip ?? null, by: 'token' });
}

/** A notice code with a name and ID number that do not fit it: audited (the record it names, if any). */
export async function auditNoticeMismatch(db: Db, ip: string | null | undefined, recordId: string | null) {
  await audit(db, { label: '匿名访问（告知书核验）', ip: ip ?? null }, { action: 'identity.notice_no_match', objectType: 'practitioner_record', objectId: recordId });
}

async function fileOwn(
  db: Db,
  o: { practitionerId: string; recordId: string; reason: string; files: EvidenceFile[]; ip: string | null; by: 'notice' | 'token' },
): Promise<ActionResult<{ trackingCode: string }>> {
  const record = await getPractitionerRecordForObjection(db, o.recordId);
  // Someone else's record looks exactly like a missing one.
  if (!record || record.practitionerId !== o.practitionerId) return fail('NOT_FOUND', '未找到该记录');
  if (record.status !== 'approved') return fail('CONFLICT', RECORD_NOT_ACTIVE_MESSAGE);
  const person = await getPersonValues(db, record.practitionerId);
  return fileOn(db, {
    subject: 'practitioner_record',
    record,
    filer: 'subject',
    filerName: record.personName,
    filerPhone: person?.mobile ?? '',
    filerUserId: null,
    reason: o.reason,
    files: o.files,
    who: { label: '记录当事人（异议人）', ip: o.ip },
    // The audit row names the person by the masked ID only.
    auditExtra: { practitionerId: record.practitionerId, name: record.personName, idNumber: record.idNumberMasked, identifiedBy: o.by },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Handling

const revalidateMessage = '该记录已被修改（例如已申请修复或已被其他人更正），请刷新后重试';

export async function handleRecordObjection(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!allowed(actor, 'objection.record.handle')) return refused(actor);
  const parsed = recordObjectionHandlingSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const c = await getRecordObjectionInScope(db, actor, d.caseId);
  if (!c || !can(actor, 'objection.record.handle', { districtId: c.districtId })) {
    if (c || (await objectionExists(db, d.caseId))) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'case', objectId: d.caseId });
    return fail('NOT_FOUND');
  }
  if (!isOpenStatus(c.status)) return fail('CONFLICT', '该异议已办结');
  if (c.version !== d.version) return fail('CONFLICT', LOST_RACE_MESSAGE);
  const on = opts.today ?? clockToday();
  const objectType = c.subjectType;

  if (d.action === 'verify') return startVerifying(db, actor, c, d.version);

  if (d.action === 'dismiss') {
    const decision: RecordObjectionDecision = { outcome: 'dismissed', correction: null };
    return inTransaction(db, async (tx) => {
      const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'dismissed', answer: d.note, decision: JSON.stringify(decision), decidedBy: actor.userId });
      if (!row) throw new LostRace(LOST_RACE_MESSAGE);
      await audit(tx, actor, { action: 'objection.decided', objectType: 'case', objectId: c.id, before: { status: c.status }, after: { status: row.status, explanation: d.note } });
      return ok({ id: c.id, status: row.status });
    });
  }

  const record = (c.credit ?? c.staff)!;
  if (record.status !== 'approved') return fail('CONFLICT', RECORD_NOT_ACTIVE_MESSAGE);

  let correction: RecordCorrection;
  let set: Parameters<typeof correctCreditRecord>[1]['set'] = undefined;
  let outcome: RecordObjectionDecision['outcome'];
  if (d.action === 'revoke') {
    outcome = 'revoked';
    correction = revocationCorrection({ on, reason: d.note, caseId: c.id });
  } else {
    outcome = 'corrected';
    const before: CorrectableRecord = c.credit
      ? { type: c.credit.type, description: c.credit.description, severity: c.credit.severity, points: c.credit.points, publicUntil: c.credit.publicUntil }
      : { type: c.staff!.type, description: c.staff!.description };
    const after: Partial<CorrectableRecord> = {};
    set = {};
    if (d.type !== undefined) {
      if (c.staff) {
        const list: readonly string[] = c.staff.kind === 'good' ? GOOD_RECORD_TYPES : BAD_RECORD_TYPES;
        if (!list.includes(d.type)) return fieldError('type', '请选择有效的记录类型');
      }
      after.type = set.type = d.type;
    }
    if (d.description !== undefined) after.description = set.description = d.description;
    if (d.severity !== undefined) {
      if (!c.credit || c.credit.category !== 'warning') return fieldError('severity', '只有警示信用信息有严重程度');
      after.severity = set.severity = d.severity;
      if (d.severity !== c.credit.severity && c.credit.publishedOn) {
        // The publicity window follows the severity (SPEC §4), by the policy version the record names.
        const policy = (await getPolicySettings(db, c.credit.policyVersion)) ?? (await getCurrentPolicy(db)).settings;
        const w = warningWindow(c.credit.publishedOn, d.severity as Severity, policy);
        set.minPublicUntil = w.minPublicUntil;
        set.publicUntil = after.publicUntil = w.publicUntil;
      }
    }
    if (d.points !== undefined) {
      if (!c.credit) return fieldError('points', '从业人员记录没有分值');
      after.points = set.points = d.points.toFixed(2);
    }
    const built = buildRecordCorrection(before, after, { on, reason: d.note, caseId: c.id });
    if (!built) return fail('INVALID', '更正后的内容与现有记录相同。如记录无误，请选择“维持原记录”并说明理由；如记录整体不成立，请选择“撤销记录”。');
    correction = built;
  }

  const decision: RecordObjectionDecision = { outcome, correction };
  const policyVersion = c.credit ? (await getCurrentPolicy(db)).version : 0;
  const result = await inTransaction(db, async (tx) => {
    const row = await updateObjection(tx, { id: c.id, expectedVersion: d.version, status: 'corrected', answer: d.note, decision: JSON.stringify(decision), decidedBy: actor.userId });
    if (!row) throw new LostRace(LOST_RACE_MESSAGE);
    const revoke = outcome === 'revoked';
    const changed = c.credit
      ? await correctCreditRecord(tx, { id: record.id, expectedVersion: record.version, correction, revoke, set })
      : await correctPractitionerRecord(tx, { id: record.id, expectedVersion: record.version, correction, revoke, set: set && { type: set.type, description: set.description } });
    if (!changed) throw new Rollback(fail('CONFLICT', revalidateMessage));
    // The record's list entry follows it: revoked → ended with the reason; a changed severity or window → changed.
    if (c.credit) await syncRecordListEntry(tx, actor, record.id, on, policyVersion);
    await audit(tx, actor, {
      action: revoke ? 'record.revoked' : 'record.corrected',
      objectType,
      objectId: record.id,
      before: revoke ? { status: 'approved' } : correction.before,
      after: revoke ? { status: 'corrected', objection: c.trackingCode } : { ...correction.after, objection: c.trackingCode },
    });
    await audit(tx, actor, {
      action: 'objection.decided',
      objectType: 'case',
      objectId: c.id,
      before: { status: c.status },
      after: { status: row.status, outcome, correction },
    });
    return ok({ id: c.id, status: row.status });
  });
  return result;
}
