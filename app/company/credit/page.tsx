import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CorrectionNotes, ObjectionBadge, StatementNote } from '@/components/records/record-notes';
import { ListTable } from '@/components/list-kit/table';
import { getDb } from '@/db';
import { listCompanyCreditRecords, listCompanyRepairs, type CreditRecordView, type RepairView } from '@/db/queries/credit-records';
import { currentPolicy } from '@/lib/policy';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import type { CreditPolicy } from '@/lib/domain/credit-policy';
import { CREDIT_CATEGORY_LABELS, CREDIT_PHASE_LABELS, SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { creditRecordPhase, repairIsOverdue, repairRefusal } from '@/lib/domain/records';
import { formatDate, formatDateTime } from '@/lib/format';
import { StatementForm } from './_components/statement-form';

export const metadata: Metadata = { title: '企业信用记录', robots: { index: false } };

function Points({ r }: { r: CreditRecordView }) {
  const sign = r.category === 'performance' ? '加' : '扣';
  if (r.points != null) return <>{`${sign} ${Number(r.points)} 分`}</>;
  return <>{r.proposedPoints != null ? `建议${sign} ${Number(r.proposedPoints)} 分（待核准）` : '—'}</>;
}

function RecordCard({ r, on, policy, objection, openRepair }: { r: CreditRecordView; on: string; policy: CreditPolicy; objection: boolean; openRepair: RepairView | undefined }) {
  const phase = creditRecordPhase(r, on, policy);
  const refusal = r.category === 'warning' ? repairRefusal(r, on, policy) : null;
  // In force (counting, or confirmed and waiting for publication): the statement, objection and repair apply.
  const inForce = r.status === 'approved' && (phase === 'public' || phase === 'internal' || phase === 'unpublished');
  const headingId = `record-${r.id}`;
  const facts: [string, React.ReactNode][] = [
    ['状态', CREDIT_PHASE_LABELS[phase] ?? phase],
    ['发生日期', formatDate(r.occurredOn)],
    ['物业项目', r.projectName ?? '企业整体'],
    ...(r.category === 'warning' ? ([['情节', r.severity ?? '—']] as [string, React.ReactNode][]) : []),
    ['分值', <Points key="p" r={r} />],
    ['公布日期', r.publishedOn ? formatDate(r.publishedOn) : r.isPenalty && r.status === 'approved' ? '待公布' : '—'],
    ['停止计入信用评价日期', r.publicUntil ? formatDate(r.publicUntil) : '—'],
  ];
  if (r.category === 'warning' && inForce) facts.push(['可申请信用修复日期', r.minPublicUntil ? `${formatDate(r.minPublicUntil)} 起` : '公布后确定']);
  if (r.isPenalty) facts.push(['处罚决定日期', formatDate(r.decisionOn)]);
  if (r.issuer) facts.push(['发文单位及文号', r.issuer]);
  facts.push(['报送单位', r.reporterName ?? '本企业']);
  if (r.repairedOn) facts.push(['信用修复日期', formatDate(r.repairedOn)]);
  if (r.status === 'rejected' && r.decisionReason) facts.push(['未予采纳理由', r.decisionReason]);
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="font-semibold">
        {r.type}
        {r.isPenalty && !r.type.includes('行政处罚') && <span className="ml-1 text-sm font-normal text-slate-600">（行政处罚）</span>}
        <ObjectionBadge open={objection} />
      </h3>
      <p className="mt-1 text-sm text-slate-700">{r.description}</p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-600">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <CorrectionNotes corrections={r.corrections} />
      <StatementNote statement={r.statement} by="企业" />
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {r.noticeCode && (
          <Link href={`/company/credit/${r.id}/notice`} className="text-brand-800 underline">
            查看告知书（{r.noticeCode}）
          </Link>
        )}
        {inForce && (
          <Link href={`/objections/new?record=${r.id}`} className="text-brand-800 underline">
            对此信息提出异议
          </Link>
        )}
      </div>
      {r.category === 'warning' && inForce && (
        <p className="mt-2 text-sm">
          {openRepair ? (
            <span className={repairIsOverdue(openRepair.decideBy, on) ? 'text-red-800' : 'text-slate-700'}>
              信用修复申请审核中，住建部门应于 {formatDate(openRepair.decideBy)} 前作出决定
              {repairIsOverdue(openRepair.decideBy, on) ? '（已逾期）' : ''}。
            </span>
          ) : refusal === null ? (
            <Link href={`/company/credit/${r.id}/repair`} className="font-medium text-brand-800 underline">
              申请信用修复
            </Link>
          ) : phase === 'public' || phase === 'internal' ? (
            <span className="text-slate-700">{refusal}</span>
          ) : null}
        </p>
      )}
      {inForce && (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-800">{r.statement ? '修改或撤回声明' : '发表声明'}</summary>
          <StatementForm recordId={r.id} current={r.statement} />
        </details>
      )}
    </article>
  );
}

