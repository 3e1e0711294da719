import 'server-only';
/**
 * Staff good and bad records (SPEC §3.4, §3.5; SN 9–14, 18).
 *
 * - A company files a good record for one of its current approved staff, with evidence; a filing more than
 *   5 days after the document was received is flagged, not refused (SN 12). 行业协会表彰 is filed by the
 *   association itself, at most 100 person-times per calendar year (SN 10), counted under an advisory lock.
 * - Companies, departments, street offices / communities and the association (its public censures) report bad
 *   conduct with evidence (SN 14; flagged after 3 days). The district of the person's estate (the city: all)
 *   turns a report into a record — possibly adjusting its type and wording — or declines it with a reason; the
 *   bureau may also enter a record directly.
 * - When a bad record is entered, the same transaction writes the notice to the employer and the verification
 *   row of the printable notice to the person (两书同达), under a fresh notice code.
 *
 * Each function: who (anonymous UNAUTHENTICATED, wrong role FORBIDDEN) → parse → scope (NOT_FOUND; an existing
 * person is logged as out of scope) → one transaction with its audit row.
 */
import type { Db, Tx } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { practitionerExists } from '@/db/queries/practitioner-review';
import {
  decideRecordLocked,
  getRecordInScope,
  getReportableStaff,
  insertPractitionerRecord,
  insertRecordFiles,
  insertRecordNotice,
  lockAndCountAssociationCommendations,
  recordExists,
  type RecordFile,
  type ReportablePerson,
} from '@/db/queries/practitioner-records';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { newTrackingCode } from '@/lib/domain/objections';
import { policyRef } from '@/lib/domain/credit-policy';
import {
  ASSOCIATION_CENSURE_TYPE,
  associationCapRefusal,
  badRecordEmployerNotice,
  badReportLateDays,
  goodRecordLateDays,
  goodRecordProblems,
  isBadRecordType,
  isGoodRecordType,
  type GoodRecordType,
} from '@/lib/domain/records';
import { cleanDocument, sniff, UploadError } from '@/lib/uploads/files';
import { associationCommendationSchema, badEntrySchema, badReportSchema, censureReportSchema, goodRecordSchema, recordDecisionSchema } from '@/lib/validation/records';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { admitImages } from './upload-limits';

export const RECORD_FILES_MAX = 5;
export const RECORD_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const DECIDED_BY_OTHER = '已被其他审核人处理';
export const PERSON_NOT_FOUND = '未找到该人员：只能选择您有权报送的在岗且已审核登记的从业人员';

export interface RecordUpload {
  bytes: Uint8Array;
  filename?: string;
}

export interface RecordFilingInput {
  data: unknown;
  /** Evidence: documents or images. */
  evidence?: RecordUpload[];
  /** 从业表现突出: site photos (images only). */
  photos?: RecordUpload[];
}

interface Opts {
  today?: string;
  /** The moment the upload limits count in (lib/clock's now by default). */
  now?: Date;
  /** Tests: the notice code to use instead of a random one. */
  newCode?: () => string;
}

type Cleaned = { ok: true; files: RecordFile[] } | { ok: false; result: ActionResult<never> };

async function cleanFiles(uploads: RecordUpload[] | undefined, kind: 'evidence' | 'photo', field: string): Promise<Cleaned> {
  const list = (uploads ?? []).filter((f) => f.bytes.byteLength > 0);
  const label = kind === 'photo' ? '现场照片' : '证明材料';
  if (list.length > RECORD_FILES_MAX) return { ok: false, result: fieldError(field, `${label}最多 ${RECORD_FILES_MAX} 个文件`) };
  const files: RecordFile[] = [];
  for (const [i, f] of list.entries()) {
    const sniffed = sniff(f.bytes);
    if (kind === 'photo' && sniffed === 'pdf') return { ok: false, result: fieldError(field, `第 ${i + 1} 张：现场照片只接受 JPEG、PNG 或 WebP 图片`) };
    try {
      const clean = await cleanDocument(f.bytes, RECORD_FILE_MAX_BYTES);
      files.push({ kind, filename: `${label}-${i + 1}.${clean.extension}`, mime: clean.mime, content: clean.content, sha256: clean.sha256 });
    } catch (e) {
      if (e instanceof UploadError) return { ok: false, result: fieldError(field, `第 ${i + 1} 个文件：${e.message}`) };
      throw e;
    }
  }
  return { ok: true, files };
}

