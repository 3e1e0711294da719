import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  idCheckChar,
  isValidIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  parseIdNumber,
  ID_ERRORS,
} from '../../lib/domain/id-number';

// 固定“今天”：2024-06-15 中午（北京时间），使测试与运行日期无关。
const TODAY = new Date('2024-06-15T12:00:00+08:00');

const DIGITS = '0123456789';

/** 独立实现的 ISO 7064 MOD 11-2，用于与被测实现交叉验证。 */
function referenceCheckChar(first17: string): string {
  // 权重 W_i = 2^(17-i) mod 11（i 从 0 起）
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  // 校验值 = (12 - sum mod 11) mod 11，10 记作 X
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 随机生成有效身份证号：随机地址码 + 随机真实日期 + 随机顺序码 + 计算出的校验码。 */
const validIdArb = fc
  .record({
    regionHead: fc.constantFrom('1', '2', '3', '4', '5', '6', '8'),
    regionRest: fc.stringMatching(/^\d{5}$/),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2024-06-15T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ regionHead, regionRest, birth, seq }) => {
    const y = birth.getUTCFullYear();
    const m = birth.getUTCMonth() + 1;
    const d = birth.getUTCDate();
    const first17 = `${regionHead}${regionRest}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
    return { id: first17 + referenceCheckChar(first17), y, m, d, seq };
  });

describe('idCheckChar', () => {
  it('matches the GB 11643 worked example (11010519491231002X)', () => {
    // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167
    // 167 mod 11 = 2 → "10X98765432"[2] = 'X'
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('computes 440524188001010014 check char', () => {
    // 4*7+4*9+0*10+5*5+2*8+4*4+1*2+8*1+8*6+0*3+0*7+1*9+0*10+1*5+0*8+0*4+1*2 = 195
    // 195 mod 11 = 8 → "10X98765432"[8] = '4'
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('maps every residue 0..10 to the right char', () => {
    // 只改第 17 位（权重 2）即可遍历余数；与参考实现逐一比较
    const seen = new Set<string>();
    for (let a = 0; a < 10; a++) {
      for (let b = 0; b < 10; b++) {
        const first17 = `110105194912310${a}${b}`;
        expect(idCheckChar(first17)).toBe(referenceCheckChar(first17));
        seen.add(idCheckChar(first17));
      }
    }
    expect(seen).toEqual(new Set('0123456789X'.split('')));
  });

  it('agrees with an independent reference implementation (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCheckChar(first17)).toBe(referenceCheckChar(first17));
      }),
    );
  });

  it('rejects input that is not exactly 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow();
    expect(() => idCheckChar('110105194912310021')).toThrow();
    expect(() => idCheckChar('1101051949123100A')).toThrow();
  });
});

describe('normalizeIdNumber', () => {
  it('trims and upper-cases x', () => {
    expect(normalizeIdNumber('  11010519491231002x \n')).toBe('11010519491231002X');
  });
});

describe('parseIdNumber / isValidIdNumber — known examples', () => {
  it('GB 11643 example 11010519491231002X is valid: born 1949-12-31, female', () => {
    const r = parseIdNumber('11010519491231002X', TODAY);
    expect(r).toEqual({ ok: true, birthDate: '1949-12-31', gender: '女', age: 74 });
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
  });

  it('accepts lower-case x and surrounding whitespace', () => {
    expect(isValidIdNumber(' 11010519491231002x ', TODAY)).toBe(true);
  });

  it('440524188001010014 has a correct check char but is rejected: born 1880 < 1900-01-01', () => {
    // 校验位正确（见 idCheckChar 测试），但出生于 1880-01-01，早于规定下限 1900-01-01。
    expect(parseIdNumber('440524188001010014', TODAY)).toEqual({
      ok: false,
      error: ID_ERRORS.birthDate,
    });
  });

  it('odd 17th digit → 男', () => {
    const first17 = '51090219900307123'; // 第 17 位 3 为奇数
    const id = first17 + idCheckChar(first17);
    const r = parseIdNumber(id, TODAY);
    expect(r).toEqual({ ok: true, birthDate: '1990-03-07', gender: '男', age: 34 });
  });

  it('computes age in full years around the birthday', () => {
    const first17 = '51090220000615002';
    const id = first17 + idCheckChar(first17);
    const ageOn = (iso: string) => {
      const r = parseIdNumber(id, new Date(iso));
      if (!r.ok) throw new Error(r.error);
      return r.age;
    };
    expect(ageOn('2024-06-14T12:00:00+08:00')).toBe(23);
    expect(ageOn('2024-06-15T00:00:00+08:00')).toBe(24);
    // 2024-06-14T17:00Z 在北京已是 06-15，应按中国日期计算
    expect(ageOn('2024-06-14T17:00:00Z')).toBe(24);
    expect(ageOn('2024-06-14T15:00:00Z')).toBe(23);
  });

  it('Feb 29 birthday: age increments on Mar 1 in non-leap years', () => {
    const first17 = '11010520000229001';
    const id = first17 + idCheckChar(first17);
    const age = (iso: string) => (parseIdNumber(id, new Date(iso)) as { age: number }).age;
    expect(age('2023-02-28T12:00:00+08:00')).toBe(22);
    expect(age('2023-03-01T12:00:00+08:00')).toBe(23);
  });
});

describe('parseIdNumber — errors', () => {
  const withCheck = (first17: string) => first17 + idCheckChar(first17);

  it('wrong length', () => {
    expect(parseIdNumber('11010519491231002', TODAY)).toEqual({ ok: false, error: '身份证号码应为18位' });
    expect(parseIdNumber('11010519491231002X1', TODAY)).toEqual({ ok: false, error: '身份证号码应为18位' });
    expect(parseIdNumber('', TODAY)).toEqual({ ok: false, error: '身份证号码应为18位' });
    // 旧 15 位号码不接受
    expect(parseIdNumber('110105491231002', TODAY)).toEqual({ ok: false, error: '身份证号码应为18位' });
  });

  it('bad check char', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, error: '身份证号码校验位不正确' });
    // 把 440524188001010014 的出生年改为 1980（第 8 位 8→9，权重 1）：加权和 195+1=196，
    // 196 mod 11 = 9 → 校验位应为 '3'；沿用 '4' 则错误
    expect(idCheckChar('44052419800101001')).toBe('3');
    expect(parseIdNumber('440524198001010014', TODAY)).toEqual({ ok: false, error: ID_ERRORS.checksum });
    expect(isValidIdNumber('440524198001010013', TODAY)).toBe(true);
  });

  it('non-digit characters / X not in last position', () => {
    expect(parseIdNumber('1101051949123100X2', TODAY)).toEqual({ ok: false, error: ID_ERRORS.format });
    expect(parseIdNumber('11010519491231002Y', TODAY)).toEqual({ ok: false, error: ID_ERRORS.format });
  });

  it('implausible region code (first digit 0, 7 or 9)', () => {
    for (const head of ['0', '7', '9']) {
      expect(parseIdNumber(withCheck(`${head}1010519491231002`), TODAY)).toEqual({
        ok: false,
        error: ID_ERRORS.region,
      });
    }
    // 8 开头（港澳台居民居住证 810000/820000/830000）可接受
    expect(isValidIdNumber(withCheck('81000019900101002'), TODAY)).toBe(true);
  });

  it('impossible or out-of-range birth dates, even with a correct check char', () => {
    const bad = [
      '11010520230229001', // 2023 非闰年
      '11010519001301001', // 13 月
      '11010519900100001', // 0 日
      '11010519900431001', // 4 月 31 日
      '11010518991231001', // 早于 1900-01-01
      '11010520240616001', // 晚于“今天”2024-06-15
    ];
    for (const first17 of bad) {
      expect(parseIdNumber(withCheck(first17), TODAY)).toEqual({ ok: false, error: '身份证号码中的出生日期无效' });
    }
    // 边界：1900-01-01、2000-02-29（闰年）、今天本身均有效
    for (const first17 of ['11010519000101001', '11010520000229001', '11010520240615001']) {
      expect(isValidIdNumber(withCheck(first17), TODAY)).toBe(true);
    }
    expect(parseIdNumber(withCheck('11010520240615001'), TODAY)).toMatchObject({ ok: true, age: 0 });
  });

  it('rejects an invalid today', () => {
    expect(() => parseIdNumber('11010519491231002X', new Date('nope'))).toThrow();
  });
});

describe('parseIdNumber — properties', () => {
  it('random valid IDs are valid and parse back the date and gender', () => {
    fc.assert(
      fc.property(validIdArb, ({ id, y, m, d, seq }) => {
        const r = parseIdNumber(id, TODAY);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.birthDate).toBe(`${y}-${pad(m)}-${pad(d)}`);
        expect(r.gender).toBe(seq % 2 === 1 ? '男' : '女');
        // 独立计算周岁：2024-06-15
        const expectedAge = 2024 - y - (m > 6 || (m === 6 && d > 15) ? 1 : 0);
        expect(r.age).toBe(expectedAge);
        expect(r.age).toBeGreaterThanOrEqual(0);
        expect(isValidIdNumber(id.toLowerCase(), TODAY)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changing any single character to another digit makes it invalid', () => {
    fc.assert(
      fc.property(
        validIdArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        ({ id }, pos, delta) => {
          const cur = id[pos] === 'X' ? 10 : Number(id[pos]);
          // 换成另一个数字（若原为 X，则任意数字均不同）
          const replacement = id[pos] === 'X' ? String(delta) : DIGITS[(cur + delta) % 10];
          expect(replacement).not.toBe(id[pos]);
          const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
          expect(isValidIdNumber(mutated, TODAY)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('swapping two adjacent different digits among the first 17 makes it invalid', () => {
    fc.assert(
      fc.property(validIdArb, fc.integer({ min: 0, max: 15 }), ({ id }, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        expect(isValidIdNumber(swapped, TODAY)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('maskIdNumber', () => {
  it('keeps first 4 and last 4 characters', () => {
    expect(maskIdNumber('510902199003071234')).toBe('5109**********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X');
  });

  it('always 18 chars, never reveals characters 5–14 (property)', () => {
    fc.assert(
      fc.property(validIdArb, ({ id }) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('**********');
        expect(masked.slice(0, 4)).toBe(id.slice(0, 4));
        expect(masked.slice(14)).toBe(id.slice(14));
        // 出生日期（第 7-14 位）不能出现在结果中
        expect(masked).not.toContain(id.slice(6, 14));
      }),
    );
  });

  it('for any input string, output is 18 chars and reveals nothing of the middle', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const masked = maskIdNumber(s);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('**********');
        if (normalizeIdNumber(s).length !== 18) expect(masked).toBe('*'.repeat(18));
      }),
    );
  });
});
