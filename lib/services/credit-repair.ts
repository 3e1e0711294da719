import 'server-only';
/**
 * Credit repair (信用修复; SPEC §3.7, §4, national credit-repair rules): once a warning record's minimum
 * publicity window has passed, the company that has put things right applies with evidence of rectification and
 * a signed credit commitment; the bureau decides within 3 working days (late ones are flagged). An approved
 * repair takes the record out of public view for good and it never counts again; it stays in the internal file.
 *
 * One open application per record (a partial unique index decides between two at once). Decisions use the
 * submission's optimistic lock: of two reviewers exactly one wins.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db';
import { hasGreenChannel } from '@/db/queries/company-filing';
import {
  findOpenRepair,
  insertSubmissionFiles,
  lockCreditRecord,
  markRepairedRow,
  type RepairPayload,
} from '@/db/queries/credit-records';
import { getCurrentPolicy } from '@/db/queries/policy';
import { decideSubmission, findSubmissionInScope, insertSubmission, submissionExists } from '@/db/queries/submissions';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { repairDecideBy, repairRefusal, type CreditRecordFacts, type Severity } from '@/lib/domain/records';
import { repairApplicationSchema, repairDecisionSchema } from '@/lib/validation/credit';
import { cleanUploads, CREDIT_EVIDENCE_MAX_FILES, recordInScope, type FileUpload } from './credit-records';
import { allowed, refused } from './gate';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';
import { syncRecordListEntry } from './list-entries';
import { admitImages } from './upload-limits';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

export const OPEN_REPAIR_MESSAGE = '该记录已有一份信用修复申请正在审核，请等待审核结果';
export const REPAIR_DECIDED_BY_OTHER = '该申请已被其他审核人处理';

export interface RepairApplicationInput {
  data: unknown;
  evidence?: FileUpload[];
  commitment?: FileUpload | null;
}

const facts = (r: {
  category: string;
  status: string;
  severity: string | null;
  publishedOn: string | null;
  minPublicUntil: string | null;
  publicUntil: string | null;
}): CreditRecordFacts => ({
  category: r.category as CreditRecordFacts['category'],
  status: r.status as CreditRecordFacts['status'],
  severity: r.severity as Severity | null,
  publishedOn: r.publishedOn,
  minPublicUntil: r.minPublicUntil,
  publicUntil: r.publicUntil,
});

/** The company applies to repair one of its warning records (refused before the minimum window, with the date). */
export async function applyForRepair(
  db: Db,
  actor: Actor | null,
  input: RepairApplicationInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; decideBy: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'credit.repair.apply') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = repairApplicationSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const rec = await recordInScope(db, actor, d.recordId);
  if (!rec) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const refusal = repairRefusal(facts(rec), on, policy.settings);
  if (refusal) return fail('CONFLICT', refusal);
  if (await findOpenRepair(db, rec.id)) return fail('CONFLICT', OPEN_REPAIR_MESSAGE);

  const admitted = await admitImages(db, actor, { evidence: input.evidence, commitment: input.commitment }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const evidence = await cleanUploads(input.evidence, 'evidence', '整改证明材料', {
    required: true,
    max: CREDIT_EVIDENCE_MAX_FILES,
    requiredMessage: '请上传已纠正失信行为、消除不良影响的证明材料',
  });
  if (!evidence.ok) return evidence.result;
  const commitment = await cleanUploads(input.commitment ? [input.commitment] : [], 'commitment', '信用承诺书', {
    required: true,
    max: 1,
    requiredMessage: '请上传加盖公章的信用承诺书',
  });
  if (!commitment.ok) return commitment.result;

  await ensureHolidayCalendar(db);
  const decideBy = repairDecideBy(on, policy.settings);
  const priority = (await hasGreenChannel(db, actor.companyId, on)) ? 1 : 0;
  const files = [
    ...evidence.files.map((f) => ({ ...f, id: randomUUID(), kind: 'evidence' })),
    ...commitment.files.map((f) => ({ ...f, id: randomUUID(), kind: 'commitment' })),
  ];
  const payload: RepairPayload = {
    recordId: rec.id,
    rectification: d.rectification,
    evidenceAttachmentIds: files.filter((f) => f.kind === 'evidence').map((f) => f.id),
    commitmentAttachmentId: files.find((f) => f.kind === 'commitment')!.id,
  };

  try {
    return await inTransaction(db, async (tx) => {
      // The record may have changed since it was read (corrected, repaired): check again under its lock.
      const locked = await lockCreditRecord(tx, rec.id);
      const again = locked ? repairRefusal(facts(locked), on, policy.settings) : '未找到该记录';
      if (again) throw new Rollback(fail('CONFLICT', again));
      const s = await insertSubmission(tx, {
        type: 'credit_repair',
        companyId: rec.companyId,
        districtId: rec.districtId,
        projectId: rec.projectId,
        subjectType: 'credit_record',
        subjectId: rec.id,
        payload,
        decideBy,
        priority,
        submittedBy: actor.userId,
      });
      await insertSubmissionFiles(tx, s.id, files, actor.userId);
      await audit(tx, actor, {
        action: 'credit.repair.applied',
        objectType: 'submission',
        objectId: s.id,
        after: { recordId: rec.id, decideBy, evidenceFiles: evidence.files.length, commitment: true },
      });
      return ok({ id: s.id, decideBy });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', OPEN_REPAIR_MESSAGE);
    throw e;
  }
}

/**
 * The bureau decides a repair application. Approval sets the record `repaired` (out of public view, never
 * counted again) in the same transaction; a record withdrawn or changed meanwhile makes the approval fail whole.
 */
export async function decideRepair(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!allowed(actor, 'credit.repair.decide')) return refused(actor);
  const parsed = repairDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const s = await findSubmissionInScope(db, actor, d.id, ['credit_repair']);
  if (!s) {
    if (await submissionExists(db, d.id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'submission', objectId: d.id });
    return fail('NOT_FOUND');
  }
  if (s.status !== 'submitted') return fail('CONFLICT', REPAIR_DECIDED_BY_OTHER);
  if (s.version !== d.expectedVersion) return fail('CONFLICT', '该申请已更新，请刷新后重新审核');
  const on = opts.today ?? clockToday();
  const policy = d.decision === 'approved' ? await getCurrentPolicy(db) : null;
  const result = await inTransaction(db, async (tx) => {
    const decided = await decideSubmission(tx, { id: s.id, expectedVersion: d.expectedVersion, decision: d.decision, reason: d.reason, decidedBy: actor.userId });
    if (!decided) throw new LostRace(REPAIR_DECIDED_BY_OTHER);
    if (d.decision === 'approved') {
      const repaired = await markRepairedRow(tx, s.subjectId!, on);
      if (!repaired) throw new Rollback(fail('CONFLICT', '该记录的状态已发生变化（可能已被更正或撤销），不能修复，请刷新后查看'));
      // A repaired record's list entry (a 严重 warning's black entry) ends with the reason, same transaction.
      await syncRecordListEntry(tx, actor, s.subjectId!, on, policy!.version);
    }
    await audit(tx, actor, {
      action: `credit.repair.${d.decision}`,
      objectType: 'submission',
      objectId: s.id,
      before: { status: s.status, version: s.version },
      after: { status: decided.status, reason: d.reason, recordId: s.subjectId, repairedOn: d.decision === 'approved' ? on : null, late: !!s.decideBy && on > s.decideBy },
    });
    return ok({ id: s.id, status: decided.status });
  });
  return result;
}