function notAfterToday(on: string, values: Record<string, string | null | undefined>): ActionResult<never> | null {
  for (const [field, v] of Object.entries(values)) if (v && v > on) return fieldError(field, '日期不能晚于今天');
  return null;
}

/** NOT_FOUND for a person the actor may not report on; an existing person is written to the audit log (no transaction). */
async function personOutOfScope(db: Db, actor: Actor, practitionerId: string): Promise<ActionResult<never>> {
  if (await practitionerExists(db, practitionerId)) {
    await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId });
  }
  return fail('NOT_FOUND', PERSON_NOT_FOUND);
}

type Checked = { ok: true; files: RecordFile[]; person: ReportablePerson } | { ok: false; result: ActionResult<never> };

/**
 * The checks a commendation or a bad record's filing share, in this order: no date after today, the person
 * reportable by the actor, the evidence cleaned and at least one file (else `missing` on the evidence field).
 */
async function checkFiling(
  db: Db,
  actor: Actor,
  input: RecordFilingInput,
  practitionerId: string,
  on: string,
  dates: Record<string, string | null | undefined>,
  missing: string,
  at: Date | undefined,
): Promise<Checked> {
  const late = notAfterToday(on, dates);
  if (late) return { ok: false, result: late };
  // The person in scope before any upload is decoded: cheap checks first.
  const person = await getReportableStaff(db, actor, practitionerId);
  if (!person) return { ok: false, result: await personOutOfScope(db, actor, practitionerId) };
  const admitted = await admitImages(db, actor, { evidence: input.evidence }, { at });
  if (!admitted.ok) return { ok: false, result: admitted };
  const evidence = await cleanFiles(input.evidence, 'evidence', 'evidence');
  if (!evidence.ok) return evidence;
  if (evidence.files.length === 0) return { ok: false, result: fieldError('evidence', missing) };
  return { ok: true, files: evidence.files, person };
}

/** The bureau that enters or decides: the actor's organisation, by name. */
function bureauName(actor: Actor): string {
  return actor.organisationName ?? (actor.role === 'city' ? '遂宁市住房和城乡建设局' : `${actor.districtName ?? ''}住房和城乡建设局`);
}

const masked = (p: ReportablePerson) => ({ practitionerId: p.practitionerId, name: p.name, idNumber: p.idNumberMasked, projectId: p.projectId });

// ---------------------------------------------------------------------------------------------------------
// Good records (SN 9–12)

/** SN 9.3 / 11 / 12 problems of a filing whose other fields are also wrong: the form shows them all at once. */
function withGoodRecordProblems(result: ActionResult<never>, input: RecordFilingInput): ActionResult<never> {
  const raw = (input?.data ?? {}) as Record<string, unknown>;
  const type = String(raw.type ?? '');
  if (result.ok || !isGoodRecordType(type)) return result;
  const count = (files?: RecordUpload[]) => (files ?? []).filter((f) => f.bytes.byteLength > 0).length;
  const problems = goodRecordProblems(type, {
    praiseForm: String(raw.praiseForm ?? ''),
    participants: String(raw.participants ?? ''),
    evidenceFiles: count(input.evidence),
    photoFiles: count(input.photos),
  });
  const fieldErrors = { ...result.fieldErrors };
  for (const [k, v] of Object.entries(problems)) fieldErrors[k] ??= [v!];
  return { ...result, fieldErrors };
}

