import 'server-only';
/**
 * Company credit records (DW 4, 8; CQ 三.(四); SPEC §3.7, §4).
 *
 * - The company reports a performance (red) record with evidence (DW 8.1.3); a street office or community
 *   reports warning (black) information with proposed points (DW 8.1.2). Both wait as `submitted`.
 * - The bureau of the company's district or of the estate's (the city: any) confirms the points (DW 8.2) — and a
 *   warning's severity, which fixes its publicity window — or declines with a reason. Of two reviewers at once
 *   exactly one wins (optimistic lock on `version`).
 * - The bureau enters records itself, confirmed at once. An administrative penalty is published within 7 working
 *   days of its decision: at once if so entered, otherwise later with "发布" (the dashboards list those due).
 * - A confirmed warning record sends the company its notice in the same transaction (两书同达: the record, and
 *   how to object or apply for credit repair); the code is kept on the record.
 * - The company attaches a short public statement to its own confirmed records.
 *
 * Each: who → parse → scope in the query (out of scope → NOT_FOUND, logged) → one transaction with its audit row.
 */
import type { Db, Tx } from '@/db';
import {
  companyServedEstate,
  getCompanyForEntry,
  getCompanyRef,
  getEstate,
  insertCreditRecord,
  insertRecordEvidence,
  type NewCreditRecord,
} from '@/db/queries/credit-records';
import { hasGreenChannel } from '@/db/queries/company-filing';
import { getCurrentPolicy } from '@/db/queries/policy';
import { insertSubmission } from '@/db/queries/submissions';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { policyRef } from '@/lib/domain/credit-policy';
import { newTrackingCode } from '@/lib/domain/objections';
import { creditWindow, warningNoticeText } from '@/lib/domain/records';
import { cleanDocument, UploadError, type CleanFile } from '@/lib/uploads/files';
import {
  performanceEntrySchema,
  performanceFilingSchema,
  warningEntrySchema,
  warningReportSchema,
} from '@/lib/validation/credit';
import { inTransaction, isUniqueViolation } from './errors';
import { allowed, refused } from './gate';
import { syncRecordListEntry } from './list-entries';
import { admitImages } from './upload-limits';
import { sendWarningNotice } from './credit-record-decisions';

// The bureau's decisions live in a module of their own; re-exported so that callers keep one entry point.
export {
  confirmCreditRecord,
  DECIDED_BY_OTHER,
  previewRecordConfirmation,
  type RecordConfirmationPreview,
  publishPenalty,
  recordInScope,
  rejectCreditRecord,
  sendWarningNotice,
  setRecordStatement,
} from './credit-record-decisions';

export const CREDIT_EVIDENCE_MAX_FILES = 5;
export const CREDIT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

export interface FileUpload {
  bytes: Uint8Array;
  filename?: string;
}

export interface RecordFormInput {
  data: unknown;
  evidence?: FileUpload[];
}

type Cleaned = CleanFile & { filename: string };

/** Evidence files: PDFs kept, images re-encoded without metadata. A Chinese field error for anything wrong. */
export async function cleanUploads(
  uploads: FileUpload[] | undefined,
  field: string,
  label: string,
  opts: { required: boolean; max: number; requiredMessage?: string },
): Promise<{ ok: true; files: Cleaned[] } | { ok: false; result: ActionResult<never> }> {
  const list = (uploads ?? []).filter((f) => f.bytes.byteLength > 0);
  if (opts.required && list.length === 0) return { ok: false, result: fieldError(field, opts.requiredMessage ?? `请上传${label}`) };
  if (list.length > opts.max) return { ok: false, result: fieldError(field, `${label}最多 ${opts.max} 个文件`) };
  const files: Cleaned[] = [];
  for (const [i, f] of list.entries()) {
    try {
      const clean = await cleanDocument(f.bytes, CREDIT_EVIDENCE_MAX_BYTES);
      files.push({ ...clean, filename: `${label}-${i + 1}.${clean.extension}` });
    } catch (e) {
      if (e instanceof UploadError) return { ok: false, result: fieldError(field, list.length > 1 ? `第 ${i + 1} 个文件：${e.message}` : e.message) };
      throw e;
    }
  }
  return { ok: true, files };
}

// ---------------------------------------------------------------------------------------------------------
// Reports

