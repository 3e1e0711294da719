import 'server-only';
/**
 * DW 11 one-vote veto (一票否决): a district (in its scope) or the city records one of the four cases with its
 * evidence. In one transaction: a confirmed, published warning record (`veto_type`, 严重, window by policy), the
 * notice to the company (两书同达), the black entry at once (rule DW11-veto, via `syncRecordListEntry`) and the
 * audit row. The annual evaluation of the decision's year is then vetoed: no score, grade D (`annualEvaluation`).
 */
import type { Db } from '@/db';
import { insertCreditRecord, insertRecordEvidence } from '@/db/queries/credit-records';
import { fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { VETO_TYPE_TEXT, type VetoType } from '@/lib/domain/credit-rating';
import { newTrackingCode } from '@/lib/domain/objections';
import { creditWindow } from '@/lib/domain/records';
import { vetoSchema } from '@/lib/validation/veto';
import { enteredNow, entryTarget, inNoticeTransaction, sendWarningNotice, type FileUpload } from './credit-records';
import { allowed, refused } from './gate';
import { syncRecordListEntry } from './list-entries';

export interface VetoFormInput {
  data: unknown;
  evidence?: FileUpload[];
}

/** The notice the company receives with the veto (两书同达): the finding, its consequences and the remedies. */
export function vetoNoticeText(
  v: { companyName: string; projectName: string | null; vetoType: VetoType; decisionOn: string; description: string; issuer: string | null; publishedOn: string; publicUntil: string },
  code: string,
): { title: string; body: string } {
  const year = v.decisionOn.slice(0, 4);
  return {
    title: `一票否决告知书（编号 ${code}）`,
    body: [
      `${v.companyName}：`,
      `经认定，你单位${v.projectName ? `在${v.projectName}` : ''}存在“红黑榜”管理办法第十一条规定的一票否决情形：${VETO_TYPE_TEXT[v.vetoType]}。`,
      '',
      '一、认定事实',
      `情形：${v.vetoType}`,
      `认定日期：${v.decisionOn}`,
      ...(v.issuer ? [`认定机关及文号：${v.issuer}`] : []),
      `事实：${v.description}`,
      '',
      '二、处理结果',
      `1. 自 ${v.publishedOn} 起列入“黑榜”（警示信用信息，严重），公示至 ${v.publicUntil}。`,
      `2. 取消你单位${year}年度综合信用评价资格，该年度信用等级为D级。`,
      '',
      '三、异议和信用修复告知',
      '1. 对该认定有异议的，可以向住建部门申请信息核查，并提供相应书面证据（“红黑榜”管理办法第九条）。',
      '2. 最短公示期届满后，已纠正失信行为、消除不良影响的，可以申请信用修复。',
    ].join('\n'),
  };
}

/** DW 11: the bureau records a veto, with evidence (required). */
export async function recordVeto(
  db: Db,
  actor: Actor | null,
  input: VetoFormInput,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; noticeCode: string }>> {
  if (!allowed(actor, 'credit.warning.enter')) return refused(actor);
  const parsed = vetoSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  if (d.decisionOn > on) return fieldError('decisionOn', '认定日期不能晚于今天');
  const target = await entryTarget(db, actor, d.companyId, d.projectId, {
    uploads: input.evidence,
    label: '证据材料',
    required: true,
    requiredMessage: '请上传证据材料（认定文书、调查笔录、现场照片等）',
  }, opts.now);
  if (!target.ok) return target.result;
  const { company, estate, files, policy } = target;
  const window = creditWindow('warning', '严重', on, policy.settings);
  const noticeCode = newTrackingCode();

  return inNoticeTransaction(db, async (tx) => {
    const rec = await insertCreditRecord(tx, {
      companyId: company.id,
      projectId: estate?.id ?? null,
      category: 'warning',
      type: d.vetoType,
      vetoType: d.vetoType,
      occurredOn: d.decisionOn,
      decisionOn: d.decisionOn,
      receivedOn: d.decisionOn,
      description: d.description,
      issuer: d.issuer || null,
      // The veto's consequence is the veto (no evaluation that year), not a deduction.
      points: null,
      severity: '严重',
      isPenalty: false,
      ...enteredNow(actor, on, window, policy.version),
      noticeCode,
    });
    await insertRecordEvidence(tx, rec.id, files, actor.userId);
    const text = vetoNoticeText(
      { companyName: company.name, projectName: estate?.name ?? null, vetoType: d.vetoType, decisionOn: d.decisionOn, description: d.description, issuer: rec.issuer, publishedOn: on, publicUntil: window.publicUntil },
      noticeCode,
    );
    await sendWarningNotice(tx, actor, { id: rec.id, companyId: company.id, districtId: estate?.districtId ?? company.districtId }, text, noticeCode);
    await syncRecordListEntry(tx, actor, rec.id, on, policy.version);
    await audit(tx, actor, {
      action: 'credit.veto.recorded',
      objectType: 'credit_record',
      objectId: rec.id,
      after: { companyId: company.id, projectId: rec.projectId, vetoType: d.vetoType, decisionOn: d.decisionOn, publishedOn: on, publicUntil: window.publicUntil, policyVersion: rec.policyVersion, noticeCode, evidenceFiles: files.length },
    });
    return ok({ id: rec.id, noticeCode });
  });
}
