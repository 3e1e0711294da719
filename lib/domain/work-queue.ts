/**
 * The bureau's work queues (issue 18, item 4): which queue each kind of pending work belongs to, where it is
 * handled, what "due" means for it, and the order a reviewer works them in. Pure: counts come from
 * db/queries/work-queues.ts.
 */
import type { Permission } from '@/lib/auth/policy';
import { isBoardStale, noticeFlags, type ContractForFlags } from './contracts';
import { addCalendarDays } from './working-days';

export const QUEUE_KEYS = ['filings', 'contracts', 'staff', 'transfers', 'records', 'credit', 'repairs', 'objections', 'complaints'] as const;
export type QueueKey = (typeof QUEUE_KEYS)[number];

export interface QueueDef {
  key: QueueKey;
  label: string;
  href: string;
  permission: Permission;
  /** What the due-today / overdue counts measure, or null where the queue has no deadline of its own. */
  deadline: string | null;
}

export const QUEUES: Record<QueueKey, QueueDef> = {
  filings: { key: 'filings', label: '企业备案审核', href: '/bureau/filings', permission: 'company.filing.decide', deadline: null },
  contracts: { key: 'contracts', label: '合同确认与不续约告知', href: '/bureau/contracts', permission: 'project.contract.confirm', deadline: null },
  staff: { key: 'staff', label: '从业人员审核', href: '/bureau/staff', permission: 'submission.decide', deadline: null },
  transfers: { key: 'transfers', label: '调出协调', href: '/bureau/transfers', permission: 'submission.decide', deadline: null },
  records: { key: 'records', label: '人员奖惩记录', href: '/bureau/records', permission: 'record.decide', deadline: null },
  credit: { key: 'credit', label: '企业信用记录确认', href: '/bureau/credit?state=pending', permission: 'credit.confirm', deadline: null },
  repairs: { key: 'repairs', label: '信用修复申请', href: '/bureau/credit#repairs-heading', permission: 'credit.confirm', deadline: '作出决定的期限（受理后 3 个工作日）' },
  objections: { key: 'objections', label: '信息异议', href: '/bureau/objections', permission: 'objection.handle', deadline: '异议办结期限' },
  complaints: { key: 'complaints', label: '业主投诉与表扬', href: '/bureau/complaints', permission: 'complaint.decide', deadline: '企业答复期限（逾期即企业未按时答复）' },
};

/** The queue of each submission type a bureau decides; types not here are not a bureau's pending work. */
export const SUBMISSION_QUEUE: Readonly<Record<string, QueueKey>> = {
  company_filing: 'filings',
  company_change: 'filings',
  contract: 'contracts',
  non_renewal_notice: 'contracts',
  early_exit: 'contracts',
  practitioner_entry: 'staff',
  practitioner_update: 'staff',
  post_change: 'staff',
  exit: 'staff',
  re_entry: 'staff',
  transfer: 'transfers',
  credit_repair: 'repairs',
};

export interface QueueCounts {
  pending: number;
  dueToday: number;
  overdue: number;
  /** Green channel (CQ 三.(五)): items a company earned priority for. */
  green: number;
  oldestAt: Date | null;
}

export interface QueueRow extends QueueDef, QueueCounts {}

export const EMPTY_COUNTS: QueueCounts = { pending: 0, dueToday: 0, overdue: 0, green: 0, oldestAt: null };

/** Adds two queues' counts (several submission types feed one queue). */
export function addCounts(a: QueueCounts, b: QueueCounts): QueueCounts {
  const oldestAt = !a.oldestAt ? b.oldestAt : !b.oldestAt ? a.oldestAt : a.oldestAt <= b.oldestAt ? a.oldestAt : b.oldestAt;
  return { pending: a.pending + b.pending, dueToday: a.dueToday + b.dueToday, overdue: a.overdue + b.overdue, green: a.green + b.green, oldestAt };
}

