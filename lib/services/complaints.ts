import 'server-only';
/**
 * Owners' complaints and praise (SPEC §3.10; SN 9.3, 13.5; CQ).
 *
 * Filing needs no account: name, phone, the estate, optionally the serving company or one of the estate's staff,
 * what happened, up to 3 photos. Limited per client address and per phone number in the database before any
 * photo is read (./anonymous-limits); photos are cleaned like every upload (./objections cleanEvidence). The
 * owner gets a tracking code. The answer is due within the policy's working days (complaintAnswerWorkingDays).
 *
 * Handling: the serving company answers (text, optional evidence) — for a praise it acknowledges, and files the
 * good record itself through its own filing (SN 9.3, 12). The district of the estate (the city: all) decides a
 * complaint once answered or once the answer is overdue: substantiated → a bad record of the responsible person
 * (SN 13.5) and/or a company warning record, made by the record services themselves (their rules, notices and
 * audit rows) inside the decision's transaction; not substantiated → closed with the reason the owner reads.
 * Optimistic lock on the case; out of scope behaves as missing and is audited.
 */
import { createHash } from 'node:crypto';
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  complaintExists,
  getComplaintEstate,
  getComplaintInScope,
  getEstateStaffChoice,
  insertCaseFiles,
  insertComplaint,
  readCaseFiles,
  setComplaintAnswer,
  setComplaintDecision,
} from '@/db/queries/complaints';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import {
  ALREADY_DONE,
  answerDueOn,
  LOST_RACE,
  mayAnswer,
  mayDecide,
  NOT_YET_DECIDABLE,
  parseComplaintBody,
  type ComplaintBody,
  type ComplaintDecision,
} from '@/lib/domain/complaints';
import { newTrackingCode } from '@/lib/domain/objections';
import { BAD_RECORD_TYPES } from '@/lib/domain/records';
import { complaintAnswerSchema, complaintDecisionSchema, complaintFilingSchema } from '@/lib/validation/complaints';
import { admit, clientKey, LIMITS } from './anonymous-limits';
import { enterWarningRecord } from './credit-records';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { cleanEvidence, type EvidenceFile, type EvidenceInput, type EvidenceUpload } from './objections';
import { enterBadRecord } from './practitioner-records';
import { admitImages } from './upload-limits';

export const NO_COMPANY_MESSAGE = '该小区目前没有登记在册的物业服务企业，请选择“小区物业服务”或具体的工作人员以外的对象。';
export const STAFF_NOT_FOUND_MESSAGE = '请从该小区公开的工作人员名单中选择';
export const PHOTOS_ONLY_MESSAGE = '照片只接受 JPEG、PNG 或 WebP 图片';
/** SN 13 第五项: the bad-record type a substantiated owner complaint becomes. */
export const COMPLAINT_RECORD_TYPE = BAD_RECORD_TYPES[4];
export const COMPLAINT_WARNING_TYPE = '业主投诉经核实属实';
/** The record services take at most this many evidence files. */
const RECORD_EVIDENCE_MAX = 5;

export interface ComplaintInput {
  data: unknown;
  /** Photos (owner) or evidence (company, district): counted but unread until the limits have passed. */
  evidence?: EvidenceInput;
}

const PUBLIC_COMPLAINANT = (ip: string | null | undefined) => ({ label: '公众（投诉人）', ip: ip ?? null });
const phoneKey = (phone: string) => createHash('sha256').update(`complaint:${phone}`).digest('hex');

/** Cleaned uploads renamed for what they are; `imagesOnly` refuses a PDF (the owner's photos). */
async function cleanFiles(evidence: EvidenceInput | undefined, label: string, imagesOnly: boolean): Promise<ActionResult<EvidenceFile[]>> {
  const cleaned = await cleanEvidence(evidence);
  if (!cleaned.ok) return cleaned;
  if (imagesOnly && cleaned.data.some((f) => f.mime === 'application/pdf')) return fieldError('evidence', PHOTOS_ONLY_MESSAGE);
  return ok(cleaned.data.map((f, i) => ({ ...f, filename: `${label}-${i + 1}.${f.extension}` })));
}

