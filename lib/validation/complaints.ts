import { z } from 'zod';
import { CASE_KINDS, COMPLAINT_ABOUT } from '@/lib/domain/complaints';
import { SEVERITIES } from '@/lib/domain/records';
import { points } from './credit';
import { contactPhone, personName } from './objections';

const blankToNull = (v: unknown) => (v === '' || v == null ? null : v);
const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());
const text = (label: string, min: number, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);

/** The owner's form (no account): who, which estate, about whom, what happened. */
export const complaintFilingSchema = z
  .object({
    kind: z.enum(CASE_KINDS, { message: '请选择投诉或表扬' }),
    projectId: z.uuid('请先查找并选择小区'),
    about: z.enum(COMPLAINT_ABOUT, { message: '请选择对象' }),
    practitionerId: z.preprocess(blankToNull, z.uuid('请从名单中选择工作人员').nullable()),
    name: personName,
    phone: contactPhone,
    text: text('事情经过', 10, 2000),
  })
  .superRefine((v, ctx) => {
    if (v.about === 'staff' && !v.practitionerId) ctx.addIssue({ code: 'custom', path: ['practitionerId'], message: '请从名单中选择工作人员' });
    if (v.kind === 'praise' && v.about === 'estate') ctx.addIssue({ code: 'custom', path: ['about'], message: '表扬请选择企业或具体的工作人员' });
  });
export type ComplaintFilingInput = z.input<typeof complaintFilingSchema>;

const caseRef = { caseId: z.uuid('参数错误'), version: z.coerce.number().int().min(1) };

/** The serving company's answer to a complaint, or its acknowledgement of a praise. */
export const complaintAnswerSchema = z.object({ ...caseRef, answer: text('答复内容', 10, 2000) });

/**
 * The district's decision. Substantiated: the reason (the facts found) and at least one consequence — a bad
 * record of the responsible person (SN 13.5) and/or a company warning record with its severity and points.
 */
export const complaintDecisionSchema = z
  .object({
    ...caseRef,
    outcome: z.enum(['upheld', 'dismissed'], { message: '请选择核实结果' }),
    reason: text('核实情况', 10, 1000),
    staffRecord: flag,
    practitionerId: z.preprocess(blankToNull, z.uuid('请选择负有责任的人员').nullable()),
    companyWarning: flag,
    severity: z.preprocess(blankToNull, z.enum(SEVERITIES, { message: '请选择情节轻重' }).nullable()),
    points: z.preprocess(blankToNull, points('扣分').nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'upheld') return;
    if (!v.staffRecord && !v.companyWarning) ctx.addIssue({ code: 'custom', path: ['staffRecord'], message: '投诉属实的，请至少选择记入人员不良记录或企业警示信息中的一项' });
    if (v.staffRecord && !v.practitionerId) ctx.addIssue({ code: 'custom', path: ['practitionerId'], message: '请选择负有责任的人员' });
    if (v.companyWarning && !v.severity) ctx.addIssue({ code: 'custom', path: ['severity'], message: '请选择情节轻重' });
    if (v.companyWarning && v.points === null) ctx.addIssue({ code: 'custom', path: ['points'], message: '请填写扣分' });
  });
export type ComplaintDecisionInput = z.input<typeof complaintDecisionSchema>;
