import { describe, expect, it } from 'vitest';
import { inspectionScoreField, saveRatingsSchema } from '@/lib/validation/ratings';

const parse = (v: unknown) => inspectionScoreField.safeParse(v);

describe('the inspection score of one row (DW 10: 0–100, at most two decimals, blank = not rated)', () => {
  it('accepts the range ends, two decimals, full-width digits and the Chinese decimal point', () => {
    expect(parse('0')).toMatchObject({ success: true, data: 0 });
    expect(parse('100')).toMatchObject({ success: true, data: 100 });
    expect(parse('100.00')).toMatchObject({ success: true, data: 100 });
    expect(parse(' 89.99 ')).toMatchObject({ success: true, data: 89.99 });
    expect(parse('９０．５')).toMatchObject({ success: true, data: 90.5 });
    expect(parse('74。5')).toMatchObject({ success: true, data: 74.5 });
  });

  it('reads a blank as not rated', () => {
    expect(parse('')).toMatchObject({ success: true, data: null });
    expect(parse('   ')).toMatchObject({ success: true, data: null });
    expect(parse(undefined)).toMatchObject({ success: true, data: null });
  });

  it('refuses out-of-range, three decimals and anything not a plain number, in Chinese', () => {
    const msg = (v: unknown) => {
      const r = parse(v);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(msg('100.01')).toBe('检查得分应在 0 至 100 分之间');
    expect(msg('-1')).toBe('请填写 0 至 100 之间的数字');
    expect(msg('72.123')).toBe('检查得分最多保留两位小数');
    expect(msg('1e2')).toBe('请填写 0 至 100 之间的数字');
    expect(msg('七十')).toBe('请填写 0 至 100 之间的数字');
  });

  it('puts each row’s error at scores.<estate id> and checks the quarter key', () => {
    const id = '4d6f9a52-3b1e-4c2a-9f10-1a2b3c4d5e6f';
    const r = saveRatingsSchema.safeParse({ quarter: '2026Q5', scores: { [id]: '101' } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['quarter', '季度格式应为 2026Q4'],
      [`scores.${id}`, '检查得分应在 0 至 100 分之间'],
    ]);
    expect(saveRatingsSchema.parse({ quarter: '2026q4', scores: { [id]: '' } })).toEqual({ quarter: { year: 2026, quarter: 4 }, scores: { [id]: null } });
  });
});
