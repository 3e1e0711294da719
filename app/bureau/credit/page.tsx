import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { PenaltyDeadlines, penaltyRows } from '@/components/credit/penalty-deadlines';
import { ObjectionBadge } from '@/components/records/record-notes';
import { Pager } from '@/components/ui/pager';
import { getDb } from '@/db';
import {
  BUREAU_RECORD_PAGE_SIZE,
  listBureauCreditRecords,
  listPendingCreditRecords,
  listRepairQueue,
  listUnpublishedPenalties,
  RECORD_STATE_FILTERS,
} from '@/db/queries/credit-records';
import { currentPolicy } from '@/lib/policy';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { submissionScope } from '@/db/queries/submissions';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { CREDIT_CATEGORY_SHORT, CREDIT_PHASE_LABELS } from '@/lib/domain/labels';
import { creditRecordPhase, repairIsOverdue } from '@/lib/domain/records';
import { formatDate, formatDateTime } from '@/lib/format';
import { publishPenaltyAction } from './actions';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { searchText } from '@/lib/validation/search-text';
import { publishErrorMessage } from '@/lib/actions/publish-error';

export const metadata: Metadata = { title: '企业信用记录', robots: { index: false } };

const filterSchema = z.object({
  category: z.enum(['all', 'performance', 'warning']).catch('all'),
  state: z.enum(RECORD_STATE_FILTERS).catch('counting'),
  q: searchText(60),
  penalty: z.boolean().catch(false),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const STATE_LABELS: Record<(typeof RECORD_STATE_FILTERS)[number], string> = {
  all: '全部',
  counting: '计入信用评价中',
  public: '公示中',
  pending: '待确认',
  unpublished: '已确认待公布',
  expired: '公示期已满',
  repaired: '已信用修复',
  rejected: '未予采纳',
  revoked: '已撤销（更正）',
};

const DONE: Record<string, string> = {
  confirmed: '已核准分值，信用信息已公布；警示信息的告知书已送达企业。',
  rejected: '已不予采纳，报送单位可以看到理由。',
  repaired: '已准予信用修复：该记录不再公示，也不再计入信用评价。',
  'repair-rejected': '已决定不予修复，企业可以看到理由。',
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function BureauCreditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/credit');
  const sp = await searchParams;
  const f = filterSchema.parse({
    category: one(sp.category) ?? 'all',
    state: one(sp.state) ?? 'counting',
    q: one(sp.q) ?? '',
    penalty: one(sp.penalty) === '1',
    page: one(sp.page) ?? 1,
  });
  const db = getDb();
  await ensureHolidayCalendar(db);
  const on = today();
  const policy = await currentPolicy();
  const [pending, repairs, penalties, file] = await Promise.all([
    listPendingCreditRecords(db, actor, on),
    listRepairQueue(db, submissionScope(actor)),
    listUnpublishedPenalties(db, actor),
    listBureauCreditRecords(db, actor, { category: f.category, state: f.state, q: f.q, penaltyOnly: f.penalty, page: f.page }, on, policy.settings.publishMinorWarnings),
  ]);
  const objections = await recordsUnderObjection(
    db,
    'credit_record',
    file.rows.map((r) => r.id),
  );
  const pages = Math.max(1, Math.ceil(file.total / BUREAU_RECORD_PAGE_SIZE));
  const href = (page: number) => {
    const p = new URLSearchParams({ category: f.category, state: f.state, q: f.q, page: String(page) });
    if (f.penalty) p.set('penalty', '1');
    return `/bureau/credit?${p}#file-heading`;
  };
  const done = DONE[one(sp.done) ?? ''];
  const published = one(sp.published);
  const publishError = publishErrorMessage(one(sp.publishError));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业信用记录</h1>
      {done && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {done}
        </p>
      )}
      {published && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          行政处罚信息已公布{published === 'late' ? '（已超过 7 个工作日的公布期限）' : ''}。
        </p>
      )}
      {publishError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {publishError}
        </p>
      )}
      <p className="flex flex-wrap gap-3">
        <Link href="/bureau/credit/new-warning" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          录入警示信息
        </Link>
        <Link href="/bureau/credit/new-performance" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800">
          录入业绩信息
        </Link>
        <Link href="/bureau/credit/new-veto" className="rounded border border-red-700 px-4 py-2 font-medium text-red-800">
          录入一票否决
        </Link>
      </p>

      <section aria-labelledby="queue-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="queue-heading" className="mb-1 text-lg font-semibold">
          待核准的信用信息（{pending.length}）
        </h2>
        <p className="mb-3 text-sm text-slate-600">企业报送的业绩信息和街道、社区采集的警示信息，核准分值后公布（“红黑榜”管理办法第八条）。绿色通道企业排在前面。</p>
        {pending.length === 0 ? (
          <p className="text-slate-600">没有待核准的信用信息。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">待核准的信用信息</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">事项</th>
                  <th scope="col" className="p-2">类别</th>
                  <th scope="col" className="p-2">企业</th>
                  <th scope="col" className="p-2">项目 · 区县</th>
                  <th scope="col" className="p-2">报送单位</th>
                  <th scope="col" className="p-2">建议</th>
                  <th scope="col" className="p-2">报送时间</th>
                </tr>
              </thead>
              <tbody>
                {pending.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="p-2 font-medium">
                      <Link href={`/bureau/credit/${r.id}`} className="text-brand-800 underline">
                        {r.type}
                      </Link>
                      {r.greenChannel && <span className="ml-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
                    </th>
                    <td className="p-2">{CREDIT_CATEGORY_SHORT[r.category]}</td>
                    <td className="p-2">{r.companyName}</td>
                    <td className="p-2">
                      {r.projectName ?? '—'}
                      <span className="block text-xs text-slate-600">{r.districtName}</span>
                    </td>
                    <td className="p-2">{r.reporterName ?? '企业自报'}</td>
                    <td className="p-2">
                      {r.severity ? `${r.severity}，` : ''}
                      {r.category === 'performance' ? '加' : '扣'} {Number(r.proposedPoints ?? 0)} 分
                    </td>
                    <td className="p-2">{formatDateTime(r.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="repairs-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="repairs-heading" className="mb-1 text-lg font-semibold">
          信用修复申请（{repairs.length}）
        </h2>
        <p className="mb-3 text-sm text-slate-600">收到完整申请后 {policy.settings.creditRepairDecisionWorkingDays} 个工作日内作出决定；超过期限的标为“逾期”。</p>
        {repairs.length === 0 ? (
          <p className="text-slate-600">没有待决定的信用修复申请。</p>
        ) : (
          <table className="w-full text-left text-sm">
            <caption className="sr-only">待决定的信用修复申请</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">企业</th>
                <th scope="col" className="p-2">记录</th>
                <th scope="col" className="p-2">提交时间</th>
                <th scope="col" className="p-2">应决定日期</th>
              </tr>
            </thead>
            <tbody>
              {repairs.map((s) => (
                <tr key={s.id} className="border-b border-slate-100">
                  <th scope="row" className="p-2 font-medium">
                    <Link href={`/bureau/credit/repairs/${s.id}`} className="text-brand-800 underline">
                      {s.companyName}
                    </Link>
                    {s.priority > 0 && <span className="ml-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>}
                  </th>
                  <td className="p-2">
                    {s.recordType}
                    {s.recordSeverity ? `（${s.recordSeverity}）` : ''}
                  </td>
                  <td className="p-2">{formatDateTime(s.submittedAt)}</td>
                  <td className="p-2">
                    {formatDate(s.decideBy)}
                    <ProvisionalNote date={s.decideBy} />
                    {repairIsOverdue(s.decideBy, on) && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">逾期</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="penalties-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="penalties-heading" className="mb-1 text-lg font-semibold">
          待公布的行政处罚（{penalties.length}）
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          行政处罚信息应在处罚决定作出之日起 {policy.settings.penaltyPublicationWorkingDays} 个工作日内公布（按法定节假日安排计算工作日）。
        </p>
        <PenaltyDeadlines rows={penaltyRows(penalties, on, policy.settings)} action={publishPenaltyAction} back="/bureau/credit" empty="没有待公布的行政处罚信息。" />
      </section>

      <section aria-labelledby="file-heading" className="space-y-3">
        <h2 id="file-heading" className="text-lg font-semibold">
          信用记录档案
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
          <div>
            <label htmlFor="category" className="block text-sm font-medium">
              类别
            </label>
            <select id="category" name="category" defaultValue={f.category} className="mt-1 rounded border border-slate-400 px-3 py-2">
              <option value="all">全部</option>
              <option value="warning">警示信息</option>
              <option value="performance">业绩信息</option>
            </select>
          </div>
          <div>
            <label htmlFor="state" className="block text-sm font-medium">
              状态
            </label>
            <select id="state" name="state" defaultValue={f.state} className="mt-1 rounded border border-slate-400 px-3 py-2">
              {RECORD_STATE_FILTERS.map((s) => (
                <option key={s} value={s}>
                  {STATE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              企业名称或统一社会信用代码
            </label>
            <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
          </div>
          <label className="flex items-center gap-2 pb-2">
            <input type="checkbox" name="penalty" value="1" defaultChecked={f.penalty} />
            只看行政处罚
          </label>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            筛选
          </button>
        </form>
        <p aria-live="polite">共 {file.total} 条。</p>
        {file.rows.length === 0 ? (
          <p className="rounded-lg bg-white p-5 text-slate-600 shadow-sm">没有符合条件的记录。</p>
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">信用记录档案</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">事项</th>
                  <th scope="col" className="p-2">企业</th>
                  <th scope="col" className="p-2">类别</th>
                  <th scope="col" className="p-2">情节</th>
                  <th scope="col" className="p-2">分值</th>
                  <th scope="col" className="p-2">公布日期</th>
                  <th scope="col" className="p-2">停止计分日期</th>
                  <th scope="col" className="p-2">状态</th>
                </tr>
              </thead>
              <tbody>
                {file.rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="p-2 font-medium">
                      <Link href={`/bureau/credit/${r.id}`} className="text-brand-800 underline">
                        {r.type}
                      </Link>
                      <ObjectionBadge open={objections.has(r.id)} />
                      {r.statement && <span className="block text-xs font-normal text-slate-600">有企业声明</span>}
                      {Array.isArray(r.corrections) && r.corrections.length > 0 && <span className="block text-xs font-normal text-sky-900">已更正</span>}
                    </th>
                    <td className="p-2">
                      {r.companyName}
                      <span className="block text-xs text-slate-600">{r.projectName ?? r.districtName ?? ''}</span>
                    </td>
                    <td className="p-2">
                      {CREDIT_CATEGORY_SHORT[r.category]}
                      {r.isPenalty ? '·处罚' : ''}
                    </td>
                    <td className="p-2">{r.severity ?? '—'}</td>
                    <td className="p-2">{r.points != null ? Number(r.points) : '—'}</td>
                    <td className="p-2 whitespace-nowrap">{formatDate(r.publishedOn)}</td>
                    <td className="p-2 whitespace-nowrap">{formatDate(r.publicUntil)}</td>
                    <td className="p-2">{CREDIT_PHASE_LABELS[creditRecordPhase(r, on, policy.settings)]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={f.page} pages={pages} href={href} />
      </section>
    </div>
  );
}
