import type { Metadata } from 'next';
import Link from 'next/link';
import { PenaltyDeadlines, penaltyRows } from '@/components/credit/penalty-deadlines';
import { ObjectionBadge } from '@/components/records/record-notes';
import { CheckFilter, FilterBar, ListResults, parseFilters, SelectFilter, TextFilter, UnpagedList, type Column } from '@/components/list-kit/signed-in';
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
import { creditRecordPhase, penaltyDeadlineState, repairIsOverdue } from '@/lib/domain/records';
import { formatDate, formatDateTime } from '@/lib/format';
import { publishPenaltyAction } from './actions';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { publishErrorMessage } from '@/lib/actions/publish-error';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { creditFilterSchema } from './filters';
import { FlagBadge } from '@/components/credit/company-flags';
import { flagKindsOf } from '@/db/queries/company-flags';
import { COMPANY_FLAG_KINDS } from '@/lib/domain/company-flags';

export const metadata: Metadata = { title: '企业信用记录', robots: { index: false } };


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

type Pending = Awaited<ReturnType<typeof listPendingCreditRecords>>[number];
type Repair = Awaited<ReturnType<typeof listRepairQueue>>[number];
type FileRow = Awaited<ReturnType<typeof listBureauCreditRecords>>['rows'][number];
type Settings = Awaited<ReturnType<typeof currentPolicy>>['settings'];

const GREEN_CHANNEL = <span className="ml-1 inline-block rounded bg-emerald-100 px-1 text-xs text-emerald-900">绿色通道</span>;

/** The row header of a record: its type, linking to the record. */
const recordLink = (r: { id: string; type: string }) => (
  <Link href={`/bureau/credit/${r.id}`} className="text-brand-800 underline">
    {r.type}
  </Link>
);

/** A reported penalty (a department's, DW 8.1.4) is published on confirmation: its 7-working-day deadline shows here. */
function PenaltyDue({ r, on, settings }: { r: Pending; on: string; settings: Settings }) {
  if (!r.isPenalty || !r.decisionOn) return null;
  const s = penaltyDeadlineState({ decisionOn: r.decisionOn, publishedOn: null }, on, settings);
  return (
    <span className={`block text-xs ${s.state === 'overdue' ? 'font-medium text-red-900' : s.state === 'due-soon' ? 'text-amber-900' : 'text-slate-600'}`}>
      行政处罚，应于 {formatDate(s.publishBy)} 前公布{s.state === 'overdue' ? '（已逾期）' : s.state === 'due-soon' ? '（即将到期）' : ''}
    </span>
  );
}

/** DW 14 flags in force for a company (badges beside its name). */
function Flags({ kinds }: { kinds: Set<string> | undefined }) {
  if (!kinds) return null;
  const shown = COMPANY_FLAG_KINDS.filter((k) => kinds.has(k));
  return shown.length ? (
    <span className="block">
      {shown.map((k) => (
        <FlagBadge key={k} kind={k} />
      ))}
    </span>
  ) : null;
}

const pendingColumns = (on: string, settings: Settings, flags: Map<string, Set<string>>): Column<Pending>[] => [
  {
    label: '事项',
    rowHeader: true,
    cell: (r) => (
      <>
        {recordLink(r)}
        {r.greenChannel && GREEN_CHANNEL}
        <PenaltyDue r={r} on={on} settings={settings} />
      </>
    ),
  },
  { label: '类别', cell: (r) => `${CREDIT_CATEGORY_SHORT[r.category]}${r.isPenalty ? '·处罚' : ''}` },
  {
    label: '企业',
    cell: (r) => (
      <>
        {r.companyName}
        <Flags kinds={flags.get(r.companyId)} />
      </>
    ),
  },
  {
    label: '项目 · 区县',
    cell: (r) => (
      <>
        {r.projectName ?? '—'}
        <span className="block text-xs text-slate-600">{r.districtName}</span>
      </>
    ),
  },
  { label: '报送单位', cell: (r) => r.reporterName ?? '企业自报' },
  {
    label: '建议',
    cell: (r) => (r.proposedPoints == null ? '未建议分值，由住建部门核定' : `${r.severity ? `${r.severity}，` : ''}${r.category === 'performance' ? '加' : '扣'} ${Number(r.proposedPoints)} 分`),
  },
  { label: '报送时间', cell: (r) => formatDateTime(r.createdAt) },
];

