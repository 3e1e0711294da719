/**
 * Post change, transfer, exit and re-entry (SN 15–17): the deadlines and when a district may step in.
 *
 * SN 15 and SN 16 give the company "3日" — calendar days, unlike the entry's "10个工作日" (SN 6) — the policy's
 * `postChangeFilingDays`, which a city may change like any other deadline. SN 16 does not
 * say how long the old company has to answer a transfer request; we give it 3 working days
 * (docs/decisions/009-practitioner-moves.md) before its silence counts as "does not answer".
 */
import type { CreditPolicy } from './credit-policy';
import { addCalendarDays, addWorkingDays, calendarDaysBetween } from './working-days';

export const CONSENT_WAIT_WORKING_DAYS = 3;

export const MOVE_TYPES = ['post_change', 'transfer', 'exit', 're_entry'] as const;
export type MoveType = (typeof MOVE_TYPES)[number];

/** Where a move stands, in words: a transfer's draft has two stages before it reaches the district. */
export function moveStageLabel(status: string, payload: { stage?: string; consent?: string } | null | undefined): string {
  if (status === 'draft' && payload?.stage === 'consent') return payload.consent === 'refused' ? '原企业不同意，待区县核实' : '待原企业答复';
  if (status === 'draft' && payload?.stage === 'released') return '已调出，待新企业补充信息';
  return (
    { draft: '草稿', submitted: '待区县审核', returned: '已退回修改', approved: '已通过', rejected: '未通过', withdrawn: '已撤回' } as Record<string, string>
  )[status] ?? status;
}

export interface MoveTiming {
  deadline: string;
  late: boolean;
  daysOverdue: number;
}

/**
 * SN 15 / SN 16: filed within the policy's `postChangeFilingDays` (3 by default) calendar days of the event (the
 * post change, or the first day at the new company).
 */
export function moveTiming(eventOn: string, filedOn: string, policy: Pick<CreditPolicy, 'postChangeFilingDays'>): MoveTiming {
  const deadline = addCalendarDays(eventOn, policy.postChangeFilingDays);
  const late = filedOn > deadline;
  return { deadline, late, daysOverdue: late ? calendarDaysBetween(deadline, filedOn) : 0 };
}

export type Consent = 'pending' | 'given' | 'refused';

/** The last day the old company has to answer before the district may treat it as not answering. */
export function consentDueOn(requestedOn: string): string {
  return addWorkingDays(requestedOn, CONSENT_WAIT_WORKING_DAYS);
}

/**
 * SN 16: the district may release a person directly when the old company refuses (the district judges the
 * reason when it checks) or has not answered within the wait.
 */
export function mayOverride(consent: Consent, requestedOn: string, today: string): boolean {
  if (consent === 'refused') return true;
  if (consent === 'pending') return today > consentDueOn(requestedOn);
  return false;
}

/**
 * The day an employment ends when the person starts another on `nextStart`: the day before, but never before
 * the employment began (a same-day move still leaves a one-day employment on record).
 */
export function endBefore(nextStart: string, started: string): string {
  const dayBefore = addCalendarDays(nextStart, -1);
  return dayBefore < started ? started : dayBefore;
}
