/** The company credit report's currency rules (lib/domain/credit-report.ts; decision 032) and the registry number's shape. */
import { describe, expect, it } from 'vitest';
import {
  CREDIT_REPORT_VALID_DAYS,
  changedFacts,
  creditReportCurrency,
  creditReportRows,
  creditReportStatusText,
  creditReportValidUntil,
  factsFingerprint,
  factsFromSummary,
  type CreditReportFacts,
} from '@/lib/domain/credit-report';

const FACTS: CreditReportFacts = { grade: 'A', gradeYear: 2025, gradeScore: 96.5, vetoed: false, score: 100, listStatus: 'none', eligible: true };
const REPORT = { facts: FACTS, validUntil: creditReportValidUntil('2026-11-23'), revokedAt: null };

describe('credit report currency', () => {
  it('is valid for 30 days including the issue day', () => {
    expect(CREDIT_REPORT_VALID_DAYS).toBe(30);
    expect(creditReportValidUntil('2026-11-23')).toBe('2026-12-22');
    expect(creditReportValidUntil('2024-02-01')).toBe('2024-03-01');
  });

  it('the fingerprint changes with every stated fact and with nothing else', () => {
    const base = factsFingerprint(FACTS);
    expect(factsFingerprint({ ...FACTS })).toBe(base);
    for (const change of [{ grade: 'B' as const }, { gradeYear: 2026 }, { gradeScore: 95 }, { vetoed: true }, { score: 99 }, { listStatus: 'red' as const }, { eligible: false }]) {
      expect(factsFingerprint({ ...FACTS, ...change })).not.toBe(base);
    }
    expect(factsFingerprint({ ...FACTS, grade: null, gradeYear: null, gradeScore: null })).toBe('grade=;gradeYear=;gradeScore=;vetoed=false;score=100;listStatus=none;eligible=true');
  });

  it('names what changed, the grade and its year once', () => {
    expect(changedFacts(FACTS, { ...FACTS, grade: 'B', gradeYear: 2026, eligible: false })).toEqual(['信用等级', '招投标信用资格']);
    expect(changedFacts(FACTS, { ...FACTS, listStatus: 'black', eligible: false })).toEqual(['红黑榜状态', '招投标信用资格']);
  });

  it('current while the facts hold and the period runs', () => {
    expect(creditReportCurrency(REPORT, FACTS, '2026-11-23', null)).toEqual({ status: 'current', since: null, changed: [] });
    expect(creditReportCurrency(REPORT, FACTS, '2026-12-22', null).status).toBe('current');
  });

  it('expired from the day after the period, when nothing changed', () => {
    expect(creditReportCurrency(REPORT, FACTS, '2026-12-23', null)).toEqual({ status: 'expired', since: '2026-12-23', changed: [] });
  });

  it('changed with the first day of the change when known, or without a date', () => {
    expect(creditReportCurrency(REPORT, { ...FACTS, listStatus: 'black', eligible: false }, '2026-12-01', '2026-11-26')).toEqual({ status: 'changed', since: '2026-11-26', changed: ['红黑榜状态', '招投标信用资格'] });
    expect(creditReportCurrency(REPORT, { ...FACTS, score: 94 }, '2026-12-01', null)).toEqual({ status: 'changed', since: null, changed: ['当前信用分'] });
  });

  it('after the period, a change that came first still wins; a change of unknown date does not', () => {
    const now = { ...FACTS, listStatus: 'black' as const, eligible: false };
    expect(creditReportCurrency(REPORT, now, '2027-02-01', '2026-12-10')).toMatchObject({ status: 'changed', since: '2026-12-10' });
    expect(creditReportCurrency(REPORT, now, '2027-02-01', '2027-01-10')).toMatchObject({ status: 'expired', since: '2026-12-23' });
    expect(creditReportCurrency(REPORT, now, '2027-02-01', null)).toMatchObject({ status: 'expired' });
  });

  it('revoked wins over everything', () => {
    expect(creditReportCurrency({ ...REPORT, revokedAt: new Date('2026-11-24T00:00:00Z') }, FACTS, '2026-11-25', null).status).toBe('revoked');
  });

  it('says each status in lay words with its date', () => {
    expect(creditReportStatusText({ status: 'current', since: null, changed: [] }, '2026-12-22')).toMatch(/^有效.*有效期至 2026-12-22/);
    expect(creditReportStatusText({ status: 'changed', since: '2026-11-26', changed: ['红黑榜状态'] }, '2026-12-22')).toMatch(/^内容已变化（出具后自 2026-11-26 起红黑榜状态发生变化）/);
    expect(creditReportStatusText({ status: 'changed', since: null, changed: ['当前信用分'] }, '2026-12-22')).toMatch(/^内容已变化（出具后当前信用分发生变化）/);
    expect(creditReportStatusText({ status: 'expired', since: '2026-12-23', changed: [] }, '2026-12-22')).toMatch(/^已过有效期（自 2026-12-23 起）/);
  });

  it('prints the facts as rows, a vetoed grade as D', () => {
    expect(creditReportRows(FACTS)).toEqual([
      ['信用等级', '2025 年度 A 级（96.5 分）'],
      ['当前信用分', '100 分'],
      ['红黑榜状态', '不在红榜或黑榜'],
      ['招投标信用资格（出具当日）', '具备（信用等级为 A 级且不在黑榜）'],
    ]);
    expect(creditReportRows({ ...FACTS, grade: 'D', vetoed: true, gradeScore: null, eligible: false })[0]![1]).toBe('2025 年度 D 级（一票否决）');
    expect(creditReportRows({ ...FACTS, grade: null, gradeYear: null, gradeScore: null })[0]![1]).toMatch(/^暂无/);
  });

  it('reads facts back from a stored summary, and nothing from another kind of summary', () => {
    expect(factsFromSummary({ facts: FACTS })).toEqual(FACTS);
    expect(factsFromSummary({ companyName: 'x', year: 2025 })).toBeNull();
    expect(factsFromSummary({ facts: { ...FACTS, score: '100' } })).toBeNull();
  });
});

describe('registry number shape', () => {
  it('formats and normalises SN-year-serial, refusing anything else', async () => {
    const { formatRegistryNumber, normalizeRegistryNumber } = await import('@/lib/domain/registry-number');
    expect(formatRegistryNumber(2024, 123)).toBe('SN-2024-000123');
    expect(formatRegistryNumber(2026, 1234567)).toBe('SN-2026-1234567');
    expect(normalizeRegistryNumber(' sn-2024-000123 ')).toBe('SN-2024-000123');
    for (const bad of ['SN-24-000123', 'SN-2024-123', '510903199001011234', 'SN-2024-000123; drop', '']) expect(normalizeRegistryNumber(bad)).toBeNull();
  });
});
