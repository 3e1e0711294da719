import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { temporaryPassword } from '@/lib/auth/temp-password';
import { changePasswordSchema, COMMON_PASSWORD_MESSAGE, containsUsername } from '@/lib/validation/auth';

const change = (next: string) => changePasswordSchema.safeParse({ current: 'old-password-1', next, confirm: next });
const messagesFor = (next: string) => {
  const r = change(next);
  return r.success ? [] : r.error.issues.filter((i) => i.path[0] === 'next').map((i) => i.message);
};

describe('common and breached passwords', () => {
  // Each is 12+ characters with letters and digits, so only the common-password rule can refuse it.
  const COMMON = [
    'password1234',
    'Password2026!',
    'P@ssw0rd2026',
    'qwerty123456',
    'QWERTY123456',
    '1qaz2wsx3edc',
    '1q2w3e4r5t6y',
    'abc123abc123',
    'abc123xyz789',
    'a1a1a1a1a1a1',
    'aaaaaaaaaaa1',
    'summer202612',
    'iloveyou2026',
    'dragon-12345678',
    'monkey19870214',
    'Woaini131420',
    'admin1234567',
    'suining-demo-2026',
    'Suining2026!!',
    'NewPassword2026',
  ];
  for (const p of COMMON) {
    it(`refuses ${p} with a clear message`, () => {
      expect(isCommonPassword(p)).toBe(true);
      expect(messagesFor(p)).toContain(COMMON_PASSWORD_MESSAGE);
    });
  }

  it('uses the bundled list of breached passwords', () => {
    // Common passwords with no pattern the other checks know: only the list can refuse them.
    for (const p of ['jennifer', 'baseball', 'mustang', 'trustno1', 'Jennifer', 'BASEBALL']) expect(isCommonPassword(p)).toBe(true);
    for (const p of ['jennifer1987', '!!baseball2026', 'mustang-0101']) expect(isCommonPassword(p)).toBe(true);
  });

  const GOOD = ['Xinqidian2026pw', 'correcthorsebattery9', 'Lanse7Huaping47', 'x7k9p2m4q8w3', 'Tr0ub4dor&3-lamp', 'gh82-Kdpq-31ma', '遂宁物业2026年qz8k'];
  for (const p of GOOD) {
    it(`accepts ${p}`, () => {
      expect(isCommonPassword(p)).toBe(false);
      expect(change(p).success).toBe(true);
    });
  }

  it('keeps the other rules and their messages', () => {
    expect(messagesFor('short1')).toContain('新密码至少 12 位');
    expect(messagesFor('abcdefghijklmnopq')).toContain('新密码须同时包含字母和数字');
  });

  it('refuses a password that contains the account name', () => {
    expect(containsUsername('Zhangwei-Office-77', 'zhangwei')).toBe(true);
    expect(containsUsername('xx-ZHANGWEI-77-yy', 'zhangwei')).toBe(true);
    expect(containsUsername('Lanse7Huaping47', 'zhangwei')).toBe(false);
    expect(containsUsername('Lanse7Huaping47', 'la')).toBe(false);
  });

  it('judges the longest passwords allowed', () => {
    expect(isCommonPassword('q1w2e3r4t5y6u7i8o9p0'.repeat(7).slice(0, 128))).toBe(true);
    expect(isCommonPassword('Lanse7Huaping47-'.repeat(8))).toBe(true);
  });
});

describe('temporary passwords', () => {
  it('always pass the rules a new password must meet', () => {
    for (let i = 0; i < 2000; i++) {
      const p = temporaryPassword();
      expect(p).toHaveLength(16);
      expect(isCommonPassword(p)).toBe(false);
      expect(change(p).success).toBe(true);
    }
  });
});
