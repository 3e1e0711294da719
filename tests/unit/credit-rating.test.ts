/**
 * The rating, evaluation, list and eligibility rules of lib/domain/credit-rating.ts, each built from the wording of
 * the seed documents (quoted above each block) and the defaults of SPEC §4.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCreditPolicy as policy, type CreditPolicy } from '@/lib/domain/credit-policy';
import {
  annualEvaluation,
  belowLineYearsRunning,
  countsInYear,
  entryActiveOn,
  gradeOf,
  greenChannelOn,
  listStatusOn,
  marketBannedOn,
  marketBanUntil,
  needsInterview,
  onBlackList,
  onRedList,
  parseQuarterKey,
  quarterEnd,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterOf,
  ratingOf,
  rectificationUntil,
  scoreOutlook,
  tenderEligibility,
  threeInARow,
  type EstateRating,
  type ListEntryFacts,
  type RatingPoint,
  type ScoredRecord,
} from '@/lib/domain/credit-rating';

const A = 'company-a';
const B = 'company-b';

/** Ratings of one estate for consecutive quarters from `start` (e.g. 2026Q1). */
function run(start: string, ratings: EstateRating[], companyId = A): RatingPoint[] {
  const i0 = quarterIndex(parseQuarterKey(start)!);
  return ratings.map((rating, k) => ({ ...quarterFromIndex(i0 + k), rating, companyId }));
}

describe('DW 第十条: 住宅小区等级评定 “优秀”、“良好”、“差” from the inspection score (§4: 优秀 ≥ 90, 良好 ≥ 75)', () => {
  it('maps the thresholds inclusively: 90 is 优秀, 89.99 is 良好, 75 is 良好, 74.99 is 差', () => {
    expect(ratingOf(100, policy)).toBe('优秀');
    expect(ratingOf(90, policy)).toBe('优秀');
    expect(ratingOf(89.99, policy)).toBe('良好');
    expect(ratingOf(75, policy)).toBe('良好');
    expect(ratingOf(74.99, policy)).toBe('差');
    expect(ratingOf(0, policy)).toBe('差');
  });

  it('follows the policy the city set', () => {
    const strict: CreditPolicy = { ...policy, estateRating: { excellent: 95, good: 80 } };
    expect(ratingOf(92, strict)).toBe('良好');
    expect(ratingOf(79.5, strict)).toBe('差');
  });

  it('is monotone: a higher score never gets a worse rating', () => {
    const rank = { 差: 0, 良好: 1, 优秀: 2 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return rank[ratingOf(lo, policy)] <= rank[ratingOf(hi, policy)];
      }),
    );
  });
});

describe('DW 第十二条: 企业信用等级由住建部门每季度评定一次 — quarters', () => {
  it('keys, parses and bounds quarters', () => {
    expect(quarterKey({ year: 2026, quarter: 3 })).toBe('2026Q3');
    expect(parseQuarterKey('2026q4')).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarterKey('2026Q5')).toBeNull();
    expect(quarterEnd({ year: 2026, quarter: 1 })).toBe('2026-03-31');
    expect(quarterEnd({ year: 2025, quarter: 4 })).toBe('2025-12-31');
    expect(quarterOf('2026-07-01')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterIndex({ year: 2026, quarter: 1 }) - quarterIndex({ year: 2025, quarter: 4 })).toBe(1);
  });
});

