import { z } from 'zod';

export const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  next: z.string().optional(),
});

/** Only a path on this site: no scheme, no protocol-relative `//host`. */
export function safeNextPath(next: string | undefined | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, '请输入当前密码'),
    next: z
      .string()
      .min(12, '新密码至少 12 位')
      .max(128, '新密码不能超过 128 位')
      .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '新密码须同时包含字母和数字'),
    confirm: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' })
  .refine((v) => v.next !== v.current, { path: ['next'], message: '新密码不能与当前密码相同' });
