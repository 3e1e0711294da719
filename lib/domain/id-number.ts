/**
 * 居民身份证号码（GB 11643-1999，18 位）校验与解析。
 *
 * 结构：6 位地址码 + 8 位出生日期码（YYYYMMDD）+ 3 位顺序码 + 1 位校验码。
 * 校验码按 ISO 7064:1983 MOD 11-2 计算。
 *
 * 纯函数模块：不做任何 I/O。
 */

/** 前 17 位各位的加权因子（2^(18-i) mod 11）。 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** 加权和 mod 11 → 校验码。 */
const CHECK_CHARS = '10X98765432';

/** 可接受的最早出生日期（含）。 */
export const MIN_BIRTH_DATE = '1900-01-01';

export type Gender = '男' | '女';

export type ParsedIdNumber =
  | { ok: true; birthDate: string; gender: Gender; age: number }
  | { ok: false; error: string };

export const ID_ERRORS = {
  length: '身份证号码应为18位',
  format: '身份证号码格式不正确',
  region: '身份证号码中的地区码无效',
  birthDate: '身份证号码中的出生日期无效',
  checksum: '身份证号码校验位不正确',
} as const;

/** 去除首尾空白，末位小写 x 转为大写 X。 */
export function normalizeIdNumber(s: string): string {
  return String(s ?? '').trim().toUpperCase();
}

/**
 * 根据前 17 位数字计算第 18 位校验码（'0'-'9' 或 'X'）。
 * @throws Error 当输入不是恰好 17 位数字时
 */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new Error('idCheckChar: 需要恰好17位数字');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  }
  return CHECK_CHARS[sum % 11];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 某一时刻在中国（Asia/Shanghai）的日历日期 [年, 月, 日]，与服务器时区无关。 */
function chinaYmd(instant: Date): [number, number, number] {
  if (Number.isNaN(instant.getTime())) {
    throw new Error('parseIdNumber: today 不是有效日期');
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return (
    dt.getUTCFullYear() === y &&
    dt.getUTCMonth() === m - 1 &&
    dt.getUTCDate() === d
  );
}

/**
 * 解析并校验 18 位身份证号码。
 *
 * @param s 身份证号码（会先经过 normalizeIdNumber）
 * @param today 计算年龄、判断“出生日期不在未来”所用的当前时刻，按中国本地日期计；默认当前时间
 */
export function parseIdNumber(s: string, today: Date = new Date()): ParsedIdNumber {
  const id = normalizeIdNumber(s);
  if (id.length !== 18) return { ok: false, error: ID_ERRORS.length };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: ID_ERRORS.format };

  // 地址码：首位为 1-6（大陆各省级行政区）或 8（港澳台居民居住证）。不查行政区划表。
  if (!/^[1-68]/.test(id)) return { ok: false, error: ID_ERRORS.region };

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isRealDate(y, m, d)) return { ok: false, error: ID_ERRORS.birthDate };
  const birthDate = `${y}-${pad2(m)}-${pad2(d)}`;
  const [ty, tm, td] = chinaYmd(today);
  const todayStr = `${String(ty).padStart(4, '0')}-${pad2(tm)}-${pad2(td)}`;
  // 'YYYY-MM-DD' 字符串可直接按字典序比较
  if (birthDate < MIN_BIRTH_DATE || birthDate > todayStr) {
    return { ok: false, error: ID_ERRORS.birthDate };
  }

  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return { ok: false, error: ID_ERRORS.checksum };
  }

  const gender: Gender = Number(id[16]) % 2 === 1 ? '男' : '女';
  let age = ty - y;
  if (tm < m || (tm === m && td < d)) age -= 1;

  return { ok: true, birthDate, gender, age };
}

/** 是否为有效的 18 位身份证号码。 */
export function isValidIdNumber(s: string, today: Date = new Date()): boolean {
  return parseIdNumber(s, today).ok;
}

/**
 * 脱敏显示：保留前 4 位与后 4 位，中间 10 位替换为 *，如 `5109**********1234`。
 * 结果恒为 18 个字符；若输入（规范化后）不是 18 位，则返回 18 个 *，不泄露任何字符。
 */
export function maskIdNumber(s: string): string {
  const id = normalizeIdNumber(s);
  if (id.length !== 18) return '*'.repeat(18);
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;
}
