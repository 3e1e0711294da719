import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { ListResults, type Column } from '@/components/list-kit/signed-in';
import { pageParam, parseFilters } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { countMoves, listMoves } from '@/db/queries/practitioner-moves';
import { requireActor } from '@/lib/auth/actor';
import { moveStageLabel } from '@/lib/domain/practitioner-moves';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import { ConsentForm, WithdrawForm } from '@/components/practitioner/move-forms';
import { ProvisionalNote } from '@/components/ui/provisional-note';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { currentPolicy } from '@/lib/policy';

export const metadata: Metadata = { title: '人员变动', robots: { index: false } };

const NOTES: Record<string, string> = {
  transfer: '调出申请已提交，等待原企业答复。',
  given: '已同意调出，人员信息已转至新企业。',
  refused: '已答复不同意调出。区县住建部门将核实理由。',
  withdrawn: '申请已撤回。',
};

type Row = Awaited<ReturnType<typeof listMoves>>[number];

const columns: Column<Row>[] = [
  {
    label: '人员',
    cell: (m) => (
      <>
        {m.name}
        <div className="text-xs text-slate-600">{m.idNumberMasked}</div>
      </>
    ),
  },
  { label: '事项', cell: (m) => SUBMISSION_TYPE_LABELS[m.type] ?? m.type },
  {
    label: '进度',
    cell: (m) => (
      <>
        {moveStageLabel(m.status, m.payload as { stage?: string; consent?: string })}
        {m.reason && <div className="text-xs text-slate-600">意见：{m.reason}</div>}
      </>
    ),
  },
  { label: '申报', cell: (m) => (m.payload.late ? <span className="text-red-800">逾期</span> : '按期') },
  {
    label: '操作',
    className: 'space-y-1',
    cell: (m) => {
      const withdrawable = ['draft', 'submitted', 'returned'].includes(m.status) && (m.type !== 'transfer' || m.payload.stage === 'consent');
      return (
        <>
          <Link href={`/company/moves/${m.id}`} className="text-brand-800 underline">
            查看{(m.status === 'returned' || m.payload.stage === 'released') && m.status !== 'submitted' ? '并补充信息' : ''}
          </Link>
          {withdrawable && <WithdrawForm submissionId={m.id} version={m.version} />}
        </>
      );
    },
  },
];

const PAGE_SIZE = 20;
const filterSchema = z.object({ page: pageParam() });

export default async function CompanyMovesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor(['company'], '/company/moves');
  await ensureHolidayCalendar(getDb());
  const sp = await searchParams;
  const filters = parseFilters(filterSchema, sp);
  const db = getDb();
  // Answers are owed on every waiting request, so that list is whole (a company has a handful at a time).
  const [incoming, mine, total, { settings }] = await Promise.all([
    listMoves(db, actor, { view: 'incoming', limit: 500 }),
    listMoves(db, actor, { view: 'filed', limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE }),
    countMoves(db, actor, { view: 'filed' }),
    currentPolicy(),
  ]);
  const note = sp.answered ? NOTES[sp.answered] : sp.withdrawn ? NOTES.withdrawn : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">人员变动</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/company/moves/transfer" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            跨企业流动（调入）
          </Link>
          <Link href="/company/moves/re-entry" className="rounded border border-brand-700 px-4 py-2 font-medium text-brand-800">
            重新执业
          </Link>
        </div>
      </div>
      {note && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          {note}
        </p>
      )}
      <p className="text-sm text-slate-600">
        岗位调整、退出行业在人员详情页办理。岗位调整和调入应在 {settings.postChangeFilingDays} 日内申报（SN 15、16）；原企业应在平台上答复调出申请，无正当理由拒不同意的，区县住建部门核实后可直接调出。
      </p>

      <section aria-labelledby="incoming" className="space-y-3">
        <h2 id="incoming" className="text-lg font-semibold">
          待本企业答复的调出申请（{incoming.length}）
        </h2>
        {incoming.length === 0 && <p className="text-slate-600">没有待答复的调出申请。</p>}
        {incoming.map((m) => (
          <article key={m.id} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
            <h3 className="font-medium">
              {m.name}（{m.idNumberMasked}）申请调往 {m.companyName}
            </h3>
            <p className="text-sm text-slate-600">
              申请时间 {formatDateTime(m.createdAt)} · 答复期至 {String(m.payload.consentDueOn ?? '')}
              <ProvisionalNote date={typeof m.payload.consentDueOn === 'string' ? m.payload.consentDueOn : null} />
              {m.payload.consent === 'refused' ? ` · 已答复不同意：${String(m.payload.consentReason ?? '')}` : ''}
            </p>
            {m.payload.consent !== 'refused' && <ConsentForm submissionId={m.id} version={m.version} name={m.name ?? ''} />}
          </article>
        ))}
      </section>

      <section aria-labelledby="mine" className="space-y-3">
        <h2 id="mine" className="text-lg font-semibold">
          本企业提交的变动申请
        </h2>
        <ListResults
          path="/company/moves"
          filters={filters}
          schema={filterSchema}
          total={total}
          pageSize={PAGE_SIZE}
          fragment="#mine"
          caption="本企业提交的岗位调整、跨企业流动、退出和重新执业申请"
          columns={columns}
          rows={mine}
          rowKey={(m) => m.id}
          empty={{ filtered: '', none: '暂无变动申请。人员调入本企业时，从这里开始申报。', next: { href: '/company/moves/transfer', label: '申报人员调入' } }}
        />
      </section>
    </div>
  );
}
