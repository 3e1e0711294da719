import { z } from 'zod';
import { PROJECT_TYPES } from '@/lib/domain/city-setup';

const region = (n: number) => z.string().trim().regex(new RegExp(`^(\\d{${n}})?$`), '请从列表中选择').default('');

/** An estate's basic fields, as the city creates or the district proposes it, and as both edit it. */
export const estateFieldsSchema = z.object({
  name: z.string().trim().min(2, '项目名称为 2–60 个字').max(60, '项目名称为 2–60 个字'),
  address: z.string().trim().min(1, '请填写地址').max(100, '地址不能超过 100 个字'),
  districtId: z.string().trim().regex(/^\d{6}$/, '请选择所在区县'),
  streetId: region(9),
  communityId: region(12),
  type: z.enum(PROJECT_TYPES, { message: '请选择项目类型' }),
  households: z.coerce.number({ message: '户数应为 1–100000 的整数' }).int('户数应为 1–100000 的整数').min(1, '户数应为 1–100000 的整数').max(100_000, '户数应为 1–100000 的整数'),
  floorArea: z
    .string()
    .trim()
    .regex(/^\d+(\.\d{1,2})?$/, '建筑面积应为大于 0 的数字（平方米），最多两位小数')
    .refine((v) => Number(v) > 0 && Number(v) <= 100_000_000, '建筑面积应为大于 0 的数字（平方米），最多两位小数'),
  hasOwnersCommittee: z.preprocess((v) => v === true || v === 'true' || v === 'on' || v === '1', z.boolean()),
});

export type EstateFields = z.infer<typeof estateFieldsSchema>;

export const estateEditSchema = estateFieldsSchema.extend({ id: z.uuid({ message: '未找到该项目' }), version: z.coerce.number().int().min(1) });

export const proposalDecisionSchema = z
  .object({
    id: z.uuid({ message: '未找到该申请' }),
    version: z.coerce.number().int().min(1),
    decision: z.enum(['confirm', 'return'], { message: '请选择确认或退回' }),
    reason: z.string().trim().max(500, '退回理由不能超过 500 字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return' && v.reason.length < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回时请写明理由' });
  });
