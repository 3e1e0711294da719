import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { POLICY_FIELDS } from '@/lib/domain/credit-policy-edit';
import {
  coveragePercent,
  criticismText,
  criticismWindow,
  defaultOrderDueOn,
  followUpProblem,
  isCriticismPublic,
  isOrderOverdue,
  mayAnswerOrder,
  mayDecideOrder,
  mayEscalate,
  ROSTER_CHECK_ITEMS,
  verificationYear,
} from '@/lib/domain/supervision';
import { rectificationDecisionSchema, rosterVerificationSchema } from '@/lib/validation/supervision';

const order = (over: Partial<{ status: string; dueOn: string; answeredOn: string | null; criticizedOn: string | null }> = {}) => ({
  status: 'open',
  dueOn: '2026-11-30',
  answeredOn: null,
  criticizedOn: null,
  ...over,
});

describe('rectification orders (SN 24)', () => {
  it('the default deadline is the policy’s calendar days from the issue date', () => {
    expect(defaultCreditPolicy.rectificationOrderDays).toBe(30);
    expect(defaultOrderDueOn('2026-11-20', defaultCreditPolicy)).toBe('2026-12-20');
    expect(defaultOrderDueOn('2026-11-20', { rectificationOrderDays: 7 })).toBe('2026-11-27');
  });

  it('is overdue from the day after the deadline, unless accepted or answered by the deadline and not yet decided', () => {
    expect(isOrderOverdue(order(), '2026-11-30')).toBe(false);
    expect(isOrderOverdue(order(), '2026-12-01')).toBe(true);
    expect(isOrderOverdue(order({ status: 'returned' }), '2026-12-01')).toBe(true);
    expect(isOrderOverdue(order({ status: 'accepted' }), '2027-06-01')).toBe(false);
    expect(isOrderOverdue(order({ status: 'answered', answeredOn: '2026-11-30' }), '2026-12-05')).toBe(false);
    expect(isOrderOverdue(order({ status: 'answered', answeredOn: '2026-12-01' }), '2026-12-05')).toBe(true);
  });

  it('who may act when', () => {
    expect(mayAnswerOrder({ status: 'open' })).toBe(true);
    expect(mayAnswerOrder({ status: 'returned' })).toBe(true);
    expect(mayAnswerOrder({ status: 'answered' })).toBe(false);
    expect(mayAnswerOrder({ status: 'accepted' })).toBe(false);
    expect(mayDecideOrder({ status: 'answered' })).toBe(true);
    expect(mayDecideOrder({ status: 'open' })).toBe(false);
    expect(mayEscalate(order(), '2026-12-01')).toBe(true);
    expect(mayEscalate(order({ criticizedOn: '2026-12-01' }), '2026-12-02')).toBe(false);
    expect(mayEscalate(order(), '2026-11-30')).toBe(false);
  });

  it('the criticism is public for the upper bound of the 一般 window, the issue day included', () => {
    const w = criticismWindow('2026-12-01', defaultCreditPolicy);
    expect(w).toEqual({ from: '2026-12-01', until: '2027-11-30' });
    const c = { criticizedOn: w.from, criticismUntil: w.until };
    expect(isCriticismPublic(c, '2026-11-30')).toBe(false);
    expect(isCriticismPublic(c, '2026-12-01')).toBe(true);
    expect(isCriticismPublic(c, '2027-11-30')).toBe(true);
    expect(isCriticismPublic(c, '2027-12-01')).toBe(false);
    expect(isCriticismPublic({ criticizedOn: null, criticismUntil: null }, '2026-12-01')).toBe(false);
    expect(criticismWindow('2026-12-01', { warningPublicityMonths: { ...defaultCreditPolicy.warningPublicityMonths, 一般: [3, 6] } }).until).toBe('2027-05-31');
  });

  it('the criticism reads in lay words and names the article', () => {
    const t = criticismText({ companyName: '遂宁某物业', districtName: '船山区', ground: 'privacy_leak', issuedOn: '2026-10-01', dueOn: '2026-10-31', criticizedOn: '2026-11-01' });
    expect(t).toContain('泄露了工作人员的个人隐私信息');
    expect(t).toContain('第二十四条');
    expect(t).toContain('2026-10-31');
    expect(t).not.toMatch(/privacy_leak|not_entered/);
  });

  it('a return needs its reason', () => {
    expect(rectificationDecisionSchema.safeParse({ orderId: '00000000-0000-4000-8000-000000000000', version: '1', outcome: 'return', reason: '' }).success).toBe(false);
    expect(rectificationDecisionSchema.safeParse({ orderId: '00000000-0000-4000-8000-000000000000', version: '1', outcome: 'accept', reason: '' }).success).toBe(true);
  });

  it('the policy edit page offers the deadline setting', () => {
    expect(POLICY_FIELDS.map((f) => f.path)).toContain('rectificationOrderDays');
  });
});

describe('annual roster verification (SN 23)', () => {
  it('coverage is rounded down and an empty district counts as covered', () => {
    expect(coveragePercent(0, 10)).toBe(0);
    expect(coveragePercent(5, 10)).toBe(50);
    expect(coveragePercent(199, 200)).toBe(99);
    expect(coveragePercent(200, 200)).toBe(100);
    expect(coveragePercent(0, 0)).toBe(100);
    expect(verificationYear('2026-12-31')).toBe(2026);
  });

  it('the follow-up must fit the discrepancies', () => {
    expect(followUpProblem({ discrepancyCount: 0, discrepancies: '', followUp: 'none' })).toBeNull();
    expect(followUpProblem({ discrepancyCount: 2, discrepancies: ' ', followUp: 'corrected' })?.field).toBe('discrepancies');
    expect(followUpProblem({ discrepancyCount: 2, discrepancies: '2 人未录入', followUp: 'none' })?.field).toBe('followUp');
    expect(followUpProblem({ discrepancyCount: 0, discrepancies: '', followUp: 'order' })?.field).toBe('followUp');
    expect(followUpProblem({ discrepancyCount: 2, discrepancies: '2 人未录入', followUp: 'order' })).toBeNull();
  });

  it('the checklist takes the items of SN 7 and SN 6; at least one must be ticked; unknown items are refused', () => {
    expect(ROSTER_CHECK_ITEMS.map((i) => i.key)).toEqual(['all_registered', 'posts_match', 'identity_true', 'certificates_valid', 'photos_present', 'labour_contracts']);
    const base = { projectId: '00000000-0000-4000-8000-000000000000', version: '0', verifiedOn: '2026-11-20', note: '', discrepancyCount: '0', discrepancies: '', followUp: 'none', orderId: '' };
    expect(rosterVerificationSchema.safeParse({ ...base, checks: 'photos_present' }).success).toBe(true);
    expect(rosterVerificationSchema.safeParse({ ...base, checks: [] }).success).toBe(false);
    expect(rosterVerificationSchema.safeParse({ ...base, checks: ['__proto__'] }).success).toBe(false);
    expect(rosterVerificationSchema.safeParse({ ...base, checks: ['photos_present'], verifiedOn: '2026-02-30' }).success).toBe(false);
  });
});
