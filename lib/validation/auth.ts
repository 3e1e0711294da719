import { z } from 'zod';
import { isCommonPassword } from '@/lib/auth/common-passwords';

export const COMMON_PASSWORD_MESSAGE = '该密码过于常见或容易被猜到（如常用词加年份、键盘顺序、重复字符），请换一个只有您知道的密码';
export const PASSWORD_HAS_USERNAME_MESSAGE = '新密码不能包含您的账号名';

/** The rule for every new password a person chooses (the change form; temporary passwords pass it too). */
export const newPasswordSchema = z
  .string()
  .min(12, '新密码至少 12 位')
  .max(128, '新密码不能超过 128 位')
  .refine((s) => /[A-Za-z]/.test(s) && /\d/.test(s), '新密码须同时包含字母和数字')
  .refine((s) => !isCommonPassword(s), COMMON_PASSWORD_MESSAGE);

/** Whether `password` contains the account name (3 characters or more), in any case. */
export function containsUsername(password: string, username: string): boolean {
  const u = username.trim().toLowerCase();
  return u.length >= 3 && password.toLowerCase().includes(u);
}

export const loginSchema = z.object({
  username: z.string().trim().min(1, '请输入账号').max(64, '账号过长'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
  next: z.string().optional(),
});

/** Any origin works: only whether `next` stays on it matters. */
const NEXT_BASE = 'http://platform.invalid';
export const MAX_NEXT_LENGTH = 2048;

/**
 * Where to go after signing in, from a user-supplied `next` (query string or form field, already decoded):
 * a path on this site, resolved with the URL parser and re-serialised (percent-encoded, safe in a Location
 * header), or null, for which the caller uses the role's home. Refused: anything that is not a path
 * (`https://…`, `javascript:`), protocol-relative forms however spelt (`//host`, `/\host`, `/\t/host` — a
 * browser drops tabs and line breaks —, `/..//host`), control characters, and very long values.
 */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  if (!next.startsWith('/') || next.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(next, NEXT_BASE);
  } catch {
    return null;
  }
  if (url.origin !== NEXT_BASE) return null;
  const path = url.pathname + url.search + url.hash;
  // Dot segments can collapse into `//host` (`/..//host`, `/%2e%2e//host`), which a browser reads as another site.
  if (!path.startsWith('/') || path.startsWith('//') || path.length > MAX_NEXT_LENGTH) return null;
  return path;
}

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, '请输入当前密码'),
    next: newPasswordSchema,
    confirm: z.string().min(1, '请再次输入新密码'),
  })
  .refine((v) => v.next === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' })
  .refine((v) => v.next !== v.current, { path: ['next'], message: '新密码不能与当前密码相同' });
