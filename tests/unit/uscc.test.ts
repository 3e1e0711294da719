import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isValidUscc,
  normalizeUscc,
  usccCheckChar,
  validateUscc,
  USCC_CHARSET,
  USCC_ERRORS,
} from '../../lib/domain/uscc';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 独立参考实现：权重 = 3^i mod 31。 */
function referenceCheckChar(first17: string): string {
  let sum = 0;
  let w = 1;
  for (let i = 0; i < 17; i++) {
    sum += CHARSET.indexOf(first17[i]) * w;
    w = (w * 3) % 31;
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

const charArb = fc.constantFrom(...CHARSET.split(''));
const digitArb = fc.constantFrom(...'0123456789'.split(''));

/** 随机有效代码：登记管理部门码 + 机构类别码 + 6 位数字区划码 + 9 位主体标识码 + 校验码。 */
const validUsccArb = fc
  .tuple(
    fc.array(charArb, { minLength: 2, maxLength: 2 }),
    fc.array(digitArb, { minLength: 6, maxLength: 6 }),
    fc.array(charArb, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => {
    const first17 = head.join('') + region.join('') + org.join('');
    return first17 + referenceCheckChar(first17);
  });

describe('constants', () => {
  it('charset is 31 chars without I, O, Z, S, V', () => {
    expect(USCC_CHARSET).toBe(CHARSET);
    expect(USCC_CHARSET).toHaveLength(31);
    for (const c of 'IOZSV') expect(USCC_CHARSET).not.toContain(c);
  });

  it('weights are 3^i mod 31 (sanity check of the test oracle)', () => {
    let w = 1;
    for (const expected of WEIGHTS) {
      expect(w).toBe(expected);
      w = (w * 3) % 31;
    }
  });
});

describe('usccCheckChar — known examples', () => {
  it('91350100M000100Y43 (GB 32100-2015 example) → 3', () => {
    // 值: 9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
    // 9*1+1*3+3*9+5*27+0*19+1*26+0*16+0*17+21*20+0*29+0*25+0*13+1*8+0*24+0*10+30*30+4*28 = 1640
    // 1640 mod 31 = 28; (31-28) mod 31 = 3 → '3'
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
  });

  it('91110108551385082Q → Q', () => {
    // 9*1+1*3+1*9+1*27+0*19+1*26+0*16+8*17+5*20+5*29+1*25+3*13+8*8+5*24+0*10+8*30+2*28 = 999
    // 999 mod 31 = 7; 31-7 = 24 → CHARSET[24] = 'Q'
    expect(usccCheckChar('91110108551385082')).toBe('Q');
    expect(isValidUscc('91110108551385082Q')).toBe(true);
  });

  it('a check value of 0 maps to "0" (not 31)', () => {
    // 找一个加权和为 31 的倍数的前缀：'00000000000000000' 加权和 0 → (31-0) mod 31 = 0
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('throws for bad input', () => {
    expect(() => usccCheckChar('9135010')).toThrow();
    expect(() => usccCheckChar('91350100M000100I4')).toThrow();
  });

  it('agrees with the independent reference implementation (property)', () => {
    fc.assert(
      fc.property(fc.array(charArb, { minLength: 17, maxLength: 17 }), (chars) => {
        const first17 = chars.join('');
        expect(usccCheckChar(first17)).toBe(referenceCheckChar(first17));
      }),
    );
  });
});

describe('validateUscc', () => {
  it('normalizes whitespace and case', () => {
    expect(normalizeUscc(' 91110108551385082q ')).toBe('91110108551385082Q');
    expect(validateUscc(' 91110108551385082q ')).toEqual({ ok: true });
  });

  it('length error', () => {
    expect(validateUscc('91110108551385082')).toEqual({ ok: false, error: '统一社会信用代码应为18位' });
    expect(validateUscc('91110108551385082QQ')).toEqual({ ok: false, error: '统一社会信用代码应为18位' });
    expect(validateUscc('')).toEqual({ ok: false, error: '统一社会信用代码应为18位' });
  });

  it('charset error for I, O, Z, S, V and punctuation', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V', '-', '*']) {
      const code = '9111010855138508' + bad + 'Q';
      expect(validateUscc(code)).toEqual({ ok: false, error: '统一社会信用代码含有无效字符' });
    }
  });

  it('region code (positions 3-8) must be digits', () => {
    const first17 = '91A10108551385082';
    expect(validateUscc(first17 + usccCheckChar(first17))).toEqual({ ok: false, error: USCC_ERRORS.region });
  });

  it('checksum error', () => {
    expect(validateUscc('91110108551385082P')).toEqual({ ok: false, error: '统一社会信用代码校验位不正确' });
    expect(validateUscc('91350100M000100Y44')).toEqual({ ok: false, error: USCC_ERRORS.checksum });
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
});

describe('validateUscc — properties', () => {
  it('random valid codes are valid', () => {
    fc.assert(
      fc.property(validUsccArb, (code) => {
        expect(validateUscc(code)).toEqual({ ok: true });
        expect(isValidUscc(code.toLowerCase())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('changing any single character to another charset character makes it invalid', () => {
    fc.assert(
      fc.property(
        validUsccArb,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, pos, delta) => {
          const replacement = CHARSET[(CHARSET.indexOf(code[pos]) + delta) % 31];
          expect(replacement).not.toBe(code[pos]);
          const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
          expect(isValidUscc(mutated)).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('inner GB 11714 org-code check is NOT enforced (only the outer check char)', () => {
    // 主体标识码随机生成，绝大多数不满足 GB 11714 内层校验，但只要外层校验位正确即有效
    fc.assert(
      fc.property(validUsccArb, (code) => {
        expect(isValidUscc(code)).toBe(true);
      }),
    );
    const first17 = '91510900AAAAAAAAA';
    expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
  });
});
