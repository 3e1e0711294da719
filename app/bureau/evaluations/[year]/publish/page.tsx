import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { UnpagedList } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { requireActor } from '@/lib/auth/actor';
import { GRADES } from '@/lib/domain/credit-rating';
import { previewEvaluationPublication } from '@/lib/services/evaluations';
import { ConfirmPublishForm } from '../../_components/forms';

export const metadata: Metadata = { title: '核对并公布年度评价', robots: { index: false } };

/**
 * Check your answers before publishing a year (ZT 五.(三)): exactly what becomes public and what follows, as the
 * publishing code itself computes it (a dry run), then the second confirmation carrying the plan's fingerprint.
 */
export default async function PublishEvaluationPage({ params }: { params: Promise<{ year: string }> }) {
  const { year } = await params;
  const actor = await requireActor(['city'], `/bureau/evaluations/${year}/publish`);
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) notFound();
  const r = await previewEvaluationPublication(getDb(), actor, { year: y });
  const back = <BackLink href={`/bureau/evaluations?year=${y}`}>返回年度评价</BackLink>;
  if (!r.ok) {
    if (r.code === 'FORBIDDEN' || r.code === 'UNAUTHENTICATED') notFound();
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-bold">核对并公布{y}年度信用评价</h1>
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {r.message}
        </p>
      </div>
    );
  }
  const { plan, fingerprint, refusal } = r.data;
  const counts = GRADES.map((g) => [g, plan.companies.filter((c) => c.grade === g).length] as const);
  return (
    <div className="space-y-5">
      {back}
      <h1 className="text-2xl font-bold">核对并公布{y}年度信用评价</h1>
      <p className="text-slate-700">
        公布后不能撤回或重新计算。请核对下列内容：公布后各企业的得分和等级对外公开，并同时执行以下措施。
      </p>
      {refusal && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {refusal}
        </p>
      )}

      <section aria-labelledby="summary-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="summary-heading" className="mb-2 text-lg font-semibold">
          公开的结果（{plan.companies.length} 家企业）
        </h2>
        <p className="text-sm text-slate-700">{counts.map(([g, n]) => `${g} 级 ${n} 家`).join('，')}。</p>
      </section>

      <section aria-labelledby="interviews-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="interviews-heading" className="mb-2 text-lg font-semibold">
          约谈并下发风险提示函（{plan.interviews.length}）
        </h2>
        <p className="mb-2 text-sm text-slate-700">得分低于约谈线的企业：所在区县物业行政主管部门于 {plan.interviewDue} 前约谈，企业可查看并打印风险提示函。</p>
        <UnpagedList
          caption="将约谈并下发风险提示函的企业"
          rows={plan.interviews}
          rowKey={(c) => c.companyId}
          empty={{ none: '无。' }}
          columns={[
            { label: '企业', rowHeader: true, className: 'font-normal', cell: (c) => c.name },
            { label: '得分', className: 'text-right font-mono', cell: (c) => c.score },
            { label: '约谈部门', cell: (c) => c.districtName ?? '所在县（市、区）' },
          ]}
        />
      </section>

      <section aria-labelledby="black-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="black-heading" className="mb-2 text-lg font-semibold">
          列入黑榜（{plan.blackList.length}）
        </h2>
        <UnpagedList
          caption="将列入黑榜的企业"
          rows={plan.blackList}
          rowKey={(c) => c.companyId}
          empty={{ none: '无企业因本次公布列入黑榜。' }}
          columns={[
            { label: '企业', rowHeader: true, className: 'font-normal', cell: (c) => c.name },
            { label: '列入原因', cell: (c) => c.reason },
            { label: '公示期', cell: (c) => `${c.since} 至 ${c.until}` },
          ]}
        />
      </section>

      <section aria-labelledby="all-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="all-heading" className="mb-2 text-lg font-semibold">
          全部企业的得分和等级
        </h2>
        <UnpagedList
          caption={`${y}年度将公开的得分和等级`}
          rows={plan.companies}
          rowKey={(c) => c.companyId}
          empty={{ none: '无。' }}
          columns={[
            { label: '企业', rowHeader: true, className: 'font-normal', cell: (c) => c.name },
            { label: '统一社会信用代码', className: 'font-mono', cell: (c) => c.uscc },
            { label: '得分', className: 'text-right font-mono', cell: (c) => (c.vetoed ? '一票否决' : c.score) },
            { label: '等级', cell: (c) => c.grade },
          ]}
        />
      </section>

      {!refusal && (
        <section aria-labelledby="confirm-heading" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
          <h2 id="confirm-heading" className="mb-2 text-lg font-semibold">
            确认公布
          </h2>
          <ConfirmPublishForm year={y} fingerprint={fingerprint} />
        </section>
      )}
    </div>
  );
}