/**
 * A report waits as `submitted`: the record, its evidence and the submission the bureau works from (green-channel
 * companies first), with its audit row, in one transaction.
 */
export async function fileReport(
  db: Db,
  actor: Actor,
  on: string,
  report: {
    /** proposedPoints null: the reporter proposes none (a department, DW 8.1.4); the bureau sets them. */
    record: Omit<NewCreditRecord, 'status' | 'receivedOn' | 'createdBy' | 'proposedPoints'> & { occurredOn: string; proposedPoints: string | null };
    submission: { type: 'performance_record' | 'warning_record'; districtId: string | null };
    files: Cleaned[];
    action: string;
    after: (rec: { id: string; projectId: string | null }) => Record<string, unknown>;
  },
): Promise<ActionResult<{ id: string }>> {
  const { record, submission, files } = report;
  const priority = (await hasGreenChannel(db, record.companyId, on)) ? 1 : 0;
  return inTransaction(db, async (tx) => {
    const rec = await insertCreditRecord(tx, { ...record, status: 'submitted', receivedOn: record.occurredOn, createdBy: actor.userId });
    await insertRecordEvidence(tx, rec.id, files, actor.userId);
    await insertSubmission(tx, {
      type: submission.type,
      companyId: record.companyId,
      districtId: submission.districtId,
      projectId: record.projectId ?? null,
      subjectType: 'credit_record',
      subjectId: rec.id,
      payload: { type: record.type, occurredOn: record.occurredOn, proposedPoints: record.proposedPoints, severity: record.severity ?? null },
      priority,
      submittedBy: actor.userId,
    });
    await audit(tx, actor, { action: report.action, objectType: 'credit_record', objectId: rec.id, after: report.after(rec) });
    return ok({ id: rec.id });
  });
}

/** DW 8.1.3: the company reports a performance record of its own, with evidence; the bureau confirms the points. */
export async function filePerformanceRecord(
  db: Db,
  actor: Actor | null,
  input: RecordFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'credit.performance.file') || !actor.companyId) return refused(actor);
  const parsed = performanceFilingSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  if (d.occurredOn > on) return fieldError('occurredOn', '获得日期不能晚于今天');
  const company = await getCompanyRef(db, actor.companyId);
  if (!company) return fail('NOT_FOUND');
  const estate = d.projectId ? await getEstate(db, d.projectId) : null;
  if (d.projectId && (!estate || !(await companyServedEstate(db, company.id, d.projectId)))) {
    return fieldError('projectId', '请选择本企业服务的物业项目');
  }
  const admitted = await admitImages(db, actor, { evidence: input.evidence }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const files = await cleanUploads(input.evidence, 'evidence', '证明材料', {
    required: true,
    max: CREDIT_EVIDENCE_MAX_FILES,
    requiredMessage: '请上传证明材料（表彰文件、通报、证书等的扫描件或照片）',
  });
  if (!files.ok) return files.result;
  return fileReport(db, actor, on, {
    record: {
      ...performanceColumns(company, estate, d),
      proposedPoints: String(d.proposedPoints),
    },
    submission: { type: 'performance_record', districtId: estate?.districtId ?? company.districtId },
    files: files.files,
    action: 'credit.performance.filed',
    after: (rec) => ({ companyId: company.id, projectId: rec.projectId, type: d.type, occurredOn: d.occurredOn, proposedPoints: d.proposedPoints, evidenceFiles: files.files.length }),
  });
}

