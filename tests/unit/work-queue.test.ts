import { describe, expect, it } from 'vitest';
import { addCounts, companySubmissionHref, contractTodos, daysWaiting, EMPTY_COUNTS, orderQueues, QUEUE_KEYS, QUEUES, SUBMISSION_QUEUE, type ContractForTodo } from '@/lib/domain/work-queue';

const at = (iso: string) => new Date(iso);

describe('work queues', () => {
  it('adds counts and keeps the older of two oldest items', () => {
    const a = { pending: 2, dueToday: 1, overdue: 0, green: 1, oldestAt: at('2026-10-02T00:00:00Z') };
    const b = { pending: 3, dueToday: 0, overdue: 2, green: 0, oldestAt: at('2026-09-30T00:00:00Z') };
    expect(addCounts(a, b)).toEqual({ pending: 5, dueToday: 1, overdue: 2, green: 1, oldestAt: at('2026-09-30T00:00:00Z') });
    expect(addCounts(EMPTY_COUNTS, a)).toEqual(a);
    expect(addCounts(a, EMPTY_COUNTS).oldestAt).toEqual(a.oldestAt);
  });

  it('orders overdue first, then due today, then the longest waiting; empty queues last', () => {
    const rows = orderQueues(
      {
        staff: { pending: 4, dueToday: 0, overdue: 0, green: 0, oldestAt: at('2026-09-01T00:00:00Z') },
        objections: { pending: 1, dueToday: 0, overdue: 1, green: 0, oldestAt: at('2026-10-30T00:00:00Z') },
        complaints: { pending: 2, dueToday: 2, overdue: 0, green: 0, oldestAt: at('2026-10-31T00:00:00Z') },
        records: { pending: 1, dueToday: 0, overdue: 0, green: 0, oldestAt: at('2026-08-01T00:00:00Z') },
      },
      () => true,
    );
    expect(rows.map((r) => r.key).slice(0, 4)).toEqual(['objections', 'complaints', 'records', 'staff']);
    expect(rows).toHaveLength(QUEUE_KEYS.length);
    expect(rows.slice(4).every((r) => r.pending === 0)).toBe(true);
    // Empty queues keep their usual order.
    expect(rows.slice(4).map((r) => r.key)).toEqual(QUEUE_KEYS.filter((k) => !['objections', 'complaints', 'records', 'staff'].includes(k)));
  });

  it('shows only the queues the actor may work', () => {
    const rows = orderQueues({}, (p) => p !== 'company.filing.decide');
    expect(rows.map((r) => r.key)).not.toContain('filings');
    expect(rows).toHaveLength(QUEUE_KEYS.length - 1);
  });

  it('every submission type mapped to a queue names an existing queue', () => {
    for (const q of Object.values(SUBMISSION_QUEUE)) expect(QUEUES[q]).toBeDefined();
    expect(SUBMISSION_QUEUE.practitioner_entry).toBe('staff');
    expect(SUBMISSION_QUEUE.credit_repair).toBe('repairs');
  });

  it('counts days waiting in China dates', () => {
    // 2026-10-31 23:30 in China is 15:30Z the same day.
    expect(daysWaiting(at('2026-10-31T15:30:00Z'), '2026-11-01')).toBe(1);
    expect(daysWaiting(at('2026-10-31T16:30:00Z'), '2026-11-01')).toBe(0);
    expect(daysWaiting(at('2026-10-01T00:00:00Z'), '2026-11-01')).toBe(31);
    expect(daysWaiting(null, '2026-11-01')).toBeNull();
  });
});

describe('company to-do', () => {
  it('links a returned submission to where the company corrects it', () => {
    const s = (type: string, subjectType: string | null = null, subjectId: string | null = null) => ({ id: 'S1', type, subjectType, subjectId });
    expect(companySubmissionHref(s('company_change'))).toBe('/company/filings/S1');
    expect(companySubmissionHref(s('contract', 'service_contract', 'C1'))).toBe('/company/projects/contracts/C1');
    expect(companySubmissionHref(s('practitioner_entry', 'practitioner', 'P1'))).toBe('/company/staff/P1');
    expect(companySubmissionHref(s('transfer'))).toBe('/company/moves/S1');
    expect(companySubmissionHref(s('credit_repair', 'credit_record', 'R1'))).toBe('/company/credit/R1');
    expect(companySubmissionHref(s('data_request'))).toBeNull();
  });

  const contract = (over: Partial<ContractForTodo>): ContractForTodo => ({
    id: 'C',
    projectId: 'P',
    projectName: '金鱼花园',
    isCurrentCompany: true,
    boardUpdatedOn: '2026-06-01',
    status: 'confirmed',
    endDate: '2027-12-31',
    nonRenewalNoticeOn: null,
    renewed: false,
    ...over,
  });

  it('warns of non-renewal notices missing or due within 30 days', () => {
    // 90-day notice: a contract ending 2027-01-20 must be told by 2026-10-22 (missing on 2026-11-01);
    // one ending 2027-01-31 by 2026-11-02 (due soon); one ending 2027-03-15 by 2026-12-15 (not yet shown).
    const { notices } = contractTodos(
      [
        contract({ id: 'late', endDate: '2027-01-20' }),
        contract({ id: 'soon', endDate: '2027-01-31' }),
        contract({ id: 'later', endDate: '2027-03-15' }),
        contract({ id: 'told', endDate: '2027-01-10', nonRenewalNoticeOn: '2026-09-01' }),
      ],
      '2026-11-01',
      90,
    );
    expect(notices.map((n) => [n.contractId, n.missing])).toEqual([
      ['late', true],
      ['soon', false],
    ]);
  });

  it('lists each served estate with a stale board once', () => {
    const { staleBoards } = contractTodos(
      [
        contract({ id: 'a', projectId: 'P1', boardUpdatedOn: '2025-09-01' }),
        contract({ id: 'b', projectId: 'P1', boardUpdatedOn: '2025-09-01', status: 'ended' }),
        contract({ id: 'c', projectId: 'P2', boardUpdatedOn: null }),
        contract({ id: 'd', projectId: 'P3', boardUpdatedOn: '2026-10-01' }),
        contract({ id: 'e', projectId: 'P4', boardUpdatedOn: null, isCurrentCompany: false }),
      ],
      '2026-11-01',
      90,
    );
    expect(staleBoards.map((b) => b.projectId)).toEqual(['P1', 'P2']);
  });
});
