/**
 * 中国大陆手机号码与固定电话号码校验、规范化、脱敏。
 *
 * 纯函数模块：不做任何 I/O。
 */

const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * 固定电话：区号 3-4 位且以 0 开头（如 010、0825），可用 - 与号码分隔；
 * 号码 7-8 位；可选分机号 `-1` 至 `-6` 位数字。
 */
const LANDLINE_RE = /^0\d{2,3}-?\d{7,8}(?:-\d{1,6})?$/;

/**
 * 规范化手机号码：去除所有空白与连字符（-），
 * 若剩余部分为 `+86` / `0086` / `86` 前缀加 11 位以 1 开头的号码，则去掉该前缀。
 * 不校验结果是否有效。
 */
export function normalizeMobile(s: string): string {
  const compact = String(s ?? '').replace(/[\s\-\u2010-\u2015]/g, '');
  const m = /^(?:\+|00)?86(1\d{10})$/.exec(compact);
  return m ? m[1] : compact;
}

/** 是否为有效的大陆手机号码（先经过 normalizeMobile）。 */
export function isValidMobile(s: string): boolean {
  return MOBILE_RE.test(normalizeMobile(s));
}

/**
 * 手机号脱敏：`13812345678` → `138****5678`。
 * 若输入不是有效手机号，则返回与规范化结果等长的 *，不泄露任何字符。
 */
export function maskMobile(s: string): string {
  const n = normalizeMobile(s);
  if (!MOBILE_RE.test(n)) return '*'.repeat(n.length);
  return `${n.slice(0, 3)}****${n.slice(7)}`;
}

/** 是否为有效的固定电话号码（如 `0825-1234567`、`08251234567`、`010-12345678-123`）。 */
export function isValidLandline(s: string): boolean {
  const compact = String(s ?? '').replace(/\s/g, '');
  return LANDLINE_RE.test(compact);
}

/** 手机号或固定电话均可。 */
export function isValidPhone(s: string): boolean {
  return isValidMobile(s) || isValidLandline(s);
}
