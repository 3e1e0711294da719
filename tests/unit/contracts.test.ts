import { describe, expect, it } from 'vitest';
import {
  boardStaleBefore,
  bondRange,
  bondRangeMessage,
  isBoardStale,
  isBondValid,
  isPeriodValid,
  noticeDeadline,
  noticeFlags,
  noticeLateness,
  periodsOverlap,
} from '@/lib/domain/contracts';
import { contractDecisionSchema, contractRegistrationSchema, earlyExitSchema } from '@/lib/validation/contract';

describe('performance bond (ZJ 9: ≥ 5 % of a year’s fees, ≤ 300,000 yuan)', () => {
  it('fees 1,000,000 → at least 50,000, at most 300,000', () => {
    expect(bondRange(1_000_000)).toEqual({ min: 50_000, max: 300_000, capped: false });
    expect(isBondValid(1_000_000, 50_000)).toBe(true);
    expect(isBondValid(1_000_000, 49_999.99)).toBe(false);
    expect(isBondValid(1_000_000, 300_000)).toBe(true);
    expect(isBondValid(1_000_000, 300_000.01)).toBe(false);
  });

  it('fees 8,000,000 → 5 % is 400,000 > cap, so the bond is exactly the cap 300,000', () => {
    expect(bondRange(8_000_000)).toEqual({ min: 300_000, max: 300_000, capped: true });
    expect(isBondValid(8_000_000, 300_000)).toBe(true);
    expect(isBondValid(8_000_000, 299_999)).toBe(false);
    expect(isBondValid(8_000_000, 400_000)).toBe(false);
    expect(bondRangeMessage(8_000_000)).toContain('300,000');
  });

  it('fees exactly at the turning point 6,000,000 → 300,000 both ways', () => {
    expect(bondRange(6_000_000)).toEqual({ min: 300_000, max: 300_000, capped: false });
  });

  it('rounds the minimum up to the fen and is free of floating-point noise', () => {
    expect(bondRange(1_000_000.1).min).toBe(50_000.01);
    expect(bondRange(123_456.78).min).toBe(6172.84);
    expect(isBondValid(0.3 * 3 * 1_000_000 / 0.9, 50_000)).toBe(true);
  });

  it('uses the policy values it is given', () => {
    expect(bondRange(1_000_000, { minShareOfAnnualFees: 0.1, maxYuan: 200_000 })).toEqual({ min: 100_000, max: 200_000, capped: false });
  });

  it('names the allowed range in Chinese', () => {
    expect(bondRangeMessage(1_000_000)).toBe('履约保证金应在 50,000 元 至 300,000 元 之间（不低于年物业费的 5%，不超过 300,000 元）');
  });
});

describe('contract period', () => {
  it('must end after it starts', () => {
    expect(isPeriodValid('2026-01-01', '2028-12-31')).toBe(true);
    expect(isPeriodValid('2026-01-01', '2026-01-01')).toBe(false);
    expect(isPeriodValid('2026-01-01', '2025-12-31')).toBe(false);
  });
  it('overlap is inclusive of both ends', () => {
    const a = { startDate: '2024-01-01', endDate: '2026-12-31' };
    expect(periodsOverlap(a, { startDate: '2026-12-31', endDate: '2029-12-30' })).toBe(true);
    expect(periodsOverlap(a, { startDate: '2027-01-01', endDate: '2029-12-31' })).toBe(false);
  });
});

describe('non-renewal notice (ZJ 7: at least 90 days before the end)', () => {
  it('the last day on time is 90 days before the end', () => {
    expect(noticeDeadline('2026-12-31')).toBe('2026-10-02');
  });
  it('exactly 90 days before is on time; 89 days is late by one day', () => {
    expect(noticeLateness('2026-12-31', '2026-10-02')).toEqual({ daysBefore: 90, late: false, daysShort: 0 });
    expect(noticeLateness('2026-12-31', '2026-10-03')).toEqual({ daysBefore: 89, late: true, daysShort: 1 });
  });
  it('30 days before the end is 60 days short', () => {
    expect(noticeLateness('2026-12-31', '2026-12-01')).toMatchObject({ late: true, daysShort: 60 });
  });
});