/**
 * The queues the actor may work, in the order to work them: overdue first (most first), then due today, then the
 * longest waiting; empty queues last, in their usual order.
 */
export function orderQueues(counts: Partial<Record<QueueKey, QueueCounts>>, may: (p: Permission) => boolean): QueueRow[] {
  const rows = QUEUE_KEYS.filter((k) => may(QUEUES[k].permission)).map((k) => ({ ...QUEUES[k], ...(counts[k] ?? EMPTY_COUNTS) }));
  const rank = (r: QueueRow) => (r.pending === 0 ? 1 : 0);
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) =>
        rank(a.r) - rank(b.r) ||
        b.r.overdue - a.r.overdue ||
        b.r.dueToday - a.r.dueToday ||
        (a.r.oldestAt?.getTime() ?? Infinity) - (b.r.oldestAt?.getTime() ?? Infinity) ||
        a.i - b.i,
    )
    .map((x) => x.r);
}

/** Whole days an item has waited by `today` (China dates), from the instant it arrived. */
export function daysWaiting(since: Date | null, today: string): number | null {
  if (!since) return null;
  const arrived = new Date(since.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${arrived}T00:00:00Z`)) / 86_400_000));
}

/** Where a company corrects a submission returned to it, by type; null where no page of its own exists. */
export function companySubmissionHref(s: { id: string; type: string; subjectType: string | null; subjectId: string | null }): string | null {
  switch (s.type) {
    case 'company_filing':
    case 'company_change':
      return `/company/filings/${s.id}`;
    case 'contract':
    case 'non_renewal_notice':
    case 'early_exit':
      return s.subjectType === 'service_contract' && s.subjectId ? `/company/projects/contracts/${s.subjectId}` : '/company/projects';
    case 'practitioner_entry':
    case 'practitioner_update':
      return s.subjectId ? `/company/staff/${s.subjectId}` : '/company/staff';
    case 'post_change':
    case 'transfer':
    case 'exit':
    case 're_entry':
      return `/company/moves/${s.id}`;
    case 'credit_repair':
      return s.subjectId ? `/company/credit/${s.subjectId}` : '/company/credit';
    default:
      return null;
  }
}

/** How far ahead the company's to-do warns of a non-renewal notice falling due (ZJ 7). */
export const NOTICE_WARNING_DAYS = 30;

export interface ContractForTodo extends ContractForFlags {
  id: string;
  projectId: string;
  projectName: string;
  isCurrentCompany: boolean;
  boardUpdatedOn: string | null;
}

/**
 * From a company's contracts (listCompanyContracts): non-renewal notices missing or due within 30 days, and the
 * estates it serves whose disclosure board has gone stale (ZT 三.(四).4.(3)) — one line per estate.
 */
export function contractTodos(contracts: readonly ContractForTodo[], today: string, noticeDays: number) {
  const notices: { contractId: string; projectName: string; deadline: string; missing: boolean }[] = [];
  const staleBoards: { projectId: string; projectName: string; updatedOn: string | null }[] = [];
  const seen = new Set<string>();
  const soon = addCalendarDays(today, NOTICE_WARNING_DAYS);
  for (const c of contracts) {
    const f = noticeFlags(c, today, noticeDays);
    if (f.status === 'missing' || (f.status === 'not_due' && f.deadline <= soon)) {
      notices.push({ contractId: c.id, projectName: c.projectName, deadline: f.deadline, missing: f.status === 'missing' });
    }
    if (c.isCurrentCompany && c.status === 'confirmed' && !seen.has(c.projectId) && isBoardStale(c.boardUpdatedOn, today)) {
      seen.add(c.projectId);
      staleBoards.push({ projectId: c.projectId, projectName: c.projectName, updatedOn: c.boardUpdatedOn });
    }
  }
  notices.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.contractId.localeCompare(b.contractId));
  return { notices, staleBoards };
}