describe('DW 第十四条: 住宅小区在年度连续三次评定为“优秀” / “良好” / “差”', () => {
  it('three 差 in a row trigger, naming the three quarters', () => {
    expect(threeInARow(run('2026Q1', ['差', '差', '差']), policy)).toEqual({
      rating: '差',
      companyId: A,
      quarters: [
        { year: 2026, quarter: 1 },
        { year: 2026, quarter: 2 },
        { year: 2026, quarter: 3 },
      ],
    });
  });

  it('three 优秀 and three 良好 trigger their own consequences', () => {
    expect(threeInARow(run('2026Q1', ['优秀', '优秀', '优秀']), policy)?.rating).toBe('优秀');
    expect(threeInARow(run('2026Q1', ['良好', '良好', '良好']), policy)?.rating).toBe('良好');
  });

  it('a 良好 between two 差 breaks the run (连续)', () => {
    expect(threeInARow(run('2026Q1', ['差', '良好', '差']), policy)).toBeNull();
    expect(threeInARow(run('2025Q4', ['差', '差', '良好', '差']), policy)).toBeNull();
    expect(threeInARow(run('2025Q3', ['差', '差', '良好', '差', '差']), policy)).toBeNull();
  });

  it('two are not three', () => {
    expect(threeInARow(run('2026Q2', ['差', '差']), policy)).toBeNull();
    expect(threeInARow([], policy)).toBeNull();
  });

  it('a quarter not rated or not published breaks the run', () => {
    const gap = [...run('2026Q1', ['差', '差']), ...run('2026Q4', ['差'])];
    expect(threeInARow(gap, policy)).toBeNull();
  });

  it('three consecutive quarters across the turn of a year are still within one year (2025Q4–2026Q2)', () => {
    expect(threeInARow(run('2025Q4', ['差', '差', '差']), policy)?.quarters[0]).toEqual({ year: 2025, quarter: 4 });
  });

  it('is judged at the latest quarter: an older run does not trigger again', () => {
    expect(threeInARow(run('2026Q1', ['差', '差', '差', '良好']), policy)).toBeNull();
  });

  it('triggers once per three: the 4th and 5th 差 do not trigger again, the 6th does', () => {
    const six = run('2025Q1', ['差', '差', '差', '差', '差', '差']);
    expect(threeInARow(six.slice(0, 3), policy)).not.toBeNull();
    expect(threeInARow(six.slice(0, 4), policy)).toBeNull();
    expect(threeInARow(six.slice(0, 5), policy)).toBeNull();
    expect(threeInARow(six, policy)).not.toBeNull();
  });

  it('is one company’s run: an estate that changed hands starts again with the new company', () => {
    const handover = [...run('2026Q1', ['差', '差'], A), ...run('2026Q3', ['差'], B)];
    expect(threeInARow(handover, policy)).toBeNull();
    const later = [...handover, ...run('2026Q4', ['差', '差'], B)];
    expect(threeInARow(later, policy)).toMatchObject({ rating: '差', companyId: B });
  });

  it('takes the history in any order', () => {
    expect(threeInARow(run('2026Q1', ['差', '差', '差']).reverse(), policy)?.rating).toBe('差');
  });

  it('follows the policy’s count', () => {
    expect(threeInARow(run('2026Q1', ['差', '差', '差']), { consecutiveRatings: 4 })).toBeNull();
    expect(threeInARow(run('2026Q1', ['差', '差']), { consecutiveRatings: 2 })).not.toBeNull();
  });

  it('项目进入整改期 (§4: 90 days); 三年内不得…从事物业管理活动 (§4: 3 years)', () => {
    expect(rectificationUntil('2026-10-15', policy)).toBe('2027-01-13');
    expect(marketBanUntil('2025-03-18', policy)).toBe('2028-03-18');
  });
});

const rec = (over: Partial<ScoredRecord> & Pick<ScoredRecord, 'id' | 'category'>): ScoredRecord => ({
  status: 'approved',
  type: over.category === 'performance' ? '获得市级表彰' : '日常检查不合格',
  occurredOn: '2025-03-01',
  points: 2,
  publishedOn: '2025-03-10',
  publicUntil: '2026-03-10',
  vetoType: null,
  ...over,
});