/** SPEC §3.10: an owner files a complaint or praise about an estate, its company or one of its staff. */
export async function fileComplaint(
  db: Db,
  _actor: Actor | null,
  input: ComplaintInput,
  opts: { ip?: string | null; at?: Date; today?: string } = {},
): Promise<ActionResult<{ trackingCode: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = complaintFilingSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const target = await admit(db, opts.ip, [{ limit: LIMITS.complaintPhone, key: phoneKey(d.phone) }], at);
  if (!target.ok) return target;
  const estate = await getComplaintEstate(db, d.projectId);
  if (!estate) return fieldError('projectId', '未找到该小区，请重新查找');
  if (d.about === 'company' && !estate.company) return fieldError('about', NO_COMPANY_MESSAGE);
  const staff = d.about === 'staff' ? await getEstateStaffChoice(db, estate.id, d.practitionerId!) : null;
  if (d.about === 'staff' && !staff) return fieldError('practitionerId', STAFF_NOT_FOUND_MESSAGE);
  const photos = await cleanFiles(input.evidence, '照片', true);
  if (!photos.ok) return photos;

  const filedOn = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const dueOn = answerDueOn(filedOn, policy.settings);
  const body: ComplaintBody = { about: d.about, staff, text: d.text, filedOn };
  const trackingCode = newTrackingCode();
  try {
    return await inTransaction(db, async (tx) => {
      const id = await insertComplaint(tx, {
        kind: d.kind,
        trackingCode,
        subjectType: staff ? 'practitioner' : d.about === 'company' ? 'company' : 'project',
        subjectId: staff?.id ?? (d.about === 'company' ? estate.company!.id : estate.id),
        companyId: estate.company?.id ?? null,
        projectId: estate.id,
        districtId: estate.districtId,
        filerName: d.name,
        filerPhone: d.phone,
        body: JSON.stringify(body),
        dueOn,
      });
      await insertCaseFiles(tx, id, 'photo', photos.data, null);
      await audit(tx, PUBLIC_COMPLAINANT(opts.ip), {
        action: 'complaint.filed',
        objectType: 'case',
        objectId: id,
        after: { trackingCode, kind: d.kind, projectId: estate.id, about: d.about, practitionerId: staff?.id ?? null, photos: photos.data.length, dueOn, policyVersion: policy.version },
      });
      return ok({ trackingCode });
    });
  } catch (e) {
    // A tracking-code collision (about 1 in 10^17): ask to submit again rather than guess.
    if (isUniqueViolation(e)) return fail('CONFLICT', '提交未成功，请重新提交');
    throw e;
  }
}

/** The case in the actor's scope, or NOT_FOUND (an existing case out of scope is audited). */
async function caseInScope(db: Db, actor: Actor, id: string) {
  const c = await getComplaintInScope(db, actor, id);
  if (c) return c;
  if (await complaintExists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'case', objectId: id });
  return null;
}

const readUploads = async (evidence: EvidenceInput | undefined): Promise<EvidenceUpload[]> =>
  !evidence ? [] : Array.isArray(evidence) ? evidence : await evidence.read();

/** The serving company answers a complaint (or acknowledges a praise), with optional evidence. */
export async function answerComplaint(db: Db, actor: Actor | null, input: ComplaintInput, opts: { now?: Date } = {}): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'complaint.answer')) return fail('FORBIDDEN');
  const parsed = complaintAnswerSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const c = await caseInScope(db, actor, d.caseId);
  if (!c || !can(actor, 'complaint.answer', { companyId: c.companyId })) return fail('NOT_FOUND');
  if (!mayAnswer(c)) return fail('CONFLICT', c.status === 'answered' ? '企业已答复' : ALREADY_DONE);
  if (c.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const at = opts.now ?? clockNow();
  const uploads = await readUploads(input.evidence);
  const admitted = await admitImages(db, actor, { evidence: uploads }, { at });
  if (!admitted.ok) return admitted;
  const files = await cleanFiles(uploads, '企业答复材料', false);
  if (!files.ok) return files;
  const status = c.kind === 'praise' ? 'closed' : 'answered';
  return inTransaction(db, async (tx) => {
    const row = await setComplaintAnswer(tx, { id: c.id, expectedVersion: d.version, answer: d.answer, answeredBy: actor.userId, status, at });
    if (!row) throw new LostRace(LOST_RACE);
    await insertCaseFiles(tx, c.id, 'answer', files.data, actor.userId);
    await audit(tx, actor, { action: 'complaint.answered', objectType: 'case', objectId: c.id, before: { status: c.status }, after: { status: row.status, files: files.data.length } });
    return ok({ id: c.id, status: row.status });
  });
}