describe('notice flags of a contract on a given day', () => {
  const c = { status: 'confirmed' as const, endDate: '2026-12-31', nonRenewalNoticeOn: null, renewed: false };
  it('more than 90 days left: not due', () => {
    expect(noticeFlags(c, '2026-09-01').status).toBe('not_due');
  });
  it('inside the 90 days without notice: missing, with the days a notice now would be short', () => {
    expect(noticeFlags(c, '2026-12-01')).toMatchObject({ status: 'missing', daysShort: 60 });
  });
  it('end passed, no notice, not renewed: ended without notice', () => {
    expect(noticeFlags({ ...c, status: 'ended' }, '2027-01-01').status).toBe('ended_without_notice');
    expect(noticeFlags(c, '2027-01-01').status).toBe('ended_without_notice');
  });
  it('renewed contracts need no notice', () => {
    expect(noticeFlags({ ...c, renewed: true }, '2027-01-01').status).toBe('renewed');
  });
  it('a notice is on time or late', () => {
    expect(noticeFlags({ ...c, nonRenewalNoticeOn: '2026-09-15' }, '2027-02-01').status).toBe('on_time');
    expect(noticeFlags({ ...c, nonRenewalNoticeOn: '2026-11-15' }, '2026-11-20')).toMatchObject({ status: 'late', daysShort: 44 });
  });
  it('pending, rejected and terminated contracts carry no notice flag', () => {
    for (const status of ['pending', 'rejected', 'terminated'] as const) {
      expect(noticeFlags({ ...c, status }, '2027-06-01').status).toBe('not_applicable');
    }
  });
});

describe('disclosure board staleness (SPEC §3.9: at least yearly)', () => {
  it('12 months back, clamped to the end of a shorter month', () => {
    expect(boardStaleBefore('2026-11-01')).toBe('2025-11-01');
    expect(boardStaleBefore('2024-02-29')).toBe('2023-02-28');
  });
  it('a board updated more than 12 months ago, or never, is stale', () => {
    expect(isBoardStale('2025-10-31', '2026-11-01')).toBe(true);
    expect(isBoardStale('2025-11-01', '2026-11-01')).toBe(false);
    expect(isBoardStale(null, '2026-11-01')).toBe(true);
  });
});

describe('contract form schemas (shared by the browser and the server)', () => {
  const base = {
    projectId: '8c1a4b7e-1d2f-4a3b-9c8d-7e6f5a4b3c2d',
    startDate: '2027-01-01',
    endDate: '2029-12-31',
    annualFees: '1000000',
    bondAmount: '50000',
  };
  const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

  it('accepts a valid registration and coerces amounts', () => {
    const r = contractRegistrationSchema().safeParse(base);
    expect(r.success && r.data.annualFees).toBe(1_000_000);
  });
  it('puts an end before the start on endDate and a bad bond on bondAmount, in Chinese', () => {
    const r = contractRegistrationSchema().safeParse({ ...base, endDate: '2026-12-31', bondAmount: '400000' });
    expect(errorsOf(r)).toEqual({
      endDate: '合同结束日期应晚于开始日期',
      bondAmount: '履约保证金应在 50,000 元 至 300,000 元 之间（不低于年物业费的 5%，不超过 300,000 元）',
    });
  });
  it('uses the policy’s bond rule', () => {
    expect(contractRegistrationSchema({ minShareOfAnnualFees: 0.1, maxYuan: 300_000 }).safeParse(base).success).toBe(false);
  });
  it('requires a reason for a rejection and for an early exit', () => {
    expect(errorsOf(contractDecisionSchema.safeParse({ id: base.projectId, version: 1, decision: 'reject', reason: ' ' }))).toEqual({
      reason: '不予确认时必须写明理由',
    });
    expect(contractDecisionSchema.safeParse({ id: base.projectId, version: 1, decision: 'confirm' }).success).toBe(true);
    const exit = earlyExitSchema.safeParse({ contractId: base.projectId, version: 1, exitedOn: '2026-11-01', reason: '', handoverDone: 'on' });
    expect(Object.keys(errorsOf(exit))).toEqual(['reason']);
  });
});
