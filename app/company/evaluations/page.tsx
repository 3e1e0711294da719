import type { Metadata } from 'next';
import Link from 'next/link';
import { Breakdown } from '@/components/evaluations/breakdown';
import { getDb } from '@/db';
import { evaluationsOfCompany, interviewsInScope, riskLetterCodes } from '@/db/queries/evaluations';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { formatDateTime } from '@/lib/format';
import { upgradeFlagsOfYear } from '@/db/queries/company-flags';
import { upgradeNote } from '@/lib/domain/company-flags';

export const metadata: Metadata = { title: '信用评价', robots: { index: false } };

/** The company's published annual evaluations (ZT 五.(三)), each explained line by line, with its letters. */
export default async function CompanyEvaluationsPage() {
  const actor = await requireActor(['company'], '/company/evaluations');
  const db = getDb();
  const rows = actor.companyId ? await evaluationsOfCompany(db, actor.companyId, { publishedOnly: true }) : [];
  const [letters, interviews] = await Promise.all([riskLetterCodes(db, rows.map((r) => r.id)), interviewsInScope(db, actor)]);
  const interviewOf = new Map(interviews.map((i) => [i.evaluationId, i]));
  // DW 14 优先晋升信用等级 in each year (decision 035): a note beside the grade, the score unchanged.
  const upgrades = new Map(
    await Promise.all(rows.map(async (r) => [r.year, upgradeNote((await upgradeFlagsOfYear(db, [r.companyId], r.year)).get(r.companyId) ?? [], r.year)] as const)),
  );
  const { settings } = await currentPolicy();
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">年度信用评价</h1>
      <p className="text-slate-700">
        每年度由市住建部门评价并公布：基础分 {settings.annualBaseScore} 分，加上年度内计分的业绩信息加分，减去警示信息扣分。低于 {settings.interviewBelow}{' '}
        分的约谈并下发风险提示函。
      </p>
      {rows.length === 0 && <p className="text-slate-600">暂无已公布的年度信用评价。</p>}
      {rows.map((r) => (
        <section key={r.id} aria-labelledby={`y-${r.year}`} className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id={`y-${r.year}`} className="text-lg font-semibold">
            {r.year}年度：{r.vetoed ? '一票否决' : `${r.score!.toFixed(2)} 分`}，{r.grade} 级
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            公布于 {formatDateTime(r.publishedAt)} · 按信用政策第 {r.policyVersion} 版计算
          </p>
          {upgrades.get(r.year) && (
            <p role="note" className="mb-3 rounded bg-emerald-50 px-3 py-2 text-emerald-950">
              {upgrades.get(r.year)}
            </p>
          )}
          <Breakdown evaluation={r} caption="得分明细" />
          {interviewOf.get(r.id) && (
            <p role="note" className="mt-3 rounded bg-amber-50 px-3 py-2 text-amber-900">
              约谈通知：{interviewOf.get(r.id)!.title}。请于 {interviewOf.get(r.id)!.dueOn} 前接受约谈。
            </p>
          )}
          {letters.get(r.id) && (
            <p className="mt-3">
              <Link href={`/company/evaluations/${r.year}/letter`} className="font-medium text-red-800 underline">
                查看并打印风险提示函（编号 {letters.get(r.id)}）
              </Link>
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