/** DW 8.1.2: a street office or community reports warning information about an estate in its region. */
export async function reportWarning(
  db: Db,
  actor: Actor | null,
  input: RecordFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'credit.warning.report') || !actor.organisationId) return refused(actor);
  const parsed = warningReportSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const estate = await getEstate(db, d.projectId);
  if (!estate || !can(actor, 'credit.warning.report', { streetId: estate.streetId, communityId: estate.communityId })) {
    if (estate) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'project', objectId: estate.id });
    return fail('NOT_FOUND', '未找到该物业项目，或该项目不在本辖区');
  }
  if (!estate.currentCompanyId) return fieldError('projectId', '该项目目前没有物业服务企业');
  const on = opts.today ?? clockToday();
  if (d.occurredOn > on) return fieldError('occurredOn', '发现日期不能晚于今天');
  const admitted = await admitImages(db, actor, { evidence: input.evidence }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const files = await cleanUploads(input.evidence, 'evidence', '证据材料', {
    required: true,
    max: CREDIT_EVIDENCE_MAX_FILES,
    requiredMessage: '请上传证据材料（现场照片、检查记录、整改通知等）',
  });
  if (!files.ok) return files.result;
  const companyId = estate.currentCompanyId;
  return fileReport(db, actor, on, {
    record: {
      companyId,
      projectId: estate.id,
      category: 'warning',
      type: d.type,
      occurredOn: d.occurredOn,
      description: d.description,
      severity: d.severity,
      proposedPoints: String(d.proposedPoints),
      reportedBy: actor.organisationId,
    },
    submission: { type: 'warning_record', districtId: estate.districtId },
    files: files.files,
    action: 'credit.warning.reported',
    after: () => ({ companyId, projectId: estate.id, type: d.type, occurredOn: d.occurredOn, severity: d.severity, proposedPoints: d.proposedPoints, evidenceFiles: files.files.length }),
  });
}

// ---------------------------------------------------------------------------------------------------------
// The bureau enters records itself

/**
 * The company and estate a bureau names, checked against its scope (the record must be one it will see); then
 * the optional evidence files, and the current policy.
 */
export async function entryTarget(
  db: Db,
  actor: Actor,
  companyId: string,
  projectId: string | null,
  evidence: { uploads: FileUpload[] | undefined; label: string; required?: boolean; requiredMessage?: string },
  at?: Date,
) {
  const company = await getCompanyForEntry(db, actor, companyId);
  if (!company) return { ok: false as const, result: fail('NOT_FOUND', '未找到该企业，或该企业不在本辖区') };
  const estate = projectId ? await getEstate(db, projectId) : null;
  if (projectId && (!estate || !(await companyServedEstate(db, company.id, projectId)))) {
    return { ok: false as const, result: fieldError('projectId', '请选择该企业服务的物业项目') };
  }
  if (actor.role === 'district' && company.districtId !== actor.districtId && estate?.districtId !== actor.districtId) {
    return { ok: false as const, result: fieldError('projectId', '该企业不在本辖区注册，请选择其在本辖区服务的物业项目') };
  }
  const admitted = await admitImages(db, actor, { evidence: evidence.uploads }, { at });
  if (!admitted.ok) return { ok: false as const, result: admitted };
  const files = await cleanUploads(evidence.uploads, 'evidence', evidence.label, {
    required: evidence.required ?? false,
    max: CREDIT_EVIDENCE_MAX_FILES,
    requiredMessage: evidence.requiredMessage,
  });
  if (!files.ok) return files;
  const policy = await getCurrentPolicy(db);
  return { ok: true as const, company, estate, files: files.files, policy };
}

/** The columns a performance record has alike whether the company files it or the bureau enters it. */
function performanceColumns(company: { id: string }, estate: { id: string } | null, d: { type: string; occurredOn: string; description: string; issuer: string }) {
  return { companyId: company.id, projectId: estate?.id ?? null, category: 'performance' as const, type: d.type, occurredOn: d.occurredOn, description: d.description, issuer: d.issuer };
}

/** The transaction that enters a record under a new notice code: a code collision (a unique index) asks to submit again. */
export async function inNoticeTransaction<T>(db: Db, fn: (tx: Tx) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await inTransaction(db, fn);
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', '提交未成功，请重新提交');
    throw e;
  }
}

/** The columns of a record the bureau enters itself: confirmed and decided now, by it, under the current policy. */
export function enteredNow(
  actor: Actor,
  publishedOn: string | null,
  window: { minPublicUntil: string | null; publicUntil: string | null },
  policyVersion: number,
) {
  return {
    status: 'approved' as const,
    confirmedAt: new Date(),
    publishedOn,
    minPublicUntil: window.minPublicUntil,
    publicUntil: window.publicUntil,
    reportedBy: actor.organisationId,
    decidedBy: actor.userId,
    decidedAt: new Date(),
    policyVersion: policyRef(policyVersion),
    createdBy: actor.userId,
  };
}

