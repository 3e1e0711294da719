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
