import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isValidLandline,
  isValidMobile,
  isValidPhone,
  maskMobile,
  normalizeMobile,
} from '../../lib/domain/phone';

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

/** 有效手机号：1 + [3-9] + 9 位数字 */
const mobileArb = fc
  .tuple(fc.constantFrom('3', '4', '5', '6', '7', '8', '9'), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);

describe('normalizeMobile', () => {
  it('strips spaces, dashes and a leading +86 / 86 / 0086', () => {
    expect(normalizeMobile(' 138 1234 5678 ')).toBe('13812345678');
    expect(normalizeMobile('138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizeMobile('+86-13812345678')).toBe('13812345678');
    expect(normalizeMobile('8613812345678')).toBe('13812345678');
    expect(normalizeMobile('0086 13812345678')).toBe('13812345678');
  });

  it('does not strip 86 when the rest is not an 11-digit number starting with 1', () => {
    expect(normalizeMobile('86123')).toBe('86123');
    expect(normalizeMobile('+8623812345678')).toBe('+8623812345678');
  });
});

describe('isValidMobile', () => {
  it('accepts valid mainland mobile numbers', () => {
    for (const s of ['13812345678', '19912345678', '15000000000', '+86 177 0000 1111', '86-18612345678']) {
      expect(isValidMobile(s)).toBe(true);
    }
  });

  it('rejects invalid ones', () => {
    for (const s of [
      '',
      '12812345678', // 第二位 2
      '10012345678',
      '11012345678',
      '1381234567', // 10 位
      '138123456789', // 12 位
      '23812345678',
      '1381234567a',
      '+1 13812345678',
      '0825-1234567',
    ]) {
      expect(isValidMobile(s)).toBe(false);
    }
  });

  it('property: generated mobiles are valid, in any spacing/prefix form', () => {
    fc.assert(
      fc.property(mobileArb, fc.constantFrom('', '+86', '86', '+86 ', '0086'), (m, prefix) => {
        const spaced = `${prefix}${m.slice(0, 3)} ${m.slice(3, 7)}-${m.slice(7)}`;
        expect(isValidMobile(m)).toBe(true);
        expect(isValidMobile(spaced)).toBe(true);
        expect(normalizeMobile(spaced)).toBe(m);
      }),
    );
  });

  it('property: second digit 0-2 or wrong length is invalid', () => {
    fc.assert(
      fc.property(fc.constantFrom('0', '1', '2'), digits(9), (second, rest) => {
        expect(isValidMobile(`1${second}${rest}`)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(mobileArb, digits(1), (m, extra) => {
        expect(isValidMobile(m + extra)).toBe(false);
        expect(isValidMobile(m.slice(0, 10))).toBe(false);
      }),
    );
  });
});

describe('maskMobile', () => {
  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('property: keeps 3 + 4 digits, hides digits 4-7, length 11', () => {
    fc.assert(
      fc.property(mobileArb, (m) => {
        const masked = maskMobile(m);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${m.slice(0, 3)}****${m.slice(7)}`);
        expect(masked.slice(3, 7)).toBe('****');
      }),
    );
  });

  it('invalid input is fully masked', () => {
    expect(maskMobile('0825-1234567')).toBe('*'.repeat('08251234567'.length));
    expect(maskMobile('abc')).toBe('***');
  });
});

describe('isValidLandline / isValidPhone', () => {
  it('accepts landlines with 3-4 digit area code, 7-8 digit number, optional extension', () => {
    for (const s of [
      '0825-1234567',
      '08251234567',
      '010-12345678',
      '01012345678',
      '0825-1234567-123',
      '021-87654321-8001',
      ' 0825 - 1234567 ',
    ]) {
      expect(isValidLandline(s)).toBe(true);
      expect(isValidPhone(s)).toBe(true);
    }
  });

  it('rejects malformed landlines', () => {
    for (const s of [
      '825-1234567', // 区号不以 0 开头
      '0825-123456', // 号码 6 位
      '0825-123456789', // 号码 9 位
      '08-1234567', // 区号 2 位
      '08255-1234567', // 区号 5 位
      '0825-1234567-', // 空分机号
      '0825-1234567-1234567', // 分机号过长
      '0825_1234567',
      '',
    ]) {
      expect(isValidLandline(s)).toBe(false);
      expect(isValidPhone(s)).toBe(false);
    }
  });

  it('isValidPhone accepts mobiles too', () => {
    expect(isValidPhone('13812345678')).toBe(true);
    expect(isValidPhone('+86 138 1234 5678')).toBe(true);
    expect(isValidPhone('12812345678')).toBe(false);
  });

  it('property: generated landlines are valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(digits(2), digits(3)),
        fc.oneof(digits(7), digits(8)),
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
        fc.boolean(),
        (area, num, ext, dash) => {
          const s = `0${area}${dash ? '-' : ''}${num}${ext ? `-${ext}` : ''}`;
          expect(isValidPhone(s)).toBe(true);
        },
      ),
    );
  });
});
