import { z } from 'zod';
import { isValidDateString } from '@/lib/domain/working-days';
import { FOLLOW_UPS, RECTIFICATION_GROUNDS, ROSTER_CHECK_KEYS } from '@/lib/domain/supervision';

const text = (label: string, min: number, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);
const optionalText = (label: string, max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().trim().max(max, `${label}不能超过 ${max} 个字`));
const day = (label: string) => z.string({ message: `请填写${label}` }).refine(isValidDateString, `请填写有效的${label}（YYYY-MM-DD）`);
/** A multi-value form field: one string or many. */
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** SN 23: one estate's annual verification; `version` 0 = the first of the year, else the version amended. */
export const rosterVerificationSchema = z.object({
  projectId: z.uuid('参数错误'),
  version: z.coerce.number().int().min(0),
  verifiedOn: day('核查日期'),
  checks: many(z.enum(ROSTER_CHECK_KEYS, { message: '核查项目无效' })).refine((a) => a.length > 0, '请至少勾选一项核查内容'),
  note: optionalText('其他核查情况', 2000),
  discrepancyCount: z.coerce.number({ message: '请填写问题数量' }).int('请填写整数').min(0, '不能小于 0').max(9999, '数量过大'),
  discrepancies: optionalText('发现的问题', 2000),
  followUp: z.enum(FOLLOW_UPS, { message: '请选择后续处理' }),
  /** With followUp 'order': the order issued (from this verification), chosen on the order form. */
  orderId: z.preprocess((v) => (v === '' || v == null ? null : v), z.uuid('参数错误').nullable()),
});
export type RosterVerificationInput = z.input<typeof rosterVerificationSchema>;

/** SN 24: the district orders a company to rectify. */
export const rectificationOrderSchema = z.object({
  companyId: z.uuid('请选择企业'),
  ground: z.enum(RECTIFICATION_GROUNDS, { message: '请选择整改事由' }),
  facts: text('发现的问题', 10, 2000),
  projectIds: many(z.uuid('小区无效')).refine((a) => a.length <= 20, '最多选择 20 个小区'),
  dueOn: day('整改期限'),
  verificationId: z.preprocess((v) => (v === '' || v == null ? null : v), z.uuid('参数错误').nullable()),
});

const orderRef = { orderId: z.uuid('参数错误'), version: z.coerce.number().int().min(1) };
export const rectificationAnswerSchema = z.object({ ...orderRef, answer: text('整改情况', 10, 2000) });
export const rectificationDecisionSchema = z
  .object({ ...orderRef, outcome: z.enum(['accept', 'return'], { message: '请选择验收结论' }), reason: optionalText('退回理由', 1000) })
  .superRefine((v, ctx) => {
    if (v.outcome === 'return' && v.reason.length < 5) ctx.addIssue({ code: 'custom', path: ['reason'], message: '请写明退回理由（至少 5 个字）' });
  });
export const rectificationEscalationSchema = z.object(orderRef);
export const interviewSchema = z.object({
  ...orderRef,
  heldOn: day('约谈日期'),
  place: text('约谈地点', 2, 200),
  attendees: text('参加人员', 2, 500),
  summary: text('约谈内容', 10, 2000),
});
