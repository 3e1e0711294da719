import { describe, expect, it } from 'vitest';
import { defaultCreditPolicy as policy } from '@/lib/domain/credit-policy';
import {
  creditRecordCounts,
  creditRecordPhase,
  creditWindow,
  penaltyDeadlineState,
  penaltyPublishBy,
  performanceWindow,
  repairDecideBy,
  repairIsOverdue,
  repairRefusal,
  warningWindow,
  type CreditRecordFacts,
  type Severity,
} from '@/lib/domain/records';
import { addWorkingDays } from '@/lib/domain/working-days';
import { performanceFilingSchema, statementSchema, warningEntrySchema, warningReportSchema } from '@/lib/validation/credit';

/** A warning confirmed and published on `publishedOn` with its window from the SPEC §4 defaults. */
function warning(severity: Severity, publishedOn: string, status: CreditRecordFacts['status'] = 'approved'): CreditRecordFacts {
  return { category: 'warning', status, severity, publishedOn, ...warningWindow(publishedOn, severity, policy) };
}

const minorPublished = { ...policy, publishMinorWarnings: true };

describe('publicity windows by severity (SPEC §4, national credit-repair rules)', () => {
  it('一般: published 2025-01-10, public for at least 3 months and at most a year', () => {
    const r = warning('一般', '2025-01-10');
    expect(r.minPublicUntil).toBe('2025-04-10');
    expect(r.publicUntil).toBe('2026-01-10');
    // 11 months later it is still public and counts; 13 months later it has left public view and counts no more.
    expect(creditRecordPhase(r, '2025-12-09', policy)).toBe('public');
    expect(creditRecordCounts(r, '2025-12-09', policy)).toBe(true);
    expect(creditRecordPhase(r, '2026-02-10', policy)).toBe('expired');
    expect(creditRecordCounts(r, '2026-02-10', policy)).toBe(false);
    // The window's last day is the day before publicUntil.
    expect(creditRecordPhase(r, '2026-01-09', policy)).toBe('public');
    expect(creditRecordPhase(r, '2026-01-10', policy)).toBe('expired');
  });

  it('严重: at least 1 year and at most 3 years', () => {
    const r = warning('严重', '2025-01-10');
    expect(r.minPublicUntil).toBe('2026-01-10');
    expect(r.publicUntil).toBe('2028-01-10');
    expect(creditRecordPhase(r, '2027-12-31', policy)).toBe('public');
    expect(creditRecordPhase(r, '2028-01-10', policy)).toBe('expired');
  });

  it('轻微: counts for up to 3 months but is not published unless the policy says so', () => {
    const r = warning('轻微', '2025-01-10');
    expect(r.minPublicUntil).toBe('2025-01-10');
    expect(r.publicUntil).toBe('2025-04-10');
    expect(creditRecordPhase(r, '2025-02-01', policy)).toBe('internal');
    expect(creditRecordCounts(r, '2025-02-01', policy)).toBe(true);
    expect(creditRecordPhase(r, '2025-02-01', minorPublished)).toBe('public');
    expect(creditRecordPhase(r, '2025-04-10', minorPublished)).toBe('expired');
    expect(creditRecordCounts(r, '2025-04-10', policy)).toBe(false);
    // No minimum window: repair may be asked at once.
    expect(repairRefusal(r, '2025-01-10', policy)).toBeNull();
  });

  it('a month-end publication ends on the last day of the shorter month', () => {
    expect(warningWindow('2025-11-30', '一般', policy)).toEqual({ minPublicUntil: '2026-02-28', publicUntil: '2026-11-30' });
  });

  it('creditWindow: warnings by severity, performance records for the fixed period without a minimum', () => {
    expect(creditWindow('warning', '一般', '2026-03-01', policy)).toEqual(warningWindow('2026-03-01', '一般', policy));
    expect(creditWindow('performance', null, '2026-03-01', policy)).toEqual({ minPublicUntil: null, publicUntil: '2027-03-01' });
    expect(creditWindow('performance', null, '2026-03-01', policy)).toEqual(performanceWindow('2026-03-01', policy));
    expect(() => creditWindow('warning', null, '2026-03-01', policy)).toThrow();
  });

  it('a confirmed penalty waiting for publication is not public and does not count yet', () => {
    const r: CreditRecordFacts = { category: 'warning', status: 'approved', severity: '一般', publishedOn: null, minPublicUntil: null, publicUntil: null };
    expect(creditRecordPhase(r, '2026-10-01', policy)).toBe('unpublished');
    expect(creditRecordCounts(r, '2026-10-01', policy)).toBe(false);
  });
});

