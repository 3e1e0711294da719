/**
 * 统一社会信用代码（GB 32100-2015）校验。
 *
 * 结构（18 位）：
 *   第 1 位      登记管理部门码
 *   第 2 位      机构类别码
 *   第 3-8 位    登记管理机关行政区划码（数字）
 *   第 9-17 位   主体标识码（组织机构代码，GB 11714，自带校验位——此处不校验该内层校验位）
 *   第 18 位     校验码
 *
 * 字符集为 31 个字符（不使用 I、O、Z、S、V）。
 *
 * 纯函数模块：不做任何 I/O。
 */

/** 代码字符集；字符在此串中的下标即其数值。 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const USCC_ERRORS = {
  length: '统一社会信用代码应为18位',
  charset: '统一社会信用代码含有无效字符',
  region: '统一社会信用代码中的行政区划码无效',
  checksum: '统一社会信用代码校验位不正确',
} as const;

export type UsccValidation = { ok: true } | { ok: false; error: string };

/** 去除首尾空白并转为大写。 */
export function normalizeUscc(s: string): string {
  return String(s ?? '').trim().toUpperCase();
}

/**
 * 根据前 17 位计算第 18 位校验码。
 * 校验码数值 = (31 - (Σ value_i × weight_i) mod 31) mod 31。
 * @throws Error 当输入不是 17 个合法字符时
 */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) {
    throw new Error('usccCheckChar: 需要恰好17个字符');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new Error(`usccCheckChar: 无效字符 ${JSON.stringify(first17[i])}`);
    sum += v * WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** 校验统一社会信用代码（先经过 normalizeUscc）。 */
export function validateUscc(s: string): UsccValidation {
  const code = normalizeUscc(s);
  if (code.length !== 18) return { ok: false, error: USCC_ERRORS.length };
  for (const ch of code) {
    if (!USCC_CHARSET.includes(ch)) return { ok: false, error: USCC_ERRORS.charset };
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, error: USCC_ERRORS.region };
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, error: USCC_ERRORS.checksum };
  }
  return { ok: true };
}

/** 是否为有效的统一社会信用代码。 */
export function isValidUscc(s: string): boolean {
  return validateUscc(s).ok;
}
