import { describe, expect, it } from 'vitest';
import { correctionRoute, newTrackingCode, normalizeTrackingCode, parseObjectionBody, TRACKING_ALPHABET, TRACKING_LENGTH } from '@/lib/domain/objections';
import { checkCorrectedValue, objectionFilingSchema } from '@/lib/validation/objections';

describe('tracking codes', () => {
  it('are 12 characters of an alphabet without 0/O, 1/I/L, and do not repeat', () => {
    const codes = new Set(Array.from({ length: 2000 }, newTrackingCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_LENGTH}}$`));
    expect(TRACKING_ALPHABET).not.toMatch(/[01IOL]/);
  });
  it('draw every letter about equally often (no modulo bias toward the first letters)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) for (const ch of newTrackingCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    // 240,000 letters: ≈ 7,742 each, standard deviation ≈ 87 (the bounds are 4.7 of them away); a biased draw
    // (byte % 31) would give the first 8 letters ≈ 8,437.
    expect(counts.size).toBe(TRACKING_ALPHABET.length);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(7_330);
      expect(n).toBeLessThan(8_150);
    }
  });
  it('are read back whatever the case and spacing; anything else is not a code', () => {
    expect(normalizeTrackingCode('abcd-efgh 2345')).toBe('ABCDEFGH2345');
    expect(normalizeTrackingCode('ABCDEFGH234')).toBeNull();
    expect(normalizeTrackingCode('ABCDEFGH2340')).toBeNull();
    expect(normalizeTrackingCode("' or 1=1 --")).toBeNull();
  });
});

describe('objection rules', () => {
  it('a body written by hand is an objection about "other"', () => {
    expect(parseObjectionBody('not json')).toEqual({ field: 'other', claimed: 'not json', statement: null });
    expect(parseObjectionBody(JSON.stringify({ field: 'mobile', claimed: '13800000000' })).field).toBe('mobile');
  });
  it('the form needs the proof of identity and one of the listed items', () => {
    const r = objectionFilingSchema.safeParse({ token: '', field: 'age', claimed: '' });
    expect(r.success).toBe(false);
    const keys = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(keys.sort()).toEqual(['claimed', 'field', 'token']);
  });
  it('a corrected value is checked like the entry form', () => {
    expect(checkCorrectedValue('ethnicity', '回族')).toEqual({ ok: true, value: '回族' });
    expect(checkCorrectedValue('ethnicity', '火星族').ok).toBe(false);
    expect(checkCorrectedValue('mobile', '+86 138 0000 1111')).toEqual({ ok: true, value: '13800001111' });
    expect(checkCorrectedValue('hiredOn', '2026-02-30').ok).toBe(false);
    expect(checkCorrectedValue('post', '项目负责人').ok).toBe(true);
    expect(checkCorrectedValue('school', '')).toEqual({ ok: true, value: null });
  });
});

describe('who corrects what (SN 15)', () => {
  it('only the item the case names; the company never name or post, and its mobile goes to the district', () => {
    expect(correctionRoute('company', 'ethnicity', 'ethnicity')).toEqual({ route: 'direct' });
    expect(correctionRoute('company', 'ethnicity', 'education').route).toBe('refused');
    expect(correctionRoute('company', 'post', 'post').route).toBe('refused');
    expect(correctionRoute('company', 'name', 'name').route).toBe('refused');
    expect(correctionRoute('company', 'mobile', 'mobile')).toEqual({ route: 'district' });
    expect(correctionRoute('company', 'other', 'post').route).toBe('refused');
    expect(correctionRoute('company', 'other', 'school').route).toBe('refused');
    for (const role of ['district', 'city'] as const) {
      expect(correctionRoute(role, 'post', 'post')).toEqual({ route: 'direct' });
      expect(correctionRoute(role, 'mobile', 'name').route).toBe('refused');
      expect(correctionRoute(role, 'certificates', 'skills')).toEqual({ route: 'direct' });
    }
  });
});
