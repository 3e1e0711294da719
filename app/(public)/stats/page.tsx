import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { BarChart, LineChart } from '@/components/charts/charts';
import { getDb } from '@/db';
import { getPublicStats } from '@/db/queries/public-stats';
import { today } from '@/lib/clock';
import { formatDate } from '@/lib/format';
import {
  CASE_LABELS,
  COVERAGE_SERIES,
  GRADE_SERIES,
  LIST_SERIES,
  RATING_SERIES,
  coverageRows,
  gradeRows,
  handlingSentence,
  listDistrictRows,
  listMonthRows,
  ratingRows,
} from '@/lib/stats/tables';
import { currentPolicy } from '@/lib/policy';

export const metadata: Metadata = {
  title: '统计数据',
  description: '全市物业服务企业信用等级分布、红黑榜分区县和逐月变化、小区季度评定结果、投诉与异议办理用时、从业人员登记覆盖情况。',
  alternates: { canonical: '/stats' },
};

/** Rendered per request (its scripts carry the request's CSP nonce); kept by the page cache (decision 021, 030). */
export const dynamic = 'force-dynamic';

function Section({ id, title, intro, children }: { id: string; title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id={`${id}-heading`} className="mb-1 text-lg font-semibold">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{intro}</p>
      {children}
    </section>
  );
}

export default async function StatsPage() {
  const on = today();
  const [s, policy] = await Promise.all([getPublicStats(getDb(), on), currentPolicy()]);
  const g = policy.settings.grades;
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">统计数据</h1>
      <p className="text-slate-800">
        截至 <time dateTime={on}>{formatDate(on)}</time> 的全市数据，数据变动后即时更新。每张图下方可展开数据表；也可下载{' '}
        <a href="/api/v1/stats" className="text-brand-700 underline">
          JSON
        </a>{' '}
        或{' '}
        <a href="/api/v1/stats?format=csv" className="text-brand-700 underline" download>
          CSV
        </a>{' '}
        格式的全部数据。
      </p>

      <Section id="grades" title="企业信用等级分布" intro={`已备案企业按最近一次公布的年度信用评价等级统计：A 级 ≥ ${g.A} 分，B 级 ≥ ${g.B} 分，C 级 ≥ ${g.C} 分，D 级低于 ${g.C} 分或被一票否决。`}>
        <BarChart id="chart-grades" title="企业信用等级分布（家）" head="等级" series={GRADE_SERIES} rows={gradeRows(s)} />
      </Section>

      <Section id="lists" title="红黑榜分区县" intro="今日在榜的红榜、黑榜条目，按企业注册所在区县统计。在黑榜的企业不再显示在红榜。">
        <BarChart id="chart-lists-district" title="今日在榜条目，按区县（条）" head="区县" series={LIST_SERIES} rows={listDistrictRows(s)} />
      </Section>

      <Section id="lists-time" title="红黑榜逐月新增" intro={`最近 ${s.listsByMonth.length} 个月每月新列入红榜、黑榜的条目数（按列入日期）。`}>
        <LineChart id="chart-lists-month" title="每月新列入红黑榜的条目（条）" head="月份" series={LIST_SERIES} rows={listMonthRows(s)} />
      </Section>

      <Section id="ratings" title="小区季度评定" intro="已公布季度的住宅小区评定结果：优秀、良好、差的小区数。">
        {s.ratingsByQuarter.length === 0 ? (
          <p className="text-slate-700">尚无已公布的季度评定结果。</p>
        ) : (
          <BarChart id="chart-ratings" title="各季度小区评定结果（个）" head="季度" series={RATING_SERIES} rows={ratingRows(s)} />
        )}
      </Section>

      <Section id="handling" title="投诉与异议办理用时" intro="从业主或当事人提交之时，到住建部门作出处理决定之时的天数。">
        <ul className="space-y-2 text-slate-800">
          {s.handling.map((h) => (
            <li key={h.kind}>
              <strong>{CASE_LABELS[h.kind]}：</strong>
              {handlingSentence(h)}
            </li>
          ))}
        </ul>
      </Section>

      <Section id="coverage" title="从业人员登记覆盖" intro="有物业服务企业的小区中，已有经审核通过的从业人员登记在册的小区所占比例（《遂宁市物业服务从业人员执业管理办法》第八条：全覆盖）。">
        <BarChart id="chart-coverage" title="已登记从业人员的小区占比，按区县（%）" head="区县" series={COVERAGE_SERIES} rows={coverageRows(s)} unit="%" max={100} />
        <p className="mt-2 text-sm text-slate-700">
          {s.coverage.map((c) => `${c.name} ${c.withStaff}/${c.estates} 个小区`).join('；')}。
        </p>
      </Section>
    </div>
  );
}
