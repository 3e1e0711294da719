import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { UnpagedList } from '@/components/list-kit/signed-in';
import { RatingBadge } from '@/components/ratings/rating-badge';
import { getDb } from '@/db';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { DW14_CONSEQUENCES, parseQuarterKey, quarterKey, quarterLabel, type EstateRating } from '@/lib/domain/credit-rating';
import { previewQuarterPublication } from '@/lib/services/ratings';
import { ConfirmPublishForm } from '../publish-form';

export const metadata: Metadata = { title: '核对并发布季度评定', robots: { index: false } };

const LIST_NAMES = { red: '红榜', black: '黑榜' } as const;

/**
 * Check your answers before publishing a quarter (DW 12, 14): each estate's rating as the public will read it and
 * the runs of three this publication completes, as the publishing code itself computes them (a dry run), then the
 * second confirmation carrying the plan's fingerprint.
 */
export default async function PublishQuarterPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const actor = await requireActor(['city'], '/bureau/ratings/publish');
  if (!can(actor, 'rating.publish')) notFound();
  const q = parseQuarterKey(typeof sp.q === 'string' ? sp.q : '');
  if (!q) notFound();
  const key = quarterKey(q);
  const label = quarterLabel(q);
  const r = await previewQuarterPublication(getDb(), actor, { quarter: key });
  const back = <BackLink href={`/bureau/ratings?q=${key}`}>返回季度评定</BackLink>;
  if (!r.ok) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-bold">核对并发布{label}评定结果</h1>
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {r.fieldErrors?.quarter?.[0] ?? r.message}
        </p>
      </div>
    );
  }
  const { plan, fingerprint, refusal } = r.data;
  const count = (x: EstateRating) => plan.estates.filter((e) => e.rating === x).length;
  return (
    <div className="space-y-5">
      {back}
      <h1 className="text-2xl font-bold">核对并发布{label}评定结果</h1>
      <p className="text-slate-700">发布后评定结果对外公开，不能撤回或修改。请核对下列内容。</p>
      {refusal && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          {refusal}
        </p>
      )}

      <section aria-labelledby="dw14-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="dw14-heading" className="mb-2 text-lg font-semibold">
          第十四条措施（{plan.consequences.length}）
        </h2>
        <p className="mb-2 text-sm text-slate-700">本次发布使下列项目连续三次获得同一评定，发布时即执行：</p>
        <UnpagedList
          caption="本次发布触发第十四条措施的项目"
          rows={plan.consequences}
          rowKey={(c) => c.projectId}
          empty={{ none: '无项目因本次发布连续三次获得同一评定。' }}
          columns={[
            { label: '物业项目', rowHeader: true, className: 'font-normal', cell: (c) => c.name },
            { label: '连续评定', cell: (c) => `${c.quarters.join('、')}：${c.rating}` },
            { label: '列入', cell: (c) => (c.list ? `${LIST_NAMES[c.list]}（${c.since} 至 ${c.until ?? '复查结论作出'}）` : '不列入红黑榜') },
            { label: '措施', cell: (c) => [c.listReason, c.flagReason].filter(Boolean).join('；') || DW14_CONSEQUENCES[c.rating].join('；') },
          ]}
        />
      </section>

      <section aria-labelledby="estates-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="estates-heading" className="mb-2 text-lg font-semibold">
          公开的评定结果（{plan.estates.length} 个项目）
        </h2>
        <p className="mb-2 text-sm text-slate-700">
          优秀 {count('优秀')} 个，良好 {count('良好')} 个，差 {count('差')} 个。未评定的项目本季度不发布结果。
        </p>
        <UnpagedList
          caption={`${label}将公开的住宅小区评定结果`}
          rows={plan.estates}
          rowKey={(e) => e.projectId}
          empty={{ none: '本季度没有已评定的项目。' }}
          columns={[
            { label: '物业项目', rowHeader: true, className: 'font-normal', cell: (e) => e.name },
            { label: '季度末服务企业', cell: (e) => e.companyName },
            { label: '检查得分', className: 'text-right font-mono', cell: (e) => e.score },
            { label: '评定', cell: (e) => <RatingBadge rating={e.rating} /> },
          ]}
        />
      </section>

      {!refusal && (
        <section aria-labelledby="confirm-heading" className="rounded-lg border border-red-200 bg-white p-5 shadow-sm">
          <h2 id="confirm-heading" className="mb-2 text-lg font-semibold">
            确认发布
          </h2>
          <ConfirmPublishForm quarter={key} quarterLabel={label} fingerprint={fingerprint} />
        </section>
      )}
    </div>
  );
}
