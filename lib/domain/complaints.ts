/**
 * Owners' complaints and praise (SPEC §3.10; SN 9.3, 13.5; CQ). Pure rules: the answer deadline in working days,
 * who may act when, the labels, and the JSON kept in `cases.body` / `cases.decision`.
 *
 * A complaint: filed (open) → the serving company answers (answered) → the district verifies and decides:
 * substantiated (upheld: a bad record of the responsible person under SN 13.5 and/or a company warning record) or
 * not substantiated (dismissed, with the reason the owner reads). The district may also decide once the company's
 * answer is overdue. A praise (表扬) goes to the company, which files it as a good record through its own filing
 * (SN 9.3, 12): the company's acknowledgement closes the case (closed).
 */
import type { CreditPolicy } from './credit-policy';
import { addWorkingDays, workingDaysBetween } from './working-days';

export const CASE_KINDS = ['complaint', 'praise'] as const;
export type ComplaintKind = (typeof CASE_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: '投诉', praise: '表扬' };

/** What the owner names: the estate's service in general, the serving company, or one staff member. */
export const COMPLAINT_ABOUT = ['estate', 'company', 'staff'] as const;
export type ComplaintAbout = (typeof COMPLAINT_ABOUT)[number];

export const COMPLAINT_OPEN_STATUSES = ['open', 'answered'] as const;
export const COMPLAINT_DONE_STATUSES = ['upheld', 'dismissed', 'closed'] as const;

export const COMPLAINT_STATUS_LABELS: Record<string, string> = {
  open: '待企业答复',
  answered: '企业已答复，待住建部门核实',
  upheld: '经核实，投诉属实',
  dismissed: '经核实，投诉不成立',
  closed: '企业已收到',
};

export const PHOTO_MAX_FILES = 3;

/** What `cases.body` holds for a complaint or praise (JSON text). */
export interface ComplaintBody {
  about: ComplaintAbout;
  /** The staff member named (public fields only: name and post, as on the estate's staff list). */
  staff: { id: string; name: string; post: string } | null;
  text: string;
  /** The date filed (China), from the injected clock: the start of the answer deadline and the records' date. */
  filedOn: string;
}

/** What `cases.decision` holds once the district decided a complaint. */
export interface ComplaintDecision {
  outcome: 'upheld' | 'dismissed';
  /** What the district found: the reason the owner reads. */
  reason: string;
  /** The records created through the record services (ids), with the responsible person's public name. */
  staffRecord: { id: string; practitionerId: string; name: string } | null;
  creditRecord: { id: string; severity: string; points: string } | null;
}

export function parseComplaintBody(text: string): ComplaintBody {
  try {
    const v = JSON.parse(text) as Partial<ComplaintBody>;
    return { about: v.about ?? 'estate', staff: v.staff ?? null, text: String(v.text ?? ''), filedOn: String(v.filedOn ?? '') };
  } catch {
    return { about: 'estate', staff: null, text, filedOn: '' };
  }
}

export function parseComplaintDecision(text: string | null): ComplaintDecision | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ComplaintDecision>;
    if (v.outcome !== 'upheld' && v.outcome !== 'dismissed') return null;
    return { outcome: v.outcome, reason: String(v.reason ?? ''), staffRecord: v.staffRecord ?? null, creditRecord: v.creditRecord ?? null };
  } catch {
    return null;
  }
}

/** The last working day on which the company's answer is on time. */
export function answerDueOn(filedOn: string, policy: Pick<CreditPolicy, 'complaintAnswerWorkingDays'>): string {
  return addWorkingDays(filedOn, policy.complaintAnswerWorkingDays);
}

export interface CaseClock {
  kind: string;
  status: string;
  dueOn: string | null;
}

/** The company has not answered and its deadline has passed. */
export function isAnswerOverdue(c: CaseClock, today: string): boolean {
  return c.status === 'open' && !!c.dueOn && today > c.dueOn;
}

/** Working days past the answer deadline (0 when not overdue). */
export function answerOverdueDays(c: CaseClock, today: string): number {
  return isAnswerOverdue(c, today) ? workingDaysBetween(c.dueOn!, today) : 0;
}

/** The company may answer an open complaint, or acknowledge an open praise. */
export function mayAnswer(c: CaseClock): boolean {
  return c.status === 'open';
}

/**
 * The district decides a complaint once the company answered, or without the answer once it is overdue (the
 * owner is not kept waiting on a company that stays silent). Praise is the company's to file, never the district's.
 */
export function mayDecide(c: CaseClock, today: string): boolean {
  return c.kind === 'complaint' && (c.status === 'answered' || isAnswerOverdue(c, today));
}

export const NOT_YET_DECIDABLE = '企业答复期限尚未届满：请等待企业答复，或在期限届满后直接核实处理。';
export const ALREADY_DONE = '该件已办结。';
export const LOST_RACE = '该件已被他人处理，请刷新后查看最新结果。';

/** The steps the owner's tracking page shows, each with its time (null: not reached). */
export function trackingSteps(c: { kind: string; status: string; createdAt: Date; answeredAt: Date | null; decidedAt: Date | null }) {
  if (c.kind === 'praise') {
    return [
      { label: '已提交', at: c.createdAt, done: true },
      { label: '物业服务企业已收到', at: c.answeredAt, done: c.status === 'closed' },
    ];
  }
  const decided = c.status === 'upheld' || c.status === 'dismissed';
  return [
    { label: '已受理', at: c.createdAt, done: true },
    { label: '物业服务企业已答复', at: c.answeredAt, done: c.answeredAt !== null },
    { label: decided ? `住建部门已核实：${c.status === 'upheld' ? '投诉属实' : '投诉不成立'}` : '住建部门核实', at: c.decidedAt, done: decided },
  ];
}