const repairColumns = (on: string): Column<Repair>[] => [
  {
    label: '企业',
    rowHeader: true,
    cell: (s) => (
      <>
        <Link href={`/bureau/credit/repairs/${s.id}`} className="text-brand-800 underline">
          {s.companyName}
        </Link>
        {s.priority > 0 && GREEN_CHANNEL}
      </>
    ),
  },
  { label: '记录', cell: (s) => `${s.recordType}${s.recordSeverity ? `（${s.recordSeverity}）` : ''}` },
  { label: '提交时间', cell: (s) => formatDateTime(s.submittedAt) },
  {
    label: '应决定日期',
    cell: (s) => (
      <>
        {formatDate(s.decideBy)}
        <ProvisionalNote date={s.decideBy} />
        {repairIsOverdue(s.decideBy, on) && <span className="ml-1 rounded bg-red-100 px-1 text-xs font-medium text-red-900">逾期</span>}
      </>
    ),
  },
];

const fileColumns = (objections: Set<string>, on: string, settings: Settings, flags: Map<string, Set<string>>): Column<FileRow>[] => [
  {
    label: '事项',
    rowHeader: true,
    cell: (r) => (
      <>
        {recordLink(r)}
        <ObjectionBadge open={objections.has(r.id)} />
        {r.statement && <span className="block text-xs font-normal text-slate-600">有企业声明</span>}
        {Array.isArray(r.corrections) && r.corrections.length > 0 && <span className="block text-xs font-normal text-sky-900">已更正</span>}
      </>
    ),
  },
  {
    label: '企业',
    cell: (r) => (
      <>
        {r.companyName}
        <span className="block text-xs text-slate-600">{r.projectName ?? r.districtName ?? ''}</span>
        <Flags kinds={flags.get(r.companyId)} />
      </>
    ),
  },
  { label: '类别', cell: (r) => `${CREDIT_CATEGORY_SHORT[r.category]}${r.isPenalty ? '·处罚' : ''}` },
  { label: '情节', cell: (r) => r.severity ?? '—' },
  { label: '分值', cell: (r) => (r.points != null ? Number(r.points) : '—') },
  { label: '公布日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.publishedOn) },
  { label: '停止计分日期', className: 'whitespace-nowrap', cell: (r) => formatDate(r.publicUntil) },
  { label: '状态', cell: (r) => CREDIT_PHASE_LABELS[creditRecordPhase(r, on, settings)] },
];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function BureauCreditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/credit');
  const sp = await searchParams;
  const f = parseFilters(creditFilterSchema, sp);
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
  const flags = await flagKindsOf(db, [...pending.map((r) => r.companyId), ...file.rows.map((r) => r.companyId)], on);
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
        <p className="mb-3 text-sm text-slate-600">企业报送的业绩信息，街道、社区采集的警示信息，以及市场监管等部门报送的行政处罚、警示和表彰信息，核准分值后公布（“红黑榜”管理办法第八条）。绿色通道企业排在前面。</p>
        <UnpagedList caption="待核准的信用信息" columns={pendingColumns(on, policy.settings, flags)} rows={pending} rowKey={(r) => r.id} empty={{ none: '没有待核准的信用信息。' }} />
      </section>

      <section aria-labelledby="repairs-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="repairs-heading" className="mb-1 text-lg font-semibold">
          信用修复申请（{repairs.length}）
        </h2>
        <p className="mb-3 text-sm text-slate-600">收到完整申请后 {policy.settings.creditRepairDecisionWorkingDays} 个工作日内作出决定；超过期限的标为“逾期”。</p>
        <UnpagedList caption="待决定的信用修复申请" columns={repairColumns(on)} rows={repairs} rowKey={(r) => r.id} empty={{ none: '没有待决定的信用修复申请。' }} />
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
        <FilterBar>
          <SelectFilter
            name="category"
            label="类别"
            value={f.category}
            options={[
              { value: 'all', label: '全部' },
              { value: 'warning', label: '警示信息' },
              { value: 'performance', label: '业绩信息' },
            ]}
          />
          <SelectFilter name="state" label="状态" value={f.state} options={RECORD_STATE_FILTERS.map((s) => ({ value: s, label: STATE_LABELS[s] }))} />
          <TextFilter label="企业名称或统一社会信用代码" value={f.q} />
          <CheckFilter name="penalty" label="只看行政处罚" checked={f.penalty} />
        </FilterBar>
        <ListResults
          path="/bureau/credit"
          fragment="#file-heading"
          filters={f}
          schema={creditFilterSchema}
          total={file.total}
          pageSize={BUREAU_RECORD_PAGE_SIZE}
          caption="信用记录档案"
          columns={fileColumns(objections, on, policy.settings, flags)}
          rows={file.rows}
          rowKey={(r) => r.id}
          exportLink={exportLinkOf('/bureau/credit', f)}
          empty={{ filtered: '没有符合条件的记录。', none: '还没有计入信用评价的记录。', next: { href: '/bureau/credit?state=all', label: '查看全部记录' } }}
        />
      </section>
    </div>
  );
}