describe('ZT 五.(三): 信用评价得分低于90分 → 约谈并下发风险提示函; 连续两年 → 黑名单', () => {
  it('scores base + performance − warnings of the records counting in the year, each line traced', () => {
    const r = annualEvaluation(
      2025,
      [
        rec({ id: 'p1', category: 'performance', points: 3, occurredOn: '2025-05-01', publishedOn: '2025-05-10', publicUntil: '2026-05-10' }),
        rec({ id: 'w1', category: 'warning', points: 8, occurredOn: '2025-02-01' }),
        rec({ id: 'w2', category: 'warning', points: 4, occurredOn: '2025-09-01', publishedOn: '2025-09-05', publicUntil: '2026-09-05' }),
      ],
      policy,
    );
    expect(r.score).toBe(91);
    expect(r.breakdown.map((l) => [l.recordId, l.points])).toEqual([
      ['w1', -8],
      ['p1', 3],
      ['w2', -4],
    ]);
    expect(r.grade).toBe('B');
    expect(r.interview).toBe(false);
  });

  it('89.99 is below 90 (interview and letter); 90.00 is not', () => {
    expect(needsInterview(89.99, policy)).toBe(true);
    expect(needsInterview(90, policy)).toBe(false);
    const r = annualEvaluation(2025, [rec({ id: 'w', category: 'warning', points: 10.01 })], policy);
    expect(r.score).toBe(89.99);
    expect(r.interview).toBe(true);
  });

  it('only confirmed, in-force records whose window overlaps the year count; repaired and revoked never again', () => {
    const recs = [
      rec({ id: 'repaired', category: 'warning', points: 5, status: 'repaired' }),
      rec({ id: 'revoked', category: 'warning', points: 5, status: 'corrected' }),
      rec({ id: 'pending', category: 'warning', points: 5, status: 'submitted' }),
      rec({ id: 'next-year', category: 'warning', points: 5, publishedOn: '2026-01-02', publicUntil: '2027-01-02' }),
      rec({ id: 'ended-before', category: 'warning', points: 5, publishedOn: '2024-01-01', publicUntil: '2025-01-01' }),
      rec({ id: 'spans', category: 'warning', points: 5, publishedOn: '2024-06-01', publicUntil: '2025-06-01' }),
    ];
    expect(recs.filter((r) => countsInYear(r, 2025)).map((r) => r.id)).toEqual(['spans']);
    expect(annualEvaluation(2025, recs, policy).score).toBe(95);
  });

  it('performance points offset deductions but do not lift the score above the base; it never goes below 0', () => {
    expect(annualEvaluation(2025, [rec({ id: 'p', category: 'performance', points: 5 })], policy).score).toBe(100);
    const many = Array.from({ length: 8 }, (_, i) => rec({ id: `w${i}`, category: 'warning', points: 20 }));
    expect(annualEvaluation(2025, many, policy).score).toBe(0);
  });

  it('连续两年 below 90 → black list; a year at 90, a missing year or a vetoed year breaks it', () => {
    const e = (year: number, score: number | null, vetoed = false) => ({ year, score, vetoed });
    expect(belowLineYearsRunning([e(2024, 89.5), e(2025, 80)], 2025, policy)).toBe(true);
    expect(belowLineYearsRunning([e(2024, 90), e(2025, 80)], 2025, policy)).toBe(false);
    expect(belowLineYearsRunning([e(2025, 80)], 2025, policy)).toBe(false);
    expect(belowLineYearsRunning([e(2024, null, true), e(2025, 80)], 2025, policy)).toBe(false);
    expect(belowLineYearsRunning([e(2023, 80), e(2025, 80)], 2025, policy)).toBe(false);
    expect(belowLineYearsRunning([e(2023, 80), e(2024, 85), e(2025, 95)], 2025, { ...policy, blackListAfterYearsBelow: 2 })).toBe(false);
  });
});

describe('DW 第十一条: 出现一票否决情形的，取消综合信用评价资格…同时录入“黑榜”', () => {
  it('a veto in the year cancels the evaluation: no score, grade D, no interview', () => {
    const r = annualEvaluation(2026, [rec({ id: 'v', category: 'warning', vetoType: '合同期内无正当理由撤离', occurredOn: '2026-04-02', points: 0 })], policy);
    expect(r).toMatchObject({ vetoed: true, score: null, grade: 'D', vetoRecordId: 'v', interview: false });
  });

  it('a veto of another year does not cancel this year’s evaluation', () => {
    const r = annualEvaluation(2025, [rec({ id: 'v', category: 'warning', vetoType: '其他严重行为', occurredOn: '2026-04-02', points: 0, publishedOn: '2026-04-03', publicUntil: '2029-04-03' })], policy);
    expect(r.vetoed).toBe(false);
    expect(r.score).toBe(100);
  });

  it('a revoked veto does not cancel anything', () => {
    const r = annualEvaluation(2026, [rec({ id: 'v', category: 'warning', vetoType: '其他严重行为', occurredOn: '2026-04-02', status: 'corrected' })], policy);
    expect(r.vetoed).toBe(false);
  });
});