describe('credit repair', () => {
  it('is refused before the minimum window, with the date it may be asked from, and allowed from that date', () => {
    const r = warning('一般', '2025-01-10');
    expect(repairRefusal(r, '2025-04-09', policy)).toBe('最短公示期尚未届满：2025-04-10 起方可申请信用修复');
    expect(repairRefusal(r, '2025-04-10', policy)).toBeNull();
    expect(repairRefusal(r, '2025-12-09', policy)).toBeNull();
    const severe = warning('严重', '2025-01-10');
    expect(repairRefusal(severe, '2025-12-31', policy)).toContain('2026-01-10');
    expect(repairRefusal(severe, '2026-01-10', policy)).toBeNull();
  });

  it('is not for performance records, pending reports or expired records', () => {
    expect(repairRefusal({ category: 'performance', status: 'approved', severity: null, publishedOn: '2025-01-10', ...performanceWindow('2025-01-10', policy) }, '2025-06-01', policy)).toBe(
      '只有警示信用信息可以申请信用修复',
    );
    expect(repairRefusal({ ...warning('一般', '2025-01-10'), status: 'submitted' }, '2025-06-01', policy)).toBe('该记录尚未生效，不能申请信用修复');
    expect(repairRefusal(warning('一般', '2025-01-10'), '2026-02-10', policy)).toContain('公示期已届满');
  });

  it('a repaired record never counts again and is never public, even inside its window', () => {
    const r = warning('严重', '2025-01-10', 'repaired');
    for (const on of ['2025-06-01', '2026-06-01', '2027-12-31']) {
      expect(creditRecordPhase(r, on, policy)).toBe('repaired');
      expect(creditRecordCounts(r, on, policy)).toBe(false);
    }
    expect(repairRefusal(r, '2026-06-01', policy)).toBe('该记录已完成信用修复');
  });

  it('the bureau decides within 3 working days, counted over the holiday calendar (a make-up Saturday counts)', () => {
    // Filed on 2026-09-30: 1–7 October are National Day holidays; Saturday 10 October is a make-up working day.
    expect(repairDecideBy('2026-09-30', policy)).toBe('2026-10-10');
    expect(repairIsOverdue('2026-10-10', '2026-10-10')).toBe(false);
    expect(repairIsOverdue('2026-10-10', '2026-10-12')).toBe(true);
    expect(repairIsOverdue(null, '2026-10-12')).toBe(false);
  });
});