export async function fileGoodRecord(db: Db, actor: Actor | null, input: RecordFilingInput, opts: Opts = {}): Promise<ActionResult<{ id: string; lateDays: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.good.file') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = goodRecordSchema.safeParse(input?.data);
  if (!parsed.success) return withGoodRecordProblems(invalid(parsed.error), input);
  const d = parsed.data;
  const type = d.type as GoodRecordType;
  const on = opts.today ?? clockToday();
  const late = notAfterToday(on, { occurredOn: d.occurredOn, receivedOn: d.receivedOn });
  if (late) return late;
  // The person in scope before any upload is decoded: cheap checks first.
  const person = await getReportableStaff(db, actor, d.practitionerId);
  if (!person) return personOutOfScope(db, actor, d.practitionerId);

  const admitted = await admitImages(db, actor, { evidence: input.evidence, photos: type === '从业表现突出' ? input.photos : [] }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const evidence = await cleanFiles(input.evidence, 'evidence', 'evidence');
  if (!evidence.ok) return evidence.result;
  const photos = type === '从业表现突出' ? await cleanFiles(input.photos, 'photo', 'photos') : ({ ok: true, files: [] } as Cleaned);
  if (!photos.ok) return photos.result;
  const problems = goodRecordProblems(type, { praiseForm: d.praiseForm, participants: d.participants, evidenceFiles: evidence.files.length, photoFiles: photos.files.length });
  if (Object.keys(problems).length > 0) {
    return { ok: false, code: 'INVALID', message: '填写的内容有误，请按提示修改', fieldErrors: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, [v!]])) };
  }

  const { settings, version: policyVersion } = await getCurrentPolicy(db);
  const lateDays = goodRecordLateDays(d.receivedOn, on, settings);
  // SN 9.3: the written form is part of what was recorded.
  const description = type === '业主书面表扬' && d.praiseForm ? `${d.praiseForm}：${d.description}` : d.description;

  return inTransaction(db, async (tx) => {
    const id = await insertPractitionerRecord(tx, {
      filedOn: on,
      practitionerId: person.practitionerId,
      kind: 'good',
      type,
      occurredOn: d.occurredOn,
      issuer: d.issuer,
      description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: 'submitted',
      receivedOn: d.receivedOn,
      // Its lateness is measured by the limits of the version in force now (db/queries lateDaysSql).
      policyVersion: policyRef(policyVersion),
      participants: type === '从业表现突出' ? d.participants : null,
      createdBy: actor.userId,
    });
    await insertRecordFiles(tx, id, [...evidence.files, ...photos.files], actor.userId);
    await audit(tx, actor, {
      action: 'practitioner_record.filed',
      objectType: 'practitioner_record',
      objectId: id,
      after: { kind: 'good', type, ...masked(person), occurredOn: d.occurredOn, receivedOn: d.receivedOn, lateDays, files: evidence.files.length + photos.files.length },
    });
    return ok({ id, lateDays });
  });
}

