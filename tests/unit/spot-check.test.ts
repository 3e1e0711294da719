import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  conflicted,
  defaultLoadCap,
  draw,
  sameResult,
  SPOT_CHECK_ALGORITHM,
  uniform,
  weightOf,
  weightSummary,
  type Candidate,
  type DrawInputs,
  type Inspector,
} from '@/lib/domain/spot-check';
import { drawInputsSchema } from '@/lib/validation/spot-checks';

const none = { grade: null, blackList: false, redList: false, keySupervision: false, incentive: false, greenChannel: false } as const;

const cand = (i: number, weight = 1, districtId = i % 2 ? '510903' : '510904'): Candidate => ({
  id: `c${String(i).padStart(3, '0')}`,
  name: `小区${i}`,
  districtId,
  districtName: districtId === '510903' ? '船山区' : '安居区',
  weight,
  reasons: [],
});
const insp = (i: number, districtId: string | null = null): Inspector => ({ id: `p${String(i).padStart(2, '0')}`, name: `检查员${i}`, unit: '市住建局', districtId, districtName: null });

const base = (over: Partial<DrawInputs> = {}): DrawInputs => ({
  algorithm: SPOT_CHECK_ALGORITHM,
  ruleVersion: 1,
  title: '测试',
  year: 2026,
  quarter: 4,
  population: 'estate',
  districtId: null,
  sampleSize: 5,
  perItem: 2,
  avoidOwnDistrict: true,
  loadCap: 3,
  candidates: Array.from({ length: 30 }, (_, i) => cand(i)),
  inspectors: [insp(1), insp(2), insp(3, '510903'), insp(4, '510903'), insp(5, '510904'), insp(6, '510904'), insp(7)],
  ...over,
});

describe('weights (rule version 1)', () => {
  it('is 1 with no facts, and names every factor that applies', () => {
    expect(weightOf(none)).toEqual({ weight: 1, factors: [] });
    const w = weightOf({ ...none, grade: 'D', keySupervision: true });
    expect(w.weight).toBe(9);
    expect(w.factors.map((f) => f.code)).toEqual(['grade_d', 'key_supervision']);
  });
  it('key supervision and the black list raise; trusted, green channel and grade A lower', () => {
    expect(weightOf({ ...none, keySupervision: true }).weight).toBeGreaterThan(1);
    expect(weightOf({ ...none, blackList: true }).weight).toBeGreaterThan(1);
    expect(weightOf({ ...none, grade: 'C' }).weight).toBe(2);
    expect(weightOf({ ...none, incentive: true }).weight).toBe(0.5);
    expect(weightOf({ ...none, redList: true, incentive: true }).weight).toBe(0.5);
    expect(weightOf({ ...none, greenChannel: true, grade: 'A' }).weight).toBe(0.25);
  });
  it('summarises the weights for the check-your-answers step', () => {
    expect(weightSummary([{ weight: 1 }, { weight: 3 }, { weight: 1 }])).toEqual([
      { weight: 3, count: 1 },
      { weight: 1, count: 2 },
    ]);
  });
});

