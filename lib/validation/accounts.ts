import { z } from 'zod';
import { usccField } from './fields';
import { DISTRICT_IDS } from './company';

/** The city opens an operator account for a property-service company (new to the platform or not). */
export const companyAccountSchema = z.object({
  uscc: usccField,
  companyName: z.string().trim().max(60, '企业名称不能超过 60 个字').default(''),
  districtId: z.enum(DISTRICT_IDS, { message: '请选择注册所在区县' }),
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/i, '账号为 3–64 位字母、数字、点、短横线或下划线'),
  displayName: z.string().trim().min(1, '请填写操作员姓名').max(20, '姓名不能超过 20 个字'),
});

export type CompanyAccountInput = z.infer<typeof companyAccountSchema>;