function bureauName(actor: Actor): string {
  return actor.organisationName ?? (actor.role === 'city' ? '遂宁市住房和城乡建设局' : `${actor.districtName ?? ''}住房和城乡建设局`);
}

/** The district's uploads first, then the company's evidence and the owner's photos, up to the services' limit. */
async function recordEvidence(db: Db, caseId: string, uploads: EvidenceUpload[]): Promise<EvidenceUpload[]> {
  const stored = (await readCaseFiles(db, caseId)).map((f) => ({ bytes: new Uint8Array(f.content), filename: f.filename }));
  return [...uploads.filter((u) => u.bytes.byteLength > 0), ...stored].slice(0, RECORD_EVIDENCE_MAX);
}

/** The district (the city: any) decides a complaint: substantiated with its records, or not with the reason. */
export async function decideComplaint(
  db: Db,
  actor: Actor | null,
  input: ComplaintInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; status: string; staffRecordId: string | null; creditRecordId: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'complaint.decide')) return fail('FORBIDDEN');
  const parsed = complaintDecisionSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const c = await caseInScope(db, actor, d.caseId);
  if (!c || !can(actor, 'complaint.decide', { districtId: c.districtId })) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  if (c.status !== 'open' && c.status !== 'answered') return fail('CONFLICT', ALREADY_DONE);
  if (!mayDecide(c, on)) return fail('CONFLICT', c.kind === 'praise' ? '表扬由企业登记优良信息，无需核实' : NOT_YET_DECIDABLE);
  if (c.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const upheld = d.outcome === 'upheld';
  if (upheld && d.staffRecord && !(await getEstateStaffChoice(db, c.projectId!, d.practitionerId!))) return fieldError('practitionerId', STAFF_NOT_FOUND_MESSAGE);
  if (upheld && d.companyWarning && !c.companyId) return fieldError('companyWarning', '该小区没有登记的物业服务企业，无法记入企业警示信息');

  const body = parseComplaintBody(c.body);
  const occurredOn = body.filedOn || on;
  const description = `业主投诉（查询码 ${c.trackingCode}）经核实属实：${d.reason}`.slice(0, 1000);
  const evidence = upheld ? await recordEvidence(db, c.id, await readUploads(input.evidence)) : [];
  const at = opts.now ?? clockNow();

  return inTransaction(db, async (tx) => {
    // The record services run in this transaction (their own steps are savepoints): all or nothing.
    const txDb = tx as unknown as Db;
    const decision: ComplaintDecision = { outcome: d.outcome, reason: d.reason, staffRecord: null, creditRecord: null };
    if (upheld && d.staffRecord) {
      const r = await enterBadRecord(
        txDb,
        actor,
        { data: { practitionerId: d.practitionerId, type: COMPLAINT_RECORD_TYPE, issuer: bureauName(actor), description, occurredOn }, evidence },
        { today: on, now: at },
      );
      if (!r.ok) throw new Rollback(r);
      const person = (await getEstateStaffChoice(tx, c.projectId!, d.practitionerId!))!;
      decision.staffRecord = { id: r.data.id, practitionerId: person.id, name: person.name };
    }
    if (upheld && d.companyWarning) {
      const data = {
        companyId: c.companyId,
        projectId: c.projectId,
        type: COMPLAINT_WARNING_TYPE,
        occurredOn,
        issuer: bureauName(actor),
        description,
        severity: d.severity,
        points: String(d.points),
        isPenalty: 'false',
        decisionOn: '',
        publishNow: 'false',
      };
      const r = await enterWarningRecord(txDb, actor, { data, evidence }, { today: on, now: at });
      if (!r.ok) throw new Rollback(r);
      decision.creditRecord = { id: r.data.id, severity: d.severity!, points: String(d.points) };
    }
    const row = await setComplaintDecision(tx, { id: c.id, expectedVersion: d.version, status: d.outcome, decision: JSON.stringify(decision), decidedBy: actor.userId, at });
    if (!row) throw new LostRace(LOST_RACE);
    await audit(tx, actor, {
      action: 'complaint.decided',
      objectType: 'case',
      objectId: c.id,
      before: { status: c.status },
      after: { status: row.status, reason: d.reason, staffRecordId: decision.staffRecord?.id ?? null, creditRecordId: decision.creditRecord?.id ?? null },
    });
    return ok({ id: c.id, status: row.status, staffRecordId: decision.staffRecord?.id ?? null, creditRecordId: decision.creditRecord?.id ?? null });
  });
}

