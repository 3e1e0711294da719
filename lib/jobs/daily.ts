import 'server-only';
/**
 * The daily run (issue 18 item 2): what changes because a China-time day began. A list of named steps, each
 * `(db, { today, now }) => Promise<{ changed, … }>` and idempotent on its own (it changes only what is not yet
 * in the state `today` calls for); the run adds a claim per date (job_runs) so a second run for a date is a
 * no-op, and records what each step changed. Adding a step is one line in DAILY_STEPS.
 *
 * Started by the server after midnight China time (lib/jobs/timer.ts) or by cron (`npm run jobs:daily`).
 */
import type { Db } from '@/db';
import { escalateOverdueRectifications } from '@/lib/services/supervision';
import { addInboxItem, itemsToMail, mailRecipients, markItemMailed, type NewInboxItem } from '@/db/queries/inbox';
import {
  claimJobRun,
  contractStillConfirmed,
  contractsToTakeOver,
  finishJobRun,
  listEntriesPastDateOut,
  openDeadlines,
  switchProjectCompany,
  type DeadlineRow,
} from '@/db/queries/jobs';
import { endExpiredContracts } from '@/db/queries/contracts';
import { audit } from '@/lib/audit';
import { objectHref } from '@/lib/domain/audit-labels';
import { isCalendarDate } from '@/lib/domain/china-day';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { addCalendarDays } from '@/lib/domain/working-days';
import { emailSender, type EmailSender } from '@/lib/messaging/email';
import { endListEntry } from '@/lib/services/list-entries';

export const DAILY_JOB = 'daily';

/** Who the audit log names for the job's changes. */
export const DAILY_JOB_ACTOR = { label: '系统（每日定时任务）' } as const;

export interface JobContext {
  /** The China-time date the run is for. */
  today: string;
  /** The instant of the run (audit, inbox and outbox times). */
  now: Date;
}

export interface StepResult {
  changed: number;
  [detail: string]: number;
}

export interface DailyStep {
  name: string;
  run: (db: Db, ctx: JobContext) => Promise<StepResult>;
}

/** Days ahead a deadline is announced in the owner's inbox. */
export const DUE_SOON_DAYS = 3;

// ---------------------------------------------------------------------------------------------------------
// Steps

/**
 * A confirmed contract whose start date has come takes over its estate, exactly as confirming it on that day
 * would have done (lib/services/contracts.ts decideContract): earlier confirmed contracts of the estate that ran
 * out before it are ended, and the estate's current company becomes the contract's company. The estate page,
 * the search postings and the public cache follow the projects row (triggers of migrations 0007 and 0009).
 */
export async function takeOverStartedContracts(db: Db, { today, now }: JobContext): Promise<StepResult> {
  let changed = 0;
  let ended = 0;
  for (const c of await contractsToTakeOver(db, today)) {
    const did = await db.transaction(async (tx) => {
      if (!(await contractStillConfirmed(tx, c.id))) return null;
      const endedRows = await endExpiredContracts(tx, c.projectId, c.startDate, c.id);
      const switched = c.currentCompanyId !== c.companyId && (await switchProjectCompany(tx, c.projectId, c.currentCompanyId, c.companyId));
      if (!switched && endedRows.length === 0) return null;
      await audit(tx, DAILY_JOB_ACTOR, {
        action: 'contract.took_over',
        objectType: 'service_contract',
        objectId: c.id,
        before: { projectCompanyId: c.currentCompanyId },
        after: { projectCompanyId: switched ? c.companyId : c.currentCompanyId, startDate: c.startDate, endedContracts: endedRows.map((e) => e.id), runDate: today },
      });
      if (switched) {
        await addInboxItem(tx, {
          audience: 'company',
          audienceId: c.companyId,
          kind: 'contract_started',
          title: `${c.projectName}：物业服务合同自 ${c.startDate} 起生效，贵企业为该项目的服务企业`,
          link: '/company/projects',
          dedupeKey: `contract_started:${c.id}`,
          createdAt: now,
        });
      }
      return endedRows.length;
    });
    if (did !== null) {
      changed++;
      ended += did;
    }
  }
  return { changed, ended };
}

/**
 * List entries past their scheduled date out become `expired` with a list event, ended on that date, so the stored
 * status agrees with what the public lists already compute on read (db/queries/list-entries.ts listEntryActiveOn).
 */
export async function expireListEntries(db: Db, { today }: JobContext): Promise<StepResult> {
  const due = await listEntriesPastDateOut(db, today);
  let changed = 0;
  for (let i = 0; i < due.length; i += 100) {
    const batch = due.slice(i, i + 100);
    changed += await db.transaction(async (tx) => {
      let n = 0;
      for (const e of batch) {
        if (await endListEntry(tx, DAILY_JOB_ACTOR, e.id, { on: e.until!, reason: '公示期满，自动移出', status: 'expired' })) n++;
      }
      return n;
    });
  }
  return { changed };
}

function deadlineItem(d: DeadlineRow, when: 'soon' | 'overdue', now: Date): NewInboxItem {
  const where = [d.projectName, d.companyName].filter(Boolean).join(' · ');
  const suffix = when === 'soon' ? `将于 ${d.dueOn} 到期` : `已于 ${d.dueOn} 到期，已逾期`;
  const base = { kind: when === 'soon' ? 'deadline_soon' : 'deadline_overdue', dueOn: d.dueOn, dedupeKey: `${when}:${d.kind}:${d.id}:${d.dueOn}`, createdAt: now };
  const bureau = d.districtId ? { audience: 'district' as const, audienceId: d.districtId } : { audience: 'city' as const };
  switch (d.kind) {
    case 'submission_decision':
      return {
        ...base,
        ...bureau,
        title: `${SUBMISSION_TYPE_LABELS[d.type] ?? '申请'}待审核，办理期限${suffix}`,
        body: where || null,
        link: objectHref({ action: '', objectType: 'submission', objectId: d.id, submissionType: d.type }) ?? '/bureau',
      };
    case 'objection_decision':
      return { ...base, ...bureau, title: `异议待处理，办理期限${suffix}`, body: where || null, link: `/bureau/objections/${d.id}` };
    case 'complaint_answer':
      return { ...base, audience: 'company', audienceId: d.companyId!, title: `业主投诉待答复，答复期限${suffix}`, body: d.projectName, link: `/company/complaints/${d.id}` };
  }
}

