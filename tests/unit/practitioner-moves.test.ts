import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';
import { consentDueOn, endBefore, mayOverride, moveStageLabel, moveTiming } from '@/lib/domain/practitioner-moves';
import { consentSchema, postChangeSchema, reEntrySchema } from '@/lib/validation/practitioner-moves';

describe('SN 15/16: a move is filed within 3 days', () => {
  it('is on time up to and including the third day', () => {
    expect(moveTiming('2026-11-20', '2026-11-23', defaultCreditPolicy)).toEqual({ deadline: '2026-11-23', late: false, daysOverdue: 0 });
    expect(moveTiming('2026-11-20', '2026-11-20', defaultCreditPolicy)).toMatchObject({ late: false });
  });
  it('counts calendar days, not working days ("3日", unlike the entry’s "10个工作日")', () => {
    // Filed during National Day: the deadline does not stretch over the holiday.
    expect(moveTiming('2026-09-30', '2026-10-08', defaultCreditPolicy)).toEqual({ deadline: '2026-10-03', late: true, daysOverdue: 5 });
  });
  it('takes the number of days from the policy in force (postChangeFilingDays), not a constant', () => {
    const fiveDays = { postChangeFilingDays: 5 };
    expect(moveTiming('2026-11-20', '2026-11-25', fiveDays)).toEqual({ deadline: '2026-11-25', late: false, daysOverdue: 0 });
    expect(moveTiming('2026-11-20', '2026-11-27', fiveDays)).toEqual({ deadline: '2026-11-25', late: true, daysOverdue: 2 });
    expect(moveTiming('2026-11-20', '2026-11-22', { postChangeFilingDays: 1 })).toMatchObject({ deadline: '2026-11-21', late: true, daysOverdue: 1 });
  });
});

describe('SN 16: when the district may release a person without the old company’s consent', () => {
  it('gives the old company 3 working days to answer, across holidays', () => {
    expect(consentDueOn('2026-11-20')).toBe('2026-11-25');
    // Requested on the eve of National Day: 10-01…10-07 are holidays, 10-10 a make-up working day.
    expect(consentDueOn('2026-09-30')).toBe('2026-10-10');
  });
  it('not while the old company may still answer; yes once it is silent past the wait', () => {
    expect(mayOverride('pending', '2026-11-20', '2026-11-25')).toBe(false);
    expect(mayOverride('pending', '2026-11-20', '2026-11-26')).toBe(true);
  });
  it('at once when the old company refuses (the district checks the reason)', () => {
    expect(mayOverride('refused', '2026-11-20', '2026-11-20')).toBe(true);
  });
  it('never when consent was given (the person is already released)', () => {
    expect(mayOverride('given', '2026-01-01', '2026-11-26')).toBe(false);
  });
});

describe('the old employment ends the day before the new one starts', () => {
  it('the day before', () => expect(endBefore('2026-11-20', '2024-03-01')).toBe('2026-11-19'));
  it('across a month end', () => expect(endBefore('2026-03-01', '2024-03-01')).toBe('2026-02-28'));
  it('never before it began', () => expect(endBefore('2026-11-20', '2026-11-20')).toBe('2026-11-20'));
});

describe('move forms', () => {
  it('a refusal needs its reason; consent does not', () => {
    const id = '8f1c2f4e-9b7a-4d6e-8c3b-2a1f0e9d8c7b';
    const refused = consentSchema.safeParse({ submissionId: id, expectedVersion: '1', consent: 'refused', reason: '' });
    expect(!refused.success && refused.error.issues[0]).toMatchObject({ path: ['reason'], message: '不同意调出须说明理由' });
    expect(consentSchema.safeParse({ submissionId: id, expectedVersion: '1', consent: 'given' }).success).toBe(true);
  });
  it('a post change names a post of SN 2', () => {
    const r = postChangeSchema.safeParse({ practitionerId: '8f1c2f4e-9b7a-4d6e-8c3b-2a1f0e9d8c7b', projectId: '8f1c2f4e-9b7a-4d6e-8c3b-2a1f0e9d8c7b', post: '经理', changedOn: '2026-11-20' });
    expect(!r.success && r.error.issues[0]?.message).toBe('请选择岗位');
  });
  it('re-entry checks the ID number and requires that the person was told (SN 5)', () => {
    const r = reEntrySchema.safeParse({
      name: '张三',
      idNumber: '510903198808081230',
      projectId: '8f1c2f4e-9b7a-4d6e-8c3b-2a1f0e9d8c7b',
      post: '保洁人员',
      hiredOn: '2026-11-20',
      labourContractOn: '2026-11-20',
      update: { politicalStatus: '群众', mobile: '13800001111', education: '高中', certificates: [] },
    });
    expect(r.success).toBe(false);
    const paths = !r.success ? r.error.issues.map((i) => i.path.join('.')) : [];
    expect(paths).toContain('idNumber');
    expect(paths).toContain('informed');
  });
});

describe('where a move stands', () => {
  it('names the two stages of a transfer before the district sees it', () => {
    expect(moveStageLabel('draft', { stage: 'consent', consent: 'pending' })).toBe('待原企业答复');
    expect(moveStageLabel('draft', { stage: 'consent', consent: 'refused' })).toBe('原企业不同意，待区县核实');
    expect(moveStageLabel('draft', { stage: 'released' })).toBe('已调出，待新企业补充信息');
    expect(moveStageLabel('submitted', { stage: 'submitted' })).toBe('待区县审核');
  });
});
