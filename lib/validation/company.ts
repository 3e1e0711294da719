import { z } from 'zod';
import { usccField } from './fields';
import { isValidPhone } from '@/lib/domain/phone';

export const MANAGER_KINDS = ['主要负责人', '项目经理', '工程技术人员'] as const;
export const DISTRICT_IDS = ['510903', '510904', '510981', '510921', '510923'] as const;
export const DISTRICT_NAMES: Record<(typeof DISTRICT_IDS)[number], string> = {
  '510903': '船山区',
  '510904': '安居区',
  '510981': '射洪市',
  '510921': '蓬溪县',
  '510923': '大英县',
};

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const managerSchema = z.object({
  kind: z.enum(MANAGER_KINDS, { message: '请选择人员类别' }),
  name: text('姓名', 20),
  title: z.string().trim().max(30, '职务不能超过 30 个字').nullish().transform((v) => v ?? ''),
  qualification: z.string().trim().max(60, '资格证书不能超过 60 个字').nullish().transform((v) => v ?? ''),
});

/** The basic information a company files (ZJ 7, DW 4 basic information). */
export const companyFilingSchema = z
  .object({
    name: text('企业名称', 60),
    uscc: usccField,
    address: text('注册地址', 120),
    registeredCapital: z.coerce
      .number({ message: '请填写注册资本（万元）' })
      .positive('注册资本应大于 0')
      .max(100_000_000, '注册资本数额不合理'),
    legalRepresentative: text('法定代表人', 20),
    contactPhone: z
      .string()
      .trim()
      .refine((v) => isValidPhone(v), '请填写有效的手机号码或固定电话（如 0825-1234567）'),
    districtId: z.enum(DISTRICT_IDS, { message: '请选择注册所在区县' }),
    managers: z.array(managerSchema).min(1, '至少填写一名主要负责人').max(50, '人员最多 50 名'),
  })
  .superRefine((v, ctx) => {
    if (!v.managers.some((m) => m.kind === '主要负责人')) {
      ctx.addIssue({ code: 'custom', path: ['managers'], message: '至少填写一名主要负责人' });
    }
  });

export type CompanyFilingInput = z.infer<typeof companyFilingSchema>;

export const filingDecisionSchema = z
  .object({
    submissionId: z.uuid('无效的申请编号'),
    version: z.coerce.number().int().min(1),
    decision: z.enum(['approved', 'rejected', 'returned'], { message: '请选择审核结果' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approved' && v.reason.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予备案或退回修改时必须写明理由' });
    }
  });

export type FilingDecisionInput = z.infer<typeof filingDecisionSchema>;

export const LICENCE_MAX_BYTES = 10 * 1024 * 1024;