/**
 * A district or the city enters a warning record, confirmed at once, possibly an administrative penalty. A
 * penalty "published now" starts its window today; otherwise it waits (the 7-working-day deadline is shown).
 */
export async function enterWarningRecord(
  db: Db,
  actor: Actor | null,
  input: RecordFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; noticeCode: string; published: boolean }>> {
  if (!allowed(actor, 'credit.warning.enter')) return refused(actor);
  const parsed = warningEntrySchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  if (d.occurredOn > on) return fieldError('occurredOn', '发生日期不能晚于今天');
  if (d.decisionOn && d.decisionOn > on) return fieldError('decisionOn', '处罚决定日期不能晚于今天');
  const target = await entryTarget(db, actor, d.companyId, d.projectId, { uploads: input.evidence, label: '证据材料' }, opts.now);
  if (!target.ok) return target.result;
  const { company, estate, files, policy } = target;
  const publish = !d.isPenalty || d.publishNow;
  const window = publish ? creditWindow('warning', d.severity, on, policy.settings) : { minPublicUntil: null, publicUntil: null };
  const noticeCode = newTrackingCode();
  const points = String(d.points);

  return inNoticeTransaction(db, async (tx) => {
    const rec = await insertCreditRecord(tx, {
      companyId: company.id,
      projectId: estate?.id ?? null,
      category: 'warning',
      type: d.type,
      occurredOn: d.occurredOn,
      description: d.description,
      issuer: d.issuer || null,
      points,
      severity: d.severity,
      isPenalty: d.isPenalty,
      decisionOn: d.isPenalty ? d.decisionOn : null,
      ...enteredNow(actor, publish ? on : null, window, policy.version),
      noticeCode,
    });
    await insertRecordEvidence(tx, rec.id, files, actor.userId);
    const text = warningNoticeText(
      { ...rec, companyName: company.name, projectName: estate?.name ?? null, severity: d.severity, points, issuer: rec.issuer },
      noticeCode,
      policy.settings,
    );
    await sendWarningNotice(tx, actor, { id: rec.id, companyId: company.id, districtId: estate?.districtId ?? company.districtId }, text, noticeCode);
    // A published 严重 warning puts the company on the black list at once (same transaction).
    if (publish) await syncRecordListEntry(tx, actor, rec.id, on, policy.version);
    await audit(tx, actor, {
      action: 'credit.warning.entered',
      objectType: 'credit_record',
      objectId: rec.id,
      after: {
        companyId: company.id,
        projectId: rec.projectId,
        type: d.type,
        severity: d.severity,
        points,
        isPenalty: d.isPenalty,
        decisionOn: rec.decisionOn,
        publishedOn: rec.publishedOn,
        publicUntil: rec.publicUntil,
        policyVersion: rec.policyVersion,
        noticeCode,
      },
    });
    return ok({ id: rec.id, noticeCode, published: publish });
  });
}

/** A district or the city enters a performance record, with its points, published at once. */
export async function enterPerformanceRecord(
  db: Db,
  actor: Actor | null,
  input: RecordFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'credit.warning.enter')) return refused(actor);
  const parsed = performanceEntrySchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  if (d.occurredOn > on) return fieldError('occurredOn', '获得日期不能晚于今天');
  const target = await entryTarget(db, actor, d.companyId, d.projectId, { uploads: input.evidence, label: '证明材料' }, opts.now);
  if (!target.ok) return target.result;
  const { company, estate, files, policy } = target;
  const window = creditWindow('performance', null, on, policy.settings);
  const points = String(d.points);

  const result = await inTransaction(db, async (tx) => {
    const rec = await insertCreditRecord(tx, {
      ...performanceColumns(company, estate, d),
      points,
      ...enteredNow(actor, on, window, policy.version),
    });
    await insertRecordEvidence(tx, rec.id, files, actor.userId);
    // A performance record in its publicity window puts the company on the red list (same transaction).
    await syncRecordListEntry(tx, actor, rec.id, on, policy.version);
    await audit(tx, actor, {
      action: 'credit.performance.entered',
      objectType: 'credit_record',
      objectId: rec.id,
      after: { companyId: company.id, projectId: rec.projectId, type: d.type, points, publishedOn: on, publicUntil: rec.publicUntil, policyVersion: rec.policyVersion },
    });
    return ok({ id: rec.id });
  });
  return result;
}
