import 'server-only';
/**
 * Departments feed company credit information (DW 8.1.4 住建部门定期向市场监督等相关部门采集; ZJ 10 各职能部门
 * 及时共享物业服务企业信用信息; issue 17 item 7).
 *
 * A department submits a company's administrative penalty (行政处罚), warning information (警示信息) or a
 * commendation (表彰 — performance information, DW 4 政府有关部门授予企业的奖励) with its document number and
 * evidence. It waits as `submitted` in the bureau's existing confirmation queue (credit-record-decisions.ts),
 * named by the department, where the bureau sets points and severity and publishes it as for every other source.
 * The department proposes no points and no severity (they are not in its schema). Its name is the issuing body.
 */
import type { Db } from '@/db';
import { getApprovedCompany } from '@/db/queries/credit-records';
import { fail, fieldError, invalid, type ActionResult } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { departmentCreditSchema, DEPARTMENT_CREDIT_KIND_LABELS } from '@/lib/validation/credit';
import { cleanUploads, CREDIT_EVIDENCE_MAX_FILES, fileReport, type RecordFormInput } from './credit-records';
import { allowed, refused } from './gate';
import { admitImages } from './upload-limits';

export async function submitDepartmentCredit(
  db: Db,
  actor: Actor | null,
  input: RecordFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'credit.department.submit') || !actor.organisationId) return refused(actor);
  const parsed = departmentCreditSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  if (d.occurredOn > on) return fieldError('occurredOn', '决定或发文日期不能晚于今天');
  const company = await getApprovedCompany(db, d.companyId);
  if (!company) return fail('NOT_FOUND', '未找到该企业，或该企业尚未备案');
  // Throttle before any upload is decoded, as for the street's form.
  const admitted = await admitImages(db, actor, { evidence: input.evidence }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const files = await cleanUploads(input.evidence, 'evidence', '证据材料', {
    required: true,
    max: CREDIT_EVIDENCE_MAX_FILES,
    requiredMessage: '请上传证据材料（处罚决定书、通报、表彰文件等的扫描件）',
  });
  if (!files.ok) return files.result;
  const issuer = `${actor.organisationName ?? '报送部门'} ${d.documentNumber}`.slice(0, 100);
  const performance = d.kind === 'commendation';
  const penalty = d.kind === 'penalty';
  return fileReport(db, actor, on, {
    record: {
      companyId: company.id,
      projectId: null,
      category: performance ? 'performance' : 'warning',
      type: d.type,
      occurredOn: d.occurredOn,
      description: d.description,
      issuer,
      isPenalty: penalty,
      decisionOn: penalty ? d.occurredOn : null,
      proposedPoints: null,
      reportedBy: actor.organisationId,
    },
    submission: { type: performance ? 'performance_record' : 'warning_record', districtId: company.districtId },
    files: files.files,
    action: 'credit.department.submitted',
    after: () => ({
      companyId: company.id,
      kind: d.kind,
      kindLabel: DEPARTMENT_CREDIT_KIND_LABELS[d.kind],
      type: d.type,
      issuer,
      occurredOn: d.occurredOn,
      isPenalty: penalty,
      evidenceFiles: files.files.length,
    }),
  });
}
