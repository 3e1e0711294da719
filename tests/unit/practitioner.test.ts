import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { entryTiming, ETHNIC_GROUPS, isPhonePublic, POSTS } from '@/lib/domain/practitioner';

describe('SN 6: entry within 10 working days of the labour contract', () => {
  it('counts working days on the official calendar, skipping the National Day holiday', () => {
    // Signed Mon 2026-09-28. Working days after it: 09-29, 09-30, (holiday 10-01..07), 10-08, 10-09, Saturday
    // 10-10 (a make-up workday), 10-12 … 10-16 → the tenth is Friday 2026-10-16.
    expect(entryTiming('2026-09-28', '2026-10-16', defaultCreditPolicy)).toMatchObject({ deadline: '2026-10-16', late: false });
    // Entered on Monday 10-19: one working day late, not three calendar days.
    expect(entryTiming('2026-09-28', '2026-10-19', defaultCreditPolicy)).toMatchObject({ late: true, workingDaysOverdue: 1 });
  });

  it('a contract signed on a Monday in an ordinary fortnight is due two weeks later on Monday', () => {
    // 2026-11-02 (Mon) + 10 working days = 2026-11-16 (Mon).
    expect(entryTiming('2026-11-02', '2026-11-16', defaultCreditPolicy)).toMatchObject({ deadline: '2026-11-16', late: false, workingDaysOverdue: 0 });
  });

  it('an entry after the deadline is late by the working days since', () => {
    expect(entryTiming('2026-11-02', '2026-11-17', defaultCreditPolicy)).toMatchObject({ late: true, workingDaysOverdue: 1 });
    // Over a weekend: due Mon 11-16, entered Mon 11-23 → 5 working days late.
    expect(entryTiming('2026-11-02', '2026-11-23', defaultCreditPolicy)).toMatchObject({ late: true, workingDaysOverdue: 5 });
  });

  it('follows the policy when the city changes the number of days', () => {
    expect(entryTiming('2026-11-02', '2026-11-09', { entryDeadlineWorkingDays: 5 })).toMatchObject({ deadline: '2026-11-09', late: false });
  });
});

describe('SN 19: public phone numbers', () => {
  it('only for the project manager and the 客服, 工程 and 安保 supervisors', () => {
    expect(POSTS.filter(isPhonePublic)).toEqual(['项目负责人', '客服主管', '工程主管', '安保主管']);
  });
  it('lists the 56 ethnic groups once each', () => {
    expect(ETHNIC_GROUPS).toHaveLength(56);
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
  });
});