describe('administrative penalties are published within 7 working days of the decision (CQ 三.(四))', () => {
  it('a decision on 2026-09-28, before National Day, is due on 2026-10-13, not on 2026-10-07', () => {
    expect(penaltyPublishBy('2026-09-28', policy)).toBe('2026-10-13');
    // Counting plain weekdays would have given 2026-10-07, in the middle of the holiday.
    expect(penaltyPublishBy('2026-09-28', policy)).not.toBe('2026-10-07');
    expect(addWorkingDays('2026-09-28', 2)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-28', 3)).toBe('2026-10-08');
  });

  it('the dashboard state moves from open to due soon to overdue; publication on time or late', () => {
    const p = { decisionOn: '2026-09-28', publishedOn: null };
    expect(penaltyDeadlineState(p, '2026-09-29', policy)).toMatchObject({ state: 'open', publishBy: '2026-10-13' });
    expect(penaltyDeadlineState(p, '2026-10-09', policy)).toMatchObject({ state: 'open', workingDaysLeft: 3 });
    expect(penaltyDeadlineState(p, '2026-10-10', policy)).toMatchObject({ state: 'due-soon', workingDaysLeft: 2 });
    expect(penaltyDeadlineState(p, '2026-10-13', policy)).toMatchObject({ state: 'due-soon', workingDaysLeft: 0 });
    expect(penaltyDeadlineState(p, '2026-10-14', policy)).toMatchObject({ state: 'overdue', workingDaysLeft: -1 });
    expect(penaltyDeadlineState({ ...p, publishedOn: '2026-10-13' }, '2026-10-20', policy).state).toBe('published');
    expect(penaltyDeadlineState({ ...p, publishedOn: '2026-10-14' }, '2026-10-20', policy).state).toBe('published-late');
  });
});

describe('credit record forms', () => {
  const pdfNames = { type: '获评市级优秀物业服务项目', projectId: '', occurredOn: '2026-03-20', issuer: '遂宁市住房和城乡建设局 遂住建发〔2026〕12号', description: '天宫花园获评市级优秀物业服务项目' };

  it('a performance filing: free type, optional estate, points within 0–20 with two decimals at most', () => {
    expect(performanceFilingSchema.safeParse({ ...pdfNames, proposedPoints: '3' }).success).toBe(true);
    expect(performanceFilingSchema.parse({ ...pdfNames, proposedPoints: '3' }).projectId).toBeNull();
    const tooMany = performanceFilingSchema.safeParse({ ...pdfNames, proposedPoints: '21' });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error!.issues[0]!.message).toBe('建议加分应在 0 至 20 分之间');
    expect(performanceFilingSchema.safeParse({ ...pdfNames, proposedPoints: '1.255' }).success).toBe(false);
    expect(performanceFilingSchema.safeParse({ ...pdfNames, issuer: '', proposedPoints: '2' }).error!.issues[0]!.path).toEqual(['issuer']);
  });

  it('a street report needs an estate, the facts and a severity from the three', () => {
    const base = { projectId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', type: '消防通道堵塞未及时整改', occurredOn: '2026-11-20', description: '巡查发现3号楼消防通道被杂物堵塞，已口头告知', proposedPoints: '3' };
    expect(warningReportSchema.safeParse({ ...base, severity: '一般' }).success).toBe(true);
    expect(warningReportSchema.safeParse({ ...base, severity: '很严重' }).error!.issues[0]!.message).toBe('请选择情节轻重（轻微、一般或严重）');
    expect(warningReportSchema.safeParse({ ...base, severity: '一般', description: '太短' }).success).toBe(false);
  });

  it('a penalty entered by the bureau needs its decision date (not before the act) and the deciding body', () => {
    const base = {
      companyId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      projectId: '',
      type: '行政处罚：消防设施未保持完好有效',
      occurredOn: '2026-09-10',
      description: '消防设施未保持完好有效，处警告并罚款一万元',
      severity: '一般',
      points: '4',
      isPenalty: 'on',
    };
    const noDate = warningEntrySchema.safeParse({ ...base, issuer: '船山区住房和城乡建设局 船住建罚〔2026〕3号' });
    expect(noDate.error!.issues.map((i) => i.path[0])).toEqual(['decisionOn']);
    const before = warningEntrySchema.safeParse({ ...base, issuer: 'x 局', decisionOn: '2026-09-01' });
    expect(before.error!.issues[0]!.message).toBe('处罚决定日期不能早于违法行为发生日期');
    const ok = warningEntrySchema.parse({ ...base, issuer: '船山区住房和城乡建设局', decisionOn: '2026-09-28' });
    expect(ok).toMatchObject({ isPenalty: true, publishNow: false, decisionOn: '2026-09-28' });
    expect(warningEntrySchema.parse({ ...base, isPenalty: undefined }).isPenalty).toBe(false);
  });

  it('a statement is at most 200 characters; blank is allowed (it removes the statement)', () => {
    const id = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    expect(statementSchema.parse({ id, statement: '  ' }).statement).toBe('');
    expect(statementSchema.safeParse({ id, statement: '整'.repeat(200) }).success).toBe(true);
    expect(statementSchema.safeParse({ id, statement: '整'.repeat(201) }).error!.issues[0]!.message).toBe('声明不能超过 200 个字');
  });
});

describe('credit decisions', () => {
  it('a blank reason asks for one first; a short one says how long it must be', async () => {
    const { rejectRecordSchema, repairDecisionSchema } = await import('@/lib/validation/credit');
    const id = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    expect(rejectRecordSchema.safeParse({ id, expectedVersion: '1', reason: ' ' }).error!.issues[0]!.message).toBe('请填写不予采纳的理由');
    expect(rejectRecordSchema.safeParse({ id, expectedVersion: '1', reason: '不行' }).error!.issues[0]!.message).toBe('不予采纳的理由至少 4 个字');
    expect(repairDecisionSchema.safeParse({ id, expectedVersion: '1', decision: 'rejected', reason: '' }).error!.issues[0]!.message).toBe('不予修复时必须写明理由');
    expect(repairDecisionSchema.safeParse({ id, expectedVersion: '1', decision: 'returned', reason: '补充材料' }).success).toBe(false);
    expect(repairDecisionSchema.safeParse({ id, expectedVersion: '1', decision: 'approved' }).success).toBe(true);
  });
});
