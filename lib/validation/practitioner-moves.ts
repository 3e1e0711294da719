import { z } from 'zod';
import { POSTS } from '@/lib/domain/practitioner';
import { idNumberField as idNumber, personDate as date } from './fields';
import { changeableFields } from './practitioner';

const reason = (label: string, min = 2) =>
  z.string().trim().min(min, `请填写${label}`).max(500, `${label}不能超过 500 个字`);

/** SN 15: a post change within the company (another estate of the company and/or another post). */
export const postChangeSchema = z.object({
  practitionerId: z.uuid('未找到该人员'),
  projectId: z.uuid('请选择服务项目'),
  post: z.enum(POSTS, { message: '请选择岗位' }),
  changedOn: date('调整日期'),
});

/**
 * The data a receiving company brings up to date when it takes a person on (SN 16 second paragraph, SN 17
 * re-entry): what can change with a new job. Name, ID, ethnicity and native place are corrected through an
 * objection (SN 18), not here.
 */
export const receiveUpdateSchema = z.object(changeableFields);
export type ReceiveUpdate = z.infer<typeof receiveUpdateSchema>;

/** The new job of a transferred or re-entering person. */
const newJob = {
  name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过 20 个字'),
  idNumber,
  projectId: z.uuid('请选择服务项目'),
  post: z.enum(POSTS, { message: '请选择岗位' }),
  hiredOn: date('入职时间'),
  labourContractOn: date('劳动合同签订日期'),
};

/** SN 16: the new company asks to move the person's record over from the old company. */
export const transferRequestSchema = z.object(newJob);

/** SN 17: a company asks to reactivate an archived person, with the data brought up to date. */
export const reEntrySchema = z.object({
  ...newJob,
  update: receiveUpdateSchema,
  informed: z.literal(true, { message: '请确认已向本人告知信息采集的目的和用途' }),
});

/** The old company's answer to a transfer request. A refusal needs its reason (the district weighs it). */
export const consentSchema = z
  .object({
    submissionId: z.uuid('未找到该申请'),
    expectedVersion: z.coerce.number().int().min(1),
    consent: z.enum(['given', 'refused'], { message: '请选择同意或不同意' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.consent === 'refused' && v.reason.length < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不同意调出须说明理由' });
  });

/** SN 16: the district releases the person directly after checking (refused without valid reason, or no answer). */
export const overrideSchema = z.object({
  submissionId: z.uuid('未找到该申请'),
  expectedVersion: z.coerce.number().int().min(1),
  reason: reason('核实情况'),
});

/** SN 16 second paragraph: once released, the new company updates the data and submits it for review. */
export const transferUpdateSchema = z.object({
  submissionId: z.uuid('未找到该申请'),
  expectedVersion: z.coerce.number().int().min(1),
  update: receiveUpdateSchema,
  informed: z.literal(true, { message: '请确认已向本人告知信息采集的目的和用途' }),
});

/** SN 17: the company declares that the person leaves the industry. */
export const exitSchema = z.object({
  practitionerId: z.uuid('未找到该人员'),
  leftOn: date('离职日期'),
  reason: reason('退出原因'),
});

export const withdrawMoveSchema = z.object({
  submissionId: z.uuid('未找到该申请'),
  expectedVersion: z.coerce.number().int().min(1),
});