/** SN 10: the association's commendation, refused beyond the year's cap (the year of the commendation date). */
export async function fileAssociationCommendation(
  db: Db,
  actor: Actor | null,
  input: RecordFilingInput,
  opts: Opts = {},
): Promise<ActionResult<{ id: string; used: number; cap: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.association.file') || !actor.organisationId) return fail('FORBIDDEN');
  const parsed = associationCommendationSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  const checked = await checkFiling(db, actor, input, d.practitionerId, on, { occurredOn: d.occurredOn }, '请上传表彰文件等证明材料', opts.now);
  if (!checked.ok) return checked.result;
  const { files, person } = checked;
  const { settings } = await getCurrentPolicy(db);
  const year = Number(d.occurredOn.slice(0, 4));
  const cap = settings.associationCommendationsPerYear;

  return inTransaction(db, async (tx) => {
    const used = await lockAndCountAssociationCommendations(tx, year);
    const refusal = associationCapRefusal(used, year, settings);
    if (refusal) throw new Rollback(fail('CONFLICT', refusal));
    const id = await insertPractitionerRecord(tx, {
      filedOn: on,
      practitionerId: person.practitionerId,
      kind: 'good',
      type: '行业协会表彰',
      occurredOn: d.occurredOn,
      issuer: actor.organisationName ?? '行业协会',
      description: d.description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: 'submitted',
      reportedBy: actor.organisationId,
      createdBy: actor.userId,
    });
    await insertRecordFiles(tx, id, files, actor.userId);
    await audit(tx, actor, {
      action: 'practitioner_record.filed',
      objectType: 'practitioner_record',
      objectId: id,
      after: { kind: 'good', type: '行业协会表彰', ...masked(person), occurredOn: d.occurredOn, year, used: used + 1, cap },
    });
    return ok({ id, used: used + 1, cap });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Bad records (SN 13–14)

/** A report (线索) of bad conduct; the association reports only its public censures (SN 13.4). */
export async function fileBadReport(db: Db, actor: Actor | null, input: RecordFilingInput, opts: Opts = {}): Promise<ActionResult<{ id: string; lateDays: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.bad.report')) return fail('FORBIDDEN');
  const filer = actor.role === 'company' ? actor.companyId : actor.organisationId;
  if (!filer) return fail('FORBIDDEN');
  const parsed = actor.role === 'association' ? censureReportSchema.safeParse(input?.data) : badReportSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const type: string = 'type' in d ? String(d.type) : ASSOCIATION_CENSURE_TYPE;
  const on = opts.today ?? clockToday();
  const checked = await checkFiling(db, actor, input, d.practitionerId, on, { occurredOn: d.occurredOn, receivedOn: d.receivedOn }, '请上传证明材料（第十四条）', opts.now);
  if (!checked.ok) return checked.result;
  const { files, person } = checked;
  const { settings, version: policyVersion } = await getCurrentPolicy(db);
  const lateDays = badReportLateDays(d.receivedOn, on, settings);

  return inTransaction(db, async (tx) => {
    const id = await insertPractitionerRecord(tx, {
      filedOn: on,
      practitionerId: person.practitionerId,
      kind: 'bad',
      type,
      occurredOn: d.occurredOn,
      issuer: (actor.role === 'company' ? actor.companyName : actor.organisationName) ?? '',
      description: d.description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: 'submitted',
      receivedOn: d.receivedOn,
      policyVersion: policyRef(policyVersion),
      reportedBy: actor.role === 'company' ? null : actor.organisationId,
      createdBy: actor.userId,
    });
    await insertRecordFiles(tx, id, files, actor.userId);
    await audit(tx, actor, {
      action: 'practitioner_record.reported',
      objectType: 'practitioner_record',
      objectId: id,
      after: { kind: 'bad', type, ...masked(person), occurredOn: d.occurredOn, receivedOn: d.receivedOn, lateDays, files: files.length },
    });
    return ok({ id, lateDays });
  });
}

/** The notice and its verification row for an entered bad record (inside the caller's transaction). */
async function writeNotice(
  tx: Tx,
  actor: Actor,
  r: { recordId: string; practitionerId: string; name: string; companyId: string | null; districtId: string | null; type: string; description: string; occurredOn: string; issuer: string },
  code: string,
  on: string,
) {
  const bureau = bureauName(actor);
  const facts = { name: r.name, type: r.type, description: r.description, occurredOn: r.occurredOn, issuer: r.issuer, bureau, recordedOn: on, noticeCode: code };
  const { title, body } = badRecordEmployerNotice(facts);
  await insertRecordNotice(tx, {
    recordId: r.recordId,
    practitionerId: r.practitionerId,
    companyId: r.companyId,
    districtId: r.districtId,
    code,
    title,
    body,
    // What a verification page may show: the notice, not the person's file.
    summary: { title: '从业人员不良行为记录告知书', name: r.name, type: r.type, occurredOn: r.occurredOn, issuer: r.issuer, recordedBy: bureau, recordedOn: on },
    issuedBy: actor.userId,
  });
}

const CODE_CLASH = '生成告知书编号时发生冲突，本次操作未生效，请重新提交';

/** SN 14 last sentence: the city or a district enters a bad record directly (status approved, notice at once). */
export async function enterBadRecord(db: Db, actor: Actor | null, input: RecordFilingInput, opts: Opts = {}): Promise<ActionResult<{ id: string; noticeCode: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.bad.enter')) return fail('FORBIDDEN');
  const parsed = badEntrySchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  const checked = await checkFiling(db, actor, input, d.practitionerId, on, { occurredOn: d.occurredOn }, '请上传证明材料', opts.now);
  if (!checked.ok) return checked.result;
  const { files, person } = checked;
  const code = (opts.newCode ?? newTrackingCode)();

  try {
    return await inTransaction(db, async (tx) => {
      const id = await insertPractitionerRecord(tx, {
      filedOn: on,
        practitionerId: person.practitionerId,
        kind: 'bad',
        type: d.type,
        occurredOn: d.occurredOn,
        issuer: d.issuer,
        description: d.description,
        companyId: person.companyId,
        projectId: person.projectId,
        status: 'approved',
        reportedBy: actor.organisationId,
        decidedBy: actor.userId,
        decidedAt: new Date(),
        noticeCode: code,
        createdBy: actor.userId,
      });
      await insertRecordFiles(tx, id, files, actor.userId);
      await writeNotice(tx, actor, { recordId: id, practitionerId: person.practitionerId, name: person.name, companyId: person.companyId, districtId: person.districtId, type: d.type, description: d.description, occurredOn: d.occurredOn, issuer: d.issuer }, code, on);
      await audit(tx, actor, {
        action: 'practitioner_record.entered',
        objectType: 'practitioner_record',
        objectId: id,
        after: { kind: 'bad', type: d.type, ...masked(person), occurredOn: d.occurredOn, noticeCode: code },
      });
      return ok({ id, noticeCode: code });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', CODE_CLASH);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The district's decision

export async function decideRecord(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: Opts = {},
): Promise<ActionResult<{ id: string; status: string; noticeCode: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.decide')) return fail('FORBIDDEN');
  const parsed = recordDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const { settings } = await getCurrentPolicy(db);
  const limits = { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays };
  const r = await getRecordInScope(db, actor, d.id, limits, { decide: true });
  if (!r) {
    if (await recordExists(db, d.id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner_record', objectId: d.id });
    return fail('NOT_FOUND');
  }
  if (r.status !== 'submitted' || r.version !== d.expectedVersion) return fail('CONFLICT', DECIDED_BY_OTHER);

  // A report may be turned into a record of another SN 13 type, with adjusted wording; a good record is taken as filed.
  let type: string | undefined;
  let description: string | undefined;
  if (r.kind === 'bad' && d.decision === 'approved') {
    if (d.type && d.type !== r.type) {
      if (!isBadRecordType(d.type)) return fieldError('type', '请从第十三条所列类型中选择');
      type = d.type;
    }
    if (d.description && d.description !== r.description) description = d.description;
  }
  const on = opts.today ?? clockToday();
  const code = r.kind === 'bad' && d.decision === 'approved' ? (opts.newCode ?? newTrackingCode)() : null;

  try {
    return await inTransaction(db, async (tx) => {
      const decided = await decideRecordLocked(tx, {
        id: r.id,
        expectedVersion: d.expectedVersion,
        status: d.decision,
        reason: d.reason,
        decidedBy: actor.userId,
        type,
        description,
        noticeCode: code,
      });
      if (!decided) throw new LostRace(DECIDED_BY_OTHER);
      if (code) {
        await writeNotice(
          tx,
          actor,
          { recordId: r.id, practitionerId: r.practitionerId, name: r.name, companyId: r.companyId, districtId: r.districtId, type: decided.type, description: decided.description, occurredOn: r.occurredOn, issuer: r.issuer },
          code,
          on,
        );
      }
      await audit(tx, actor, {
        action: `practitioner_record.${d.decision}`,
        objectType: 'practitioner_record',
        objectId: r.id,
        before: { status: r.status, version: r.version, type: r.type, description: type || description ? r.description : undefined },
        after: { status: decided.status, reason: d.reason || null, type: decided.type, description: description ? decided.description : undefined, noticeCode: code },
      });
      return ok({ id: r.id, status: decided.status, noticeCode: code });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', CODE_CLASH);
    throw e;
  }
}
