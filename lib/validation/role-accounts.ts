import { z } from 'zod';

/** The roles the city opens accounts for on /bureau/accounts besides company operators (lib/validation/accounts.ts). */
export const STAFF_ROLES = ['district', 'street', 'committee', 'department', 'association', 'city'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const usernameField = z
  .string()
  .trim()
  .regex(/^[a-z0-9_.-]{3,64}$/i, '账号为 3–64 位字母、数字、点、短横线或下划线');

/** The scope of an account, by role: which of these fields it needs (the others are ignored). */
const scopeFields = {
  districtId: z.string().trim().max(12).default(''),
  regionId: z.string().trim().max(12).default(''),
  projectId: z.string().trim().max(40).default(''),
  organisationName: z.string().trim().max(60, '单位名称不能超过 60 个字').default(''),
};

type ScopeValues = { role: StaffRole; districtId: string; regionId: string; projectId: string; organisationName: string };

function requireScope(v: ScopeValues, ctx: z.RefinementCtx) {
  const need = (path: keyof ScopeValues, ok: boolean, message: string) => {
    if (!ok) ctx.addIssue({ code: 'custom', path: [path], message });
  };
  if (v.role === 'district') need('districtId', /^\d{6}$/.test(v.districtId), '请选择区县');
  if (v.role === 'street') need('regionId', /^\d{9}(\d{3})?$/.test(v.regionId), '请选择街道乡镇或社区');
  if (v.role === 'committee') need('projectId', z.uuid().safeParse(v.projectId).success, '请选择业主委员会所在的项目');
  if (v.role === 'department' || v.role === 'association') need('organisationName', v.organisationName.length >= 2, '请填写单位名称（至少 2 个字）');
}

export const roleAccountSchema = z
  .object({
    role: z.enum(STAFF_ROLES, { message: '请选择角色' }),
    username: usernameField,
    displayName: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过 20 个字'),
    ...scopeFields,
  })
  .superRefine(requireScope);

export type RoleAccountInput = z.infer<typeof roleAccountSchema>;

/** A new scope for an account (its role stays). */
export const accountScopeSchema = z.object({ userId: z.uuid({ message: '未找到该账号' }), ...scopeFields });

export const accountIdSchema = z.object({ userId: z.uuid({ message: '未找到该账号' }) });
