import Link from 'next/link';
import { PenaltyDeadlines, penaltyRows } from '@/components/credit/penalty-deadlines';
import { getDb } from '@/db';
import { listRepairQueue, listUnpublishedPenalties } from '@/db/queries/credit-records';
import { submissionScope } from '@/db/queries/submissions';
import type { Actor } from '@/lib/auth/policy';
import type { CreditPolicy } from '@/lib/domain/credit-policy';
import { today } from '@/lib/clock';
import { repairIsOverdue } from '@/lib/domain/records';
import { publishPenaltyAction } from '../credit/actions';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { publishErrorMessage } from '@/lib/actions/publish-error';

/**
 * The bureau dashboard's credit deadlines (SPEC §3, §3.7): administrative penalties close to or past their
 * 7-working-day publication deadline, with "发布"; credit-repair applications past their 3-working-day decision date.
 */
export async function CreditDeadlines({
  actor,
  settings,
  published,
  publishError,
}: {
  actor: Actor;
  /** The current policy, read once by the dashboard. */
  settings: CreditPolicy;
  published: string | null;
  /** `?publishError=` as the URL has it: shown only as the fixed message of its code. */
  publishError: string | null;
}) {
  const db = getDb();
  await ensureHolidayCalendar(db);
  const on = today();
  const [penalties, repairs] = await Promise.all([listUnpublishedPenalties(db, actor), listRepairQueue(db, submissionScope(actor))]);
  const urgent = penaltyRows(penalties, on, settings).filter((r) => r.state === 'due-soon' || r.state === 'overdue');
  const lateRepairs = repairs.filter((s) => repairIsOverdue(s.decideBy, on)).length;
  return (
    <section aria-labelledby="penalties-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="penalties-heading" className="mb-1 text-lg font-semibold">
        信用信息期限
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        即将到期或已逾期的行政处罚公布（决定之日起 {settings.penaltyPublicationWorkingDays} 个工作日内公布）。
        {penalties.length > urgent.length && `另有 ${penalties.length - urgent.length} 项未到期。`}
      </p>
      {published && (
        <p role="status" className="mb-3 rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          行政处罚信息已公布{published === 'late' ? '（已超过公布期限）' : ''}。
        </p>
      )}
      {publishErrorMessage(publishError) && (
        <p role="alert" className="mb-3 rounded bg-red-50 px-3 py-2 text-red-900">
          {publishErrorMessage(publishError)}
        </p>
      )}
      <PenaltyDeadlines rows={urgent} action={publishPenaltyAction} back="/bureau" empty="没有即将到期或已逾期的行政处罚公布事项。" />
      <p className="mt-3 text-sm">
        信用修复申请待决定 {repairs.length} 件
        {lateRepairs > 0 && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">逾期 {lateRepairs} 件</span>}
        ，
        <Link href="/bureau/credit" className="text-brand-800 underline">
          前往企业信用记录
        </Link>
      </p>
    </section>
  );
}