describe('ZJ 6: 信用等级为A级及以上 (§4: A ≥ 95, B ≥ 90, C ≥ 75, D below or vetoed)', () => {
  it('grades on inclusive thresholds', () => {
    expect(gradeOf(95, policy)).toBe('A');
    expect(gradeOf(94.99, policy)).toBe('B');
    expect(gradeOf(90, policy)).toBe('B');
    expect(gradeOf(89.99, policy)).toBe('C');
    expect(gradeOf(75, policy)).toBe('C');
    expect(gradeOf(74.99, policy)).toBe('D');
    expect(gradeOf(100, policy, true)).toBe('D');
    expect(gradeOf(null, policy)).toBe('D');
  });

  const blackVeto: ListEntryFacts = { list: 'black', rule: 'DW11-veto', since: '2026-05-10', until: '2029-05-10', endedOn: null, status: 'active' };
  const gradeA = { year: 2025, grade: 'A' as const, vetoed: false };

  it('eligible with grade A and no black entry; not the day a veto puts the company on the black list', () => {
    expect(tenderEligibility(gradeA, [blackVeto], '2026-05-09')).toMatchObject({ eligible: true, reasons: [] });
    const after = tenderEligibility(gradeA, [blackVeto], '2026-05-10');
    expect(after.eligible).toBe(false);
    expect(after.reasons).toEqual(['当日在黑榜']);
  });

  it('grade B is not enough; no published grade is not enough', () => {
    expect(tenderEligibility({ year: 2025, grade: 'B', vetoed: false }, [], '2026-05-09')).toMatchObject({
      eligible: false,
      reasons: ['2025年度信用等级为B级，未达到A级'],
    });
    expect(tenderEligibility(null, [], '2026-05-09').eligible).toBe(false);
  });

  it('a red entry does not matter; an ended black entry no longer matters', () => {
    const red: ListEntryFacts = { list: 'red', rule: 'DW8-performance', since: '2026-01-01', until: '2027-01-01', endedOn: null, status: 'active' };
    const ended = { ...blackVeto, endedOn: '2026-06-01', status: 'removed' as const };
    expect(tenderEligibility(gradeA, [red, ended], '2026-06-01').eligible).toBe(true);
    expect(tenderEligibility(gradeA, [red, ended], '2026-05-31').eligible).toBe(false);
  });
});

describe('The lists: 红榜 and 黑榜 entries, in force by date (never by a job)', () => {
  const e = (over: Partial<ListEntryFacts>): ListEntryFacts => ({ list: 'black', rule: 'severe-warning', since: '2026-01-10', until: '2027-01-10', endedOn: null, status: 'active', ...over });

  it('an entry is on from its date in until the day before its date out', () => {
    expect(entryActiveOn(e({}), '2026-01-09')).toBe(false);
    expect(entryActiveOn(e({}), '2026-01-10')).toBe(true);
    expect(entryActiveOn(e({}), '2027-01-09')).toBe(true);
    expect(entryActiveOn(e({}), '2027-01-10')).toBe(false);
    expect(entryActiveOn(e({ until: null }), '2099-01-01')).toBe(true);
  });

  it('an entry ended early (repair, correction, passed rectification) is off from that day', () => {
    expect(entryActiveOn(e({ endedOn: '2026-05-01', status: 'removed' }), '2026-04-30')).toBe(true);
    expect(entryActiveOn(e({ endedOn: '2026-05-01', status: 'removed' }), '2026-05-01')).toBe(false);
  });

  it('DW 14 整改期: a three-差 entry stays past the end of its rectification period until the inspection decides', () => {
    const rect = e({ rule: 'DW14-three-poor', status: 'rectifying', since: '2026-10-15', until: '2027-01-13' });
    expect(entryActiveOn(rect, '2027-03-01')).toBe(true);
    expect(entryActiveOn({ ...rect, endedOn: '2027-01-10', status: 'removed' }, '2027-01-10')).toBe(false);
  });

  it('red — a performance record in its window or three 优秀 — only while no black entry is in force', () => {
    const red = e({ list: 'red', rule: 'DW8-performance' });
    expect(onRedList([red], '2026-03-01')).toBe(true);
    expect(onRedList([red, e({ since: '2026-02-01' })], '2026-03-01')).toBe(false);
    expect(onRedList([red, e({ since: '2026-02-01' })], '2026-01-20')).toBe(true);
    expect(listStatusOn([red, e({ since: '2026-02-01' })], '2026-03-01')).toBe('black');
    expect(listStatusOn([red], '2028-01-01')).toBe('none');
  });

  it('black — veto, three 差, two years below 90, a market ban or a 严重 warning in its window', () => {
    for (const rule of ['DW11-veto', 'DW14-three-poor', 'ZT5.3-two-years', 'DW14-market-ban', 'severe-warning']) {
      expect(onBlackList([e({ rule })], '2026-06-01')).toBe(true);
    }
  });

  it('DW 14 market ban: no filing approval, no new contract while in force', () => {
    const ban = e({ rule: 'DW14-market-ban', since: '2025-03-18', until: '2028-03-18' });
    expect(marketBannedOn([ban], '2026-11-01')).toBe(true);
    expect(marketBannedOn([ban], '2028-03-18')).toBe(false);
    expect(marketBannedOn([e({})], '2026-06-01')).toBe(false);
  });
});

