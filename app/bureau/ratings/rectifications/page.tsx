import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { listRectifications } from '@/db/queries/ratings';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { calendarDaysBetween } from '@/lib/domain/working-days';
import { InspectionForm } from './inspection-form';

export const metadata: Metadata = { title: '整改期项目复查', robots: { index: false } };

export default async function RectificationsPage() {
  const actor = await requireActor(['city', 'district'], '/bureau/ratings/rectifications');
  if (!can(actor, 'rectification.issue')) notFound();
  const rows = await listRectifications(getDb(), actor);
  const on = today();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">整改期项目复查</h1>
        <span className="flex gap-4">
          <Link href="/bureau/ratings/flags" className="text-blue-800 underline">
            企业激励与监管标记
          </Link>
          <Link href="/bureau/ratings" className="text-blue-800 underline">
            返回季度评定
          </Link>
        </span>
      </div>
      <p className="text-slate-700">
        依据第十四条（三），住宅小区连续三次评定为“差”的，录入黑榜，项目进入整改期，整改期内重点监管。整改合格的移出黑榜，结束重点监管，记录“整改合格（晋升信用等级）”标记；拒不整改或整改不合格的，建议企业退出物业服务市场，三年内不得在本市从事物业管理活动。
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-5 shadow-sm">目前没有处于整改期的项目。</p>
      ) : (
        <ul className="space-y-4">
          {rows.map((r) => {
            const left = r.until ? calendarDaysBetween(on, r.until) : null;
            return (
              <li key={r.entryId} className="rounded-lg bg-white p-5 shadow-sm">
                <h2 className="text-lg font-semibold">
                  {r.projectName}
                  <span className="ml-2 text-sm font-normal text-slate-700">
                    {r.districtName} · {r.companyName}
                  </span>
                </h2>
                <p className="mt-1 text-sm text-slate-700">{r.reason}</p>
                <p className="mt-1 text-sm">
                  整改期：{r.since} 至 {r.until ?? '—'}
                  {left != null &&
                    (left >= 0 ? (
                      <span className="ml-2 font-medium text-amber-900">剩余 {left} 天</span>
                    ) : (
                      <span className="ml-2 font-medium text-red-800">已逾期 {-left} 天，请尽快复查</span>
                    ))}
                </p>
                <div className="mt-3">
                  <InspectionForm entryId={r.entryId} projectName={r.projectName} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
