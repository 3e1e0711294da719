import { describe, expect, it } from 'vitest';
import {
  answerDueOn,
  answerOverdueDays,
  isAnswerOverdue,
  mayAnswer,
  mayDecide,
  parseComplaintBody,
  parseComplaintDecision,
  trackingSteps,
} from '@/lib/domain/complaints';
import { defaultCreditPolicy } from '@/lib/domain/credit-policy';

const policy = { complaintAnswerWorkingDays: 5 };

describe('owners’ complaints: the answer deadline in working days', () => {
  it('counts working days after the filing day, skipping weekends and the holiday calendar', () => {
    expect(defaultCreditPolicy.complaintAnswerWorkingDays).toBe(5);
    // Friday → the next Friday.
    expect(answerDueOn('2026-11-20', policy)).toBe('2026-11-27');
    // Filed on the eve of National Day: the holiday week does not count.
    expect(answerDueOn('2026-09-30', policy)).toBe('2026-10-13');
    expect(answerDueOn('2026-11-20', { complaintAnswerWorkingDays: 2 })).toBe('2026-11-24');
  });

  it('is overdue only while unanswered and after the due day; the district may then decide without the answer', () => {
    const open = { kind: 'complaint', status: 'open', dueOn: '2026-11-27' };
    expect(isAnswerOverdue(open, '2026-11-27')).toBe(false);
    expect(mayDecide(open, '2026-11-27')).toBe(false);
    expect(isAnswerOverdue(open, '2026-11-30')).toBe(true);
    expect(answerOverdueDays(open, '2026-11-30')).toBe(1);
    // Sunday after the due Friday: overdue, but no working day has passed yet.
    expect(answerOverdueDays(open, '2026-11-29')).toBe(0);
    expect(mayDecide(open, '2026-11-30')).toBe(true);
    const answered = { ...open, status: 'answered' };
    expect(isAnswerOverdue(answered, '2026-12-30')).toBe(false);
    expect(mayDecide(answered, '2026-11-21')).toBe(true);
    expect(mayAnswer(answered)).toBe(false);
    expect(mayAnswer(open)).toBe(true);
  });

  it('praise is never the district’s to decide, and is closed by the company’s acknowledgement', () => {
    const praise = { kind: 'praise', status: 'open', dueOn: '2026-11-27' };
    expect(mayDecide(praise, '2026-12-30')).toBe(false);
    expect(mayAnswer(praise)).toBe(true);
    const steps = trackingSteps({ kind: 'praise', status: 'closed', createdAt: new Date(0), answeredAt: new Date(1), decidedAt: new Date(1) });
    expect(steps.map((s) => [s.label, s.done])).toEqual([
      ['已提交', true],
      ['物业服务企业已收到', true],
    ]);
  });

  it('the tracking steps of a complaint: filed, answered, verified with its outcome', () => {
    const base = { kind: 'complaint', createdAt: new Date(0), answeredAt: null, decidedAt: null };
    expect(trackingSteps({ ...base, status: 'open' }).map((s) => s.done)).toEqual([true, false, false]);
    const upheld = trackingSteps({ ...base, status: 'upheld', answeredAt: new Date(1), decidedAt: new Date(2) });
    expect(upheld.map((s) => s.label)).toEqual(['已受理', '物业服务企业已答复', '住建部门已核实：投诉属实']);
    expect(upheld.every((s) => s.done)).toBe(true);
    // Decided without the company's answer (overdue): the answer step stays undone.
    const dismissed = trackingSteps({ ...base, status: 'dismissed', decidedAt: new Date(2) });
    expect(dismissed.map((s) => s.done)).toEqual([true, false, true]);
    expect(dismissed[2]!.label).toBe('住建部门已核实：投诉不成立');
  });

  it('reads its JSON and refuses a decision it does not know', () => {
    expect(parseComplaintBody('not json')).toMatchObject({ about: 'estate', staff: null, text: 'not json' });
    expect(parseComplaintDecision('{"outcome":"maybe"}')).toBeNull();
    expect(parseComplaintDecision('{"outcome":"dismissed","reason":"理由"}')).toEqual({ outcome: 'dismissed', reason: '理由', staffRecord: null, creditRecord: null });
  });
});