describe('CQ 三.(五): 连续三年无不良信用记录的物业服务企业 → 绿色通道', () => {
  const filed = { approvedOn: '2020-05-01' };

  it('a company filed more than three years ago with no warning record in the three years is flagged', () => {
    expect(greenChannelOn(filed, [], '2026-11-01', policy)).toBe(true);
    expect(greenChannelOn(filed, [{ occurredOn: '2023-10-31', status: 'approved' }], '2026-11-01', policy)).toBe(true);
  });

  it('a warning record within the three years removes it — even one since repaired', () => {
    expect(greenChannelOn(filed, [{ occurredOn: '2023-11-02', status: 'approved' }], '2026-11-01', policy)).toBe(false);
    expect(greenChannelOn(filed, [{ occurredOn: '2025-01-02', status: 'repaired' }], '2026-11-01', policy)).toBe(false);
  });

  it('revoked, rejected or unconfirmed reports are not records', () => {
    for (const status of ['corrected', 'rejected', 'submitted'] as const) {
      expect(greenChannelOn(filed, [{ occurredOn: '2025-01-02', status }], '2026-11-01', policy)).toBe(true);
    }
  });

  it('a company filed less than three years ago, or never filed, is not (yet) flagged', () => {
    expect(greenChannelOn({ approvedOn: '2024-01-01' }, [], '2026-11-01', policy)).toBe(false);
    expect(greenChannelOn({ approvedOn: null }, [], '2026-11-01', policy)).toBe(false);
  });
});

describe('§3.7 every number is explained: the score today and the score it will have if nothing new happens', () => {
  it('lists the counting records and steps the score up as each stops counting', () => {
    const o = scoreOutlook(
      [
        rec({ id: 'w1', category: 'warning', points: 6, publishedOn: '2026-02-01', publicUntil: '2027-02-01', occurredOn: '2026-01-20' }),
        rec({ id: 'w2', category: 'warning', points: 3, publishedOn: '2026-06-01', publicUntil: '2026-12-01', occurredOn: '2026-05-20' }),
        rec({ id: 'p1', category: 'performance', points: 2, publishedOn: '2026-03-01', publicUntil: '2027-03-01', occurredOn: '2026-02-20' }),
        rec({ id: 'old', category: 'warning', points: 9, publishedOn: '2025-01-01', publicUntil: '2026-01-01' }),
      ],
      '2026-11-01',
      policy,
    );
    expect(o.score).toBe(93);
    expect(o.lines.map((l) => l.recordId)).toEqual(['w1', 'p1', 'w2']);
    expect(o.steps).toEqual([
      { on: '2026-12-01', score: 96, recordIds: ['w2'] },
      { on: '2027-02-01', score: 100, recordIds: ['w1'] },
      { on: '2027-03-01', score: 100, recordIds: ['p1'] },
    ]);
  });
});
