import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listStreetEstates, listStreetReports } from '@/db/queries/credit-records';
import { WARNING_TYPES } from '@/db/seed/names';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { formatDate, formatDateTime } from '@/lib/format';
import { WarningReportForm } from './_components/warning-report-form';

export const metadata: Metadata = { title: '企业警示信息', robots: { index: false } };

function outcome(r: { status: string; severity: string | null; points: string | null; decisionReason: string | null }) {
  switch (r.status) {
    case 'submitted':
      return '待住建部门确认';
    case 'approved':
    case 'repaired':
      return `已确认：${r.severity ?? ''}，扣 ${Number(r.points)} 分${r.status === 'repaired' ? '（企业已完成信用修复）' : ''}`;
    case 'rejected':
      return `未予采纳：${r.decisionReason ?? ''}`;
    case 'corrected':
      return '经异议核查已撤销';
    default:
      return r.status;
  }
}

export default async function StreetWarningsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['street'], '/street/warnings');
  const db = getDb();
  const [estates, reports] = await Promise.all([listStreetEstates(db, actor), listStreetReports(db, actor)]);
  const sp = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业警示信息</h1>
      {sp.reported && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          警示信息已报送，等待住建部门核准分值和情节。
        </p>
      )}
      <section aria-labelledby="report-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="report-heading" className="mb-1 text-lg font-semibold">
          报送警示信息
        </h2>
        <p className="mb-4 text-sm text-slate-700">
          街道、社区通过日常监管，及时采集物业服务企业的警示信用信息，同时提出记分建议；住建部门核准确定分值后公布（“红黑榜”管理办法第八条）。
        </p>
        {estates.length === 0 ? (
          <p className="text-slate-600">本辖区目前没有由物业服务企业服务的项目。</p>
        ) : (
          <WarningReportForm estates={estates} suggestions={WARNING_TYPES.map(([t]) => t)} today={today()} />
        )}
      </section>
      <section aria-labelledby="mine-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="mine-heading" className="mb-3 text-lg font-semibold">
          本单位报送的警示信息
        </h2>
        {reports.length === 0 ? (
          <p className="text-slate-600">还没有报送过警示信息。</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">本单位报送的警示信息及处理结果</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="p-2">事项</th>
                  <th scope="col" className="p-2">项目 · 企业</th>
                  <th scope="col" className="p-2">发现日期</th>
                  <th scope="col" className="p-2">报送时间</th>
                  <th scope="col" className="p-2">处理结果</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="p-2 font-medium">
                      {r.type}
                    </th>
                    <td className="p-2">
                      {r.projectName ?? '—'}
                      <span className="block text-xs text-slate-600">{r.companyName}</span>
                    </td>
                    <td className="p-2">{formatDate(r.occurredOn)}</td>
                    <td className="p-2">{formatDateTime(r.createdAt)}</td>
                    <td className="p-2">{outcome(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