describe('the draw', () => {
  it('maps HMAC-SHA256 to (0,1) as documented: first 6 bytes big-endian, plus one half, over 2^48', () => {
    const h = createHmac('sha256', 'seed').update('estate:x').digest();
    expect(uniform('seed', 'estate:x')).toBe((parseInt(h.subarray(0, 6).toString('hex'), 16) + 0.5) / 2 ** 48);
    expect(uniform('seed', 'a')).toBeGreaterThan(0);
    expect(uniform('seed', 'a')).toBeLessThan(1);
  });

  it('gives the same result for the same seed and inputs, and a different one for another seed', () => {
    const a = draw('种子-1', base());
    expect(draw('种子-1', base())).toEqual(a);
    expect(a.items).toHaveLength(5);
    expect(sameResult(draw('种子-2', base()), a)).toBe(false);
  });

  it('does not depend on the order of the candidates or the roster', () => {
    const inputs = base();
    const shuffled = { ...inputs, candidates: [...inputs.candidates].reverse(), inspectors: [...inputs.inspectors].reverse() };
    expect(draw('order', shuffled)).toEqual(draw('order', inputs));
  });

  it('never puts an inspector twice on one item, respects the load cap and 回避', () => {
    for (let s = 0; s < 50; s++) {
      const inputs = base({ inspectors: [...base().inspectors, insp(1)] });
      const r = draw(`s${s}`, inputs);
      const load = new Map<string, number>();
      for (const it of r.items) {
        expect(new Set(it.inspectorIds).size).toBe(it.inspectorIds.length);
        const c = inputs.candidates.find((x) => x.id === it.candidateId)!;
        for (const id of it.inspectorIds) {
          const p = inputs.inspectors.find((x) => x.id === id)!;
          expect(p.districtId === null || p.districtId !== c.districtId).toBe(true);
          load.set(id, (load.get(id) ?? 0) + 1);
        }
      }
      for (const n of load.values()) expect(n).toBeLessThanOrEqual(inputs.loadCap);
    }
  });

  it('reports a shortfall when 回避 leaves too few inspectors', () => {
    const inputs = base({ candidates: [cand(1, 1, '510903')], sampleSize: 1, inspectors: [insp(3, '510903'), insp(4, '510903'), insp(1)] });
    expect(conflicted(inputs.inspectors[0], '510903', true)).toBe(true);
    expect(conflicted(inputs.inspectors[0], '510903', false)).toBe(false);
    const r = draw('x', inputs);
    expect(r.items[0].inspectorIds).toEqual(['p01']);
    expect(r.shortfall).toEqual(['c001']);
    expect(draw('x', { ...inputs, avoidOwnDistrict: false }).shortfall).toEqual([]);
  });

  it('draws heavier candidates more often (fixed seeds: deterministic)', () => {
    const candidates = [cand(0, 3), ...Array.from({ length: 9 }, (_, i) => cand(i + 1, 1))];
    const counts = new Map<string, number>();
    const runs = 2000;
    for (let s = 0; s < runs; s++) {
      const r = draw(`freq-${s}`, base({ candidates, sampleSize: 1, perItem: 1, avoidOwnDistrict: false, loadCap: 1 }));
      const id = r.items[0].candidateId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    // Expected: 3/12 = 25 % for the heavy one, 1/12 ≈ 8.3 % for each light one.
    const heavy = (counts.get('c000') ?? 0) / runs;
    expect(heavy).toBeGreaterThan(0.2);
    expect(heavy).toBeLessThan(0.3);
    for (let i = 1; i < 10; i++) expect((counts.get(cand(i).id) ?? 0) / runs).toBeLessThan(0.13);
  });

  it('takes no more than the population and sorts by rank', () => {
    const r = draw('all', base({ candidates: [cand(1), cand(2)], sampleSize: 5, loadCap: 5 }));
    expect(r.items.map((i) => i.rank)).toEqual([1, 2]);
  });

  it('the default load cap shares the work evenly, plus one', () => {
    expect(defaultLoadCap(10, 2, 7)).toBe(4);
    expect(defaultLoadCap(1, 2, 0)).toBe(1);
  });

  it('validates pasted inputs with bounded sizes', () => {
    expect(drawInputsSchema.safeParse(base()).success).toBe(true);
    expect(drawInputsSchema.safeParse({ ...base(), algorithm: 'other' }).success).toBe(false);
    expect(drawInputsSchema.safeParse({ ...base(), candidates: Array.from({ length: 5001 }, (_, i) => cand(i)) }).success).toBe(false);
    expect(drawInputsSchema.safeParse({ ...base(), candidates: [{ ...cand(1), weight: -1 }] }).success).toBe(false);
  });
});
