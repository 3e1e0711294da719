import type { z } from 'zod';

export type ErrorCode = 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'LOCKED';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID: '填写的内容有误，请按提示修改',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '无权进行此操作',
  NOT_FOUND: '未找到该对象',
  CONFLICT: '该事项已被他人处理，请刷新后查看',
  LOCKED: '操作过于频繁，请稍后再试',
};

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message = DEFAULT_MESSAGES[code]): ActionResult<never> {
  return { ok: false, code, message };
}

/** Field-level messages from a zod error (the schemas carry Chinese messages). */
export function invalid(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, code: 'INVALID', message: DEFAULT_MESSAGES.INVALID, fieldErrors };
}

/**
 * A single field's message. An INVALID result carries the generic form message on top; a CONFLICT (the value
 * clashes with what is already recorded) carries the field's own message there too.
 */
export function fieldError(field: string, message: string, code: 'INVALID' | 'CONFLICT' = 'INVALID'): ActionResult<never> {
  return { ok: false, code, message: code === 'CONFLICT' ? message : DEFAULT_MESSAGES.INVALID, fieldErrors: { [field]: [message] } };
}
