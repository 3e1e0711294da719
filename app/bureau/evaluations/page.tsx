import type { Metadata } from 'next';
import Link from 'next/link';
import { Breakdown } from '@/components/evaluations/breakdown';
import { ListTable } from '@/components/list-kit/table';
import { FilterBar, SelectFilter, UnpagedList } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { evaluationsOfYear, interviewsInScope, riskLetterCodes, yearPublishedAt } from '@/db/queries/evaluations';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { GRADES, needsInterview } from '@/lib/domain/credit-rating';
import { formatDateTime } from '@/lib/format';
import { EvaluationActions } from './_components/forms';
import { ExportLink } from '@/components/list-kit/export-link';
import { upgradeFlagsOfYear } from '@/db/queries/company-flags';
import { upgradeNote } from '@/lib/domain/company-flags';
import { cite } from '@/lib/domain/regulations';

export const metadata: Metadata = { title: '年度评价', robots: { index: false } };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * ZT 五.(三) annual evaluation. The city picks a year, computes it (a preview: grade counts and the companies below
 * the line), then publishes it once. Districts see their companies' published evaluations and interviews.
 */
export default async function EvaluationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/evaluations');
  const sp = await searchParams;
  const thisYear = Number(today().slice(0, 4));
  const asked = Number(one(sp.year));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear - 1;
  const done = one(sp.done);
  const db = getDb();
  const isCity = can(actor, 'evaluation.run');
  const [publishedAt, policy] = await Promise.all([yearPublishedAt(db, year), currentPolicy()]);
  // Unpublished results stay with the city.
  const rows = await evaluationsOfYear(db, actor, year, { publishedOnly: !isCity });
  const letters = publishedAt ? await riskLetterCodes(db, rows.map((r) => r.id)) : new Map<string, string>();
  // DW 14 优先晋升信用等级: noted beside the grade, not added to the score (decision 035).
  const upgrade = await upgradeFlagsOfYear(db, rows.map((r) => r.companyId), year);
  const upgradeOf = (companyId: string) => upgradeNote(upgrade.get(companyId) ?? [], year);
  const priority = rows.filter((r) => upgradeOf(r.companyId));
  const interviews = publishedAt ? await interviewsInScope(db, actor, year) : [];
  const line = policy.settings.interviewBelow;
  const below = rows.filter((r) => !r.vetoed && needsInterview(r.score, { interviewBelow: line }));
  const counts = Object.fromEntries(GRADES.map((g) => [g, rows.filter((r) => r.grade === g).length]));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">年度信用评价</h1>
      <p className="text-slate-700">
        得分 = 基础分 {policy.settings.annualBaseScore} 分 + 年度内计分的业绩信息加分 − 警示信息扣分；低于 {line} 分的约谈并下发风险提示函，连续{' '}
        {policy.settings.blackListAfterYearsBelow} 年低于 {line} 分的列入黑榜；当年一票否决的取消评价资格（D 级）。
      </p>
      {done === 'run' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已计算{year}年度信用评价（预览，尚未公布）。
        </p>
      )}
      {done === 'published' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已公布{year}年度信用评价。
        </p>
      )}
      <FilterBar submitLabel="查看">
        <SelectFilter name="year" label="评价年度" value={String(year)} options={years.map((y) => ({ value: String(y), label: `${y}年度` }))} />
      </FilterBar>
      {rows.length > 0 && (
        <p>
          <ExportLink path="/bureau/evaluations" filters={{ year }} label={`导出${year}年度评价（Excel）`} />
        </p>
      )}

      <section aria-labelledby="status-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="status-heading" className="mb-2 text-lg font-semibold">
          {year}年度：{publishedAt ? `已于 ${formatDateTime(publishedAt)} 公布` : rows.length ? '已计算，尚未公布' : isCity ? '尚未计算' : '尚未公布'}
        </h2>
        {isCity && <EvaluationActions year={year} computed={rows.length > 0} published={!!publishedAt} />}
        {rows.length > 0 && (
          <dl className="mt-4 grid grid-cols-3 gap-3 sm:grid-cols-6" aria-label="等级分布">
            <div>
              <dt className="text-sm text-slate-600">企业数</dt>
              <dd className="text-xl font-semibold">{rows.length}</dd>
            </div>
            {GRADES.map((g) => (
              <div key={g}>
                <dt className="text-sm text-slate-600">{g} 级</dt>
                <dd className="text-xl font-semibold">{counts[g]}</dd>
              </div>
            ))}
            <div>
              <dt className="text-sm text-slate-600">一票否决</dt>
              <dd className="text-xl font-semibold">{rows.filter((r) => r.vetoed).length}</dd>
            </div>
          </dl>
        )}
      </section>

      {rows.length > 0 && (
        <section aria-labelledby="below-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="below-heading" className="mb-2 text-lg font-semibold">
            得分低于 {line} 分（{below.length}）
          </h2>
          <UnpagedList
            caption={`得分低于 ${line} 分的企业`}
            rows={below}
            rowKey={(r) => r.id}
            empty={{ none: '无。' }}
            columns={[
              { label: '企业', rowHeader: true, className: 'font-normal', cell: (r) => r.companyName },
              { label: '注册区县', cell: (r) => r.districtName ?? '—' },
              { label: '得分', className: 'text-right font-mono', cell: (r) => r.score!.toFixed(2) },
              {
                label: '风险提示函',
                cell: (r) =>
                  letters.get(r.id) ? (
                    <Link href={`/bureau/evaluations/${year}/letters/${r.companyId}`} className="text-brand-800 underline">
                      {letters.get(r.id)}
                    </Link>
                  ) : (
                    '公布后出具'
                  ),
              },
            ]}
          />
        </section>
      )}

      {rows.length > 0 && (
        <section aria-labelledby="upgrade-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="upgrade-heading" className="mb-2 text-lg font-semibold">
            享有优先晋升信用等级的企业（{priority.length}）
          </h2>
          <p className="mb-2 text-sm text-slate-700">
            {year}年度内所管小区连续三次评为“优秀”或“良好”，或连续三次“差”后整改合格的企业（{cite('DW', '第十四条')}）。办法未规定加分，得分不变；评定等级和评先评优时，同等条件下优先考虑。
          </p>
          <UnpagedList
            caption={`${year}年度享有优先晋升信用等级的企业`}
            rows={priority}
            rowKey={(r) => r.id}
            empty={{ none: '无。' }}
            columns={[
              { label: '企业', rowHeader: true, className: 'font-normal', cell: (r) => r.companyName },
              { label: '得分 · 等级', cell: (r) => `${r.vetoed ? '一票否决' : r.score!.toFixed(2)} · ${r.grade} 级` },
              { label: '依据', cell: (r) => upgradeOf(r.companyId) },
            ]}
          />
        </section>
      )}

      {interviews.length > 0 && (
        <section aria-labelledby="interviews-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="interviews-heading" className="mb-2 text-lg font-semibold">
            约谈（{interviews.length}）
          </h2>
          <ul className="space-y-1 text-sm">
            {interviews.map((i) => (
              <li key={i.id}>
                {i.companyName}：{i.title}，约谈期限 {i.dueOn}
              </li>
            ))}
          </ul>
        </section>
      )}

      {rows.length > 0 && (
        <section aria-labelledby="all-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="all-heading" className="mb-2 text-lg font-semibold">
            全部企业（得分由低到高）
          </h2>
          <ListTable
            caption={`${year}年度全部企业的信用评价`}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { label: '企业', rowHeader: true, className: 'font-normal', cell: (r) => r.companyName },
              { label: '统一社会信用代码', className: 'font-mono', cell: (r) => r.uscc },
              { label: '得分', className: 'text-right font-mono', cell: (r) => (r.vetoed ? '一票否决' : r.score!.toFixed(2)) },
              { label: '等级', cell: (r) => (upgradeOf(r.companyId) ? `${r.grade}（优先晋升）` : r.grade) },
              {
                label: '得分明细',
                cell: (r) => (
                  <details>
                    <summary className="cursor-pointer text-brand-800">{r.breakdown.length} 条计分记录</summary>
                    <div className="mt-2 overflow-x-auto sm:min-w-96">
                      <Breakdown evaluation={r} />
                    </div>
                  </details>
                ),
              },
              { label: '政策版本', cell: (r) => `第 ${r.policyVersion} 版` },
            ]}
          />
        </section>
      )}
    </div>
  );
}