export default async function CompanyCreditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/credit');
  if (!actor.companyId) notFound();
  const db = getDb();
  const on = today();
  const [records, repairs, policy] = await Promise.all([listCompanyCreditRecords(db, actor.companyId), listCompanyRepairs(db, actor.companyId), currentPolicy()]);
  const objections = await recordsUnderObjection(
    db,
    'credit_record',
    records.map((r) => r.id),
  );
  const openRepairs = new Map(repairs.filter((s) => s.status === 'submitted').map((s) => [s.recordId, s]));
  const sp = await searchParams;
  const groups = (['warning', 'performance'] as const).map((c) => ({ category: c, records: records.filter((r) => r.category === c) }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业信用记录</h1>
      <p>
        <Link href="/company/credit/report" className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 font-semibold text-brand-800">
          打印信用报告
        </Link>
      </p>
      {sp.filed && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          业绩信息已报送，等待住建部门核准分值。
        </p>
      )}
      {sp.repair && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          信用修复申请已提交，住建部门将在 {policy.settings.creditRepairDecisionWorkingDays} 个工作日内作出决定。
        </p>
      )}
      <section aria-labelledby="about-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="about-heading" className="text-lg font-semibold">
          说明
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm text-slate-700">
          <li>
            警示信息按情节轻重公示并计入信用评价：一般失信最短 3 个月、最长 1 年，严重失信最短 1 年、最长 3
            年，情节轻微的不公示。到“停止计入信用评价日期”即自动停止公示和计分。
          </li>
          <li>最短公示期届满、已纠正失信行为的，可申请信用修复；修复后该记录不再公示，也不再计入信用评价。</li>
          <li>对记录有异议的，可以提出核查申请并提供书面证据；也可以附一段公开声明。</li>
        </ul>
        <p className="mt-3">
          <Link href="/company/credit/new-performance" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white">
            报送业绩信息
          </Link>
        </p>
      </section>
      {groups.map((g) => (
        <section key={g.category} aria-labelledby={`${g.category}-heading`} className="space-y-3">
          <h2 id={`${g.category}-heading`} className="text-lg font-semibold">
            {CREDIT_CATEGORY_LABELS[g.category]}（{g.records.length}）
          </h2>
          {g.records.length === 0 ? (
            <p className="rounded-lg bg-white p-4 text-slate-600 shadow-sm">没有记录。</p>
          ) : (
            g.records.map((r) => <RecordCard key={r.id} r={r} on={on} policy={policy.settings} objection={objections.has(r.id)} openRepair={openRepairs.get(r.id)} />)
          )}
        </section>
      ))}
      {repairs.length > 0 && (
        <section aria-labelledby="repairs-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="repairs-heading" className="mb-3 text-lg font-semibold">
            信用修复申请
          </h2>
          <ListTable
            caption="本企业的信用修复申请"
            rows={repairs}
            rowKey={(s) => s.id}
            columns={[
              { label: '记录', rowHeader: true, cell: (s) => s.recordType },
              { label: '提交时间', cell: (s) => formatDateTime(s.submittedAt) },
              { label: '应决定日期', cell: (s) => formatDate(s.decideBy) },
              { label: '结果', cell: (s) => `${SUBMISSION_STATUS_LABELS[s.status] ?? s.status}${s.reason ? `：${s.reason}` : ''}` },
            ]}
          />
        </section>
      )}
    </div>
  );
}
