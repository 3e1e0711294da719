import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { drawnRows, DrawTable, AlgorithmText } from '@/components/spot-checks/draw-view';
import { getDb } from '@/db';
import { publicItemsOfDraw } from '@/db/queries/spot-checks';
import { tagPage } from '@/lib/cache/page-tags';
import { quarterLabel } from '@/lib/domain/credit-rating';
import { draw, POPULATION_LABELS, sameResult, weightSummary } from '@/lib/domain/spot-check';
import { toDateString } from '@/lib/domain/working-days';
import { formatDate } from '@/lib/format';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { loadPublishedDraw } from './load';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const d = await loadPublishedDraw((await params).id);
  if (!d) return { title: '抽查不存在', robots: { index: false } };
  return { title: d.title, description: `${d.title}：抽取的种子、全部输入和结果，可重新抽取验证。`, alternates: { canonical: `/spot-checks/${d.id}` } };
}

/** A published draw: seed, inputs (summary + JSON download), result, and 重新抽取验证 (a plain GET: no JavaScript). */
export default async function PublicSpotCheckPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const d = await loadPublishedDraw((await params).id);
  if (!d) notFound();
  tagPage(`spotcheck:${d.id}`);
  const verify = (await searchParams).verify === '1';
  const status = new Map((await publicItemsOfDraw(getDb(), d.id)).map((i) => [i.rank, i.done]));
  const rows = drawnRows(d.inputs, d.result);
  const rerun = verify ? draw(d.seed, d.inputs) : null;
  const rerunRows = rerun ? drawnRows(d.inputs, rerun) : [];
  const same = rerun ? sameResult(rerun, d.result) : null;
  const q = { year: d.year, quarter: d.quarter };
  return (
    <div className="space-y-5">
      <Breadcrumbs trail={[{ href: '/spot-checks', label: '双随机抽查' }]} current={d.title} />
      <h1 className="text-2xl font-bold">{d.title}</h1>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-2 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">季度</dt>
        <dd>{quarterLabel(q)}</dd>
        <dt className="font-medium">抽查对象</dt>
        <dd>
          {POPULATION_LABELS[d.population]}，{d.districtName ?? '全市'}：共 {d.inputs.candidates.length} 个，抽取 {d.result.items.length} 个，每个派 {d.inputs.perItem} 名检查人员
          {d.inputs.avoidOwnDistrict ? '（区县人员回避本区县）' : ''}，每人最多 {d.inputs.loadCap} 个
        </dd>
        <dt className="font-medium">抽取日期</dt>
        <dd>{formatDate(toDateString(d.drawnAt))}</dd>
        <dt className="font-medium">公布日期</dt>
        <dd>{d.publishedAt ? formatDate(toDateString(d.publishedAt)) : '—'}</dd>
        <dt className="font-medium">种子</dt>
        <dd className="break-all font-mono text-sm">
          {d.seed}
          <span className="font-sans">（{d.seedSource === 'public' ? '事先约定的公开种子' : '抽取时由系统随机生成'}）</span>
        </dd>
        <dt className="font-medium">权重分布</dt>
        <dd>
          {weightSummary(d.inputs.candidates)
            .map((w) => `权重 ${w.weight}：${w.count} 个`)
            .join('；')}
        </dd>
        <dt className="font-medium">全部输入</dt>
        <dd>
          <a href={`/spot-checks/${d.id}/inputs.json`} download className="text-brand-700 underline">
            下载种子和输入（JSON）
          </a>
          ：每个候选对象的编号、名称、区县、权重和理由，检查人员名册，以及抽取结果。
        </dd>
      </dl>

      <section aria-labelledby="result" className="space-y-3">
        <h2 id="result" className="text-xl font-semibold">
          抽取结果
        </h2>
        <p className="text-slate-700">检查得分不在此公开：小区的得分计入季度评定，随季度评定结果一并发布。</p>
        <DrawTable rows={rows} caption="抽取结果" extra={{ label: '检查', cell: (r) => (status.get(r.rank) ? '已完成' : '未完成') }} />
      </section>

      <section aria-labelledby="verify" className="space-y-3">
        <h2 id="verify" className="text-xl font-semibold">
          重新抽取验证
        </h2>
        <p className="text-slate-700">用上面公布的种子和输入，在服务器上重新运行一次抽取，与公布的结果逐项比对。</p>
        <form method="get" action={`/spot-checks/${d.id}#verify`}>
          <input type="hidden" name="verify" value="1" />
          <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
            重新抽取验证
          </button>
        </form>
        {rerun && (
          <>
            <p role="status" className={`rounded px-3 py-2 font-semibold ${same ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
              重新抽取的结果与公布的结果{same ? '一致' : '不一致'}。
            </p>
            <DrawTable
              rows={rerunRows}
              caption="重新抽取的结果"
              extra={{
                label: '与公布结果比对',
                cell: (r) => {
                  const orig = rows.find((o) => o.rank === r.rank);
                  return orig && orig.id === r.id && orig.inspectors.join() === r.inspectors.join() ? '一致' : '不一致';
                },
              }}
            />
          </>
        )}
      </section>

      <section aria-labelledby="how" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="how" className="text-xl font-semibold">
          抽取方法
        </h2>
        <AlgorithmText />
        <p>
          也可以
          <a href="/spot-checks/verify" className="text-brand-700 underline">
            粘贴种子和输入自行验证
          </a>
          ，或用任何支持 HMAC-SHA256 的程序按上述步骤自己计算。
        </p>
      </section>
    </div>
  );
}