/**
 * Deadlines into their owners' inboxes: those due within DUE_SOON_DAYS, and those that passed (once per
 * deadline each: the dedupe key names the object and its due date, so a moved deadline is announced again).
 */
export async function announceDeadlines(db: Db, { today, now }: JobContext): Promise<StepResult> {
  const yesterday = addCalendarDays(today, -1);
  const [soon, overdue] = await Promise.all([
    openDeadlines(db, { after: yesterday, until: addCalendarDays(today, DUE_SOON_DAYS) }),
    openDeadlines(db, { until: yesterday }),
  ]);
  const items = [...soon.map((d) => deadlineItem(d, 'soon', now)), ...overdue.map((d) => deadlineItem(d, 'overdue', now))];
  let dueSoon = 0;
  let overdueN = 0;
  for (let i = 0; i < items.length; i += 200) {
    const batch = items.slice(i, i + 200);
    await db.transaction(async (tx) => {
      for (const item of batch) {
        if (await addInboxItem(tx, item)) {
          if (item.kind === 'deadline_soon') dueSoon++;
          else overdueN++;
        }
      }
    });
  }
  return { changed: dueSoon + overdueN, dueSoon, overdue: overdueN };
}

/** Inbox items not yet mailed go to the addressed accounts that gave an e-mail address (SMTP or the outbox). */
export function mailInboxItems(sender: () => EmailSender = () => emailSender()) {
  return async (db: Db, { now }: JobContext): Promise<StepResult> => {
    const s = sender();
    let mails = 0;
    let items = 0;
    for (const item of await itemsToMail(db)) {
      const to = await mailRecipients(db, item.audience, item.audienceId);
      await db.transaction(async (tx) => {
        for (const addr of to) {
          await s.send(tx, {
            to: addr,
            subject: `【物业信用平台】${item.title}`,
            text: [item.title, item.body, item.dueOn ? `期限：${item.dueOn}` : null, item.link ? `请登录平台查看：${item.link}` : '请登录平台查看“待办消息”。']
              .filter(Boolean)
              .join('\n\n'),
            purpose: 'inbox.item',
            relatedType: 'inbox_item',
            relatedId: item.id,
          }, now);
          mails++;
        }
        await markItemMailed(tx, item.id, now);
      });
      items++;
    }
    return { changed: mails, items };
  };
}

/**
 * The steps, in order. Other features add theirs here, e.g. `{ name: 'rectifications', run: (db, c) =>
 * escalateOverdueRectifications(db, c.today) }`. Data-use grants expire on read and have no step yet.
 */
/** Overdue rectification orders escalate to a public 通报批评 (idempotent: an order is criticised once). */
export async function escalateRectifications(db: Db, { today }: JobContext): Promise<StepResult> {
  const { escalated } = await escalateOverdueRectifications(db, today);
  return { changed: escalated.length };
}

export const DAILY_STEPS: DailyStep[] = [
  { name: 'contracts', run: takeOverStartedContracts },
  { name: 'list-entries', run: expireListEntries },
  // SN 24: orders past their deadline without an accepted answer → 通报批评 (lib/services/supervision.ts).
  { name: 'rectifications', run: escalateRectifications },
  { name: 'deadlines', run: announceDeadlines },
  // Last: mails what the steps above (and the day's decisions) put in the inbox.
  { name: 'inbox-mail', run: mailInboxItems() },
];

// ---------------------------------------------------------------------------------------------------------
// The run

export type DailyRunResult =
  | { status: 'done'; today: string; counts: Record<string, StepResult | { error: string }>; error: string | null }
  | { status: 'skipped'; today: string; reason: 'done' | 'running' | 'locked' };

/**
 * Runs the steps for `today` unless this date's run is done or under way elsewhere. A failing step is recorded
 * and the others still run; a run with an error may be run again (the steps are idempotent).
 * `force` runs even when the date is done (the script's `--force`; the steps then find nothing left to change).
 */
export async function runDailyJobs(
  db: Db,
  ctx: JobContext,
  opts: { steps?: readonly DailyStep[]; force?: boolean } = {},
): Promise<DailyRunResult> {
  if (!isCalendarDate(ctx.today)) throw new Error(`runDailyJobs: bad date ${ctx.today}`);
  const claim = await claimJobRun(db, DAILY_JOB, ctx.today, ctx.now, opts.force ?? false);
  if (!claim.claimed) return { status: 'skipped', today: ctx.today, reason: claim.reason };
  const counts: Record<string, StepResult | { error: string }> = {};
  const errors: string[] = [];
  for (const step of opts.steps ?? DAILY_STEPS) {
    try {
      counts[step.name] = await step.run(db, ctx);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      console.error(`[jobs] ${ctx.today} step ${step.name} failed:`, err);
      counts[step.name] = { error: msg.slice(0, 500) };
      errors.push(`${step.name}: ${msg.slice(0, 200)}`);
    }
  }
  const error = errors.length ? errors.join('; ') : null;
  await finishJobRun(db, DAILY_JOB, ctx.today, { counts, error });
  return { status: 'done', today: ctx.today, counts, error };
}
