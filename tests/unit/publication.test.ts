import { describe, expect, it } from 'vitest';
import { evaluationPublishRefusal, planFingerprint, quarterPublishableFrom, quarterPublishRefusal, stableJson } from '@/lib/domain/publication';

describe('a year’s evaluation is published only after the year has ended', () => {
  it('refuses on 2 December and on 31 December, with the first allowed day in the message', () => {
    expect(evaluationPublishRefusal(2026, '2026-12-02')).toBe('2026 年度信用评价须在年度结束后（2027 年 1 月 1 日起）发布');
    expect(evaluationPublishRefusal(2026, '2026-12-31')).not.toBeNull();
    expect(evaluationPublishRefusal(2026, '2026-01-01')).not.toBeNull();
  });
  it('allows from 1 January of the next year', () => {
    expect(evaluationPublishRefusal(2026, '2027-01-01')).toBeNull();
    expect(evaluationPublishRefusal(2025, '2026-12-02')).toBeNull();
  });
});

describe('a quarter’s ratings are published from its last day', () => {
  it('knows each quarter’s last day, Q1 included', () => {
    expect(quarterPublishableFrom({ year: 2027, quarter: 1 })).toBe('2027-03-31');
    expect(quarterPublishableFrom({ year: 2026, quarter: 2 })).toBe('2026-06-30');
    expect(quarterPublishableFrom({ year: 2026, quarter: 3 })).toBe('2026-09-30');
    expect(quarterPublishableFrom({ year: 2026, quarter: 4 })).toBe('2026-12-31');
  });
  it('refuses the day before the last day and allows the last day itself', () => {
    expect(quarterPublishRefusal({ year: 2026, quarter: 4 }, '2026-12-30')).toBe('2026年第4季度的评定结果须在该季度最后一天（2026 年 12 月 31 日）起发布');
    expect(quarterPublishRefusal({ year: 2026, quarter: 4 }, '2026-12-31')).toBeNull();
    expect(quarterPublishRefusal({ year: 2027, quarter: 1 }, '2027-03-30')).not.toBeNull();
    expect(quarterPublishRefusal({ year: 2027, quarter: 1 }, '2027-03-31')).toBeNull();
    expect(quarterPublishRefusal({ year: 2026, quarter: 3 }, '2026-12-02')).toBeNull();
  });
});

describe('plan fingerprints', () => {
  it('ignore key order and change with any value', () => {
    expect(stableJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    expect(planFingerprint({ a: 1, b: 2 })).toBe(planFingerprint({ b: 2, a: 1 }));
    expect(planFingerprint({ a: 1, b: 2 })).not.toBe(planFingerprint({ a: 1, b: 3 }));
    expect(planFingerprint([{ score: '89.00' }])).not.toBe(planFingerprint([{ score: '89.01' }]));
  });
});
