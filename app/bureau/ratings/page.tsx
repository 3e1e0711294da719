import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RatingBadge } from '@/components/ratings/rating-badge';
import { getDb } from '@/db';
import { getPublication, listDistricts, listPublishedQuarters, listRatingTable, ratingProgress } from '@/db/queries/ratings';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { parseQuarterKey, quarterFromIndex, quarterIndex, quarterKey, quarterLabel, quarterOf, type EstateRating } from '@/lib/domain/credit-rating';
import { formatDateTime } from '@/lib/format';
import { defaultRatingQuarter } from '@/lib/services/ratings';
import { PublishForm } from './publish-form';
import { RatingsTable, type TableRow } from './ratings-table';

export const metadata: Metadata = { title: '季度评定', robots: { index: false } };

const shortLabel = (i: number) => {
  const q = quarterFromIndex(i);
  return `${q.year}年Q${q.quarter}`;
};

export default async function RatingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/ratings');
  if (!can(actor, 'rating.enter')) notFound();
  const db = getDb();
  const sp = await searchParams;
  const on = today();
  const current = quarterOf(on);
  const published = await listPublishedQuarters(db);
  const asked = parseQuarterKey(typeof sp.q === 'string' ? sp.q : null);
  const q = asked && quarterIndex(asked) <= quarterIndex(current) ? asked : defaultRatingQuarter(published, on);
  const qi = quarterIndex(q);
  const isCity = actor.role === 'city';
  const districts = isCity ? await listDistricts(db) : [];
  const district = isCity ? (typeof sp.district === 'string' && districts.some((d) => d.id === sp.district) ? sp.district : (districts[0]?.id ?? null)) : null;
  const [publication, progress, rows, policy] = await Promise.all([
    getPublication(db, q),
    ratingProgress(db, actor, q),
    listRatingTable(db, actor, q, district),
    currentPolicy(),
  ]);
  const earlierIdx = [qi - 3, qi - 2, qi - 1];
  const tableRows: TableRow[] = rows.map((r) => ({
    projectId: r.projectId,
    projectName: r.projectName,
    districtName: r.districtName,
    companyName: r.companyName,
    score: r.score,
    rating: r.rating,
    earlier: earlierIdx.map((i) => (r.earlier.find((e) => quarterIndex(e) === i)?.rating ?? null) as EstateRating | null),
  }));
  const shown = progress.filter((p) => !district || p.districtId === district);
  const rated = shown.reduce((s, p) => s + p.rated, 0);
  const total = shown.reduce((s, p) => s + p.estates, 0);
  const allRated = progress.reduce((s, p) => s + p.rated, 0);
  const allTotal = progress.reduce((s, p) => s + p.estates, 0);
  const options = Array.from({ length: 8 }, (_, i) => quarterFromIndex(quarterIndex(current) - i));
  const isPublished = (i: number) => published.some((p) => quarterIndex(p) === i);
  const label = quarterLabel(q);
  const t = policy.settings.estateRating;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">住宅小区季度评定</h1>
        <Link href="/bureau/ratings/rectifications" className="text-blue-800 underline">
          整改期项目复查
        </Link>
      </div>
      <p className="text-slate-700">
        依据第十条、第十二条，每季度对辖区内住宅小区评定一次：检查得分 {t.excellent} 分及以上为“优秀”，{t.good} 分及以上为“良好”，低于 {t.good} 分为“差”（第 {policy.version} 版信用政策）。结果经市住建局发布后公开。
      </p>

      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="q" className="block font-medium">
            季度
          </label>
          <select id="q" name="q" defaultValue={quarterKey(q)} className="mt-1 rounded border border-slate-400 px-3 py-2">
            {options.map((o) => (
              <option key={quarterKey(o)} value={quarterKey(o)}>
                {quarterLabel(o)}
                {isPublished(quarterIndex(o)) ? '（已发布）' : '（未发布）'}
              </option>
            ))}
          </select>
        </div>
        {isCity && (
          <div>
            <label htmlFor="district" className="block font-medium">
              区县
            </label>
            <select id="district" name="district" defaultValue={district ?? ''} className="mt-1 rounded border border-slate-400 px-3 py-2">
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="rounded border border-slate-500 px-4 py-2">
          查看
        </button>
      </form>

      {isCity && (
        <section aria-labelledby="publish-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="publish-heading" className="mb-3 text-lg font-semibold">
            {label}各区县评定进度
          </h2>
          <table className="mb-4 w-full max-w-xl text-left text-sm" data-testid="rating-progress">
            <caption className="sr-only">各区县已评定的住宅小区数和应评定数</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">区县</th>
                <th scope="col" className="py-2">已评定 / 应评定</th>
                <th scope="col" className="py-2">完成情况</th>
              </tr>
            </thead>
            <tbody>
              {progress.map((p) => (
                <tr key={p.districtId} className="border-b border-slate-100">
                  <th scope="row" className="py-1.5 font-medium">
                    {p.districtName}
                  </th>
                  <td className="py-1.5">
                    {p.rated} / {p.estates}
                  </td>
                  <td className="py-1.5">{p.rated >= p.estates ? '已完成' : `尚缺 ${p.estates - p.rated} 个`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {can(actor, 'rating.publish') && (
            <PublishForm
              key={quarterKey(q)}
              quarter={quarterKey(q)}
              quarterLabel={label}
              complete={allRated >= allTotal}
              publishedNote={publication ? `${label}评定结果已于 ${formatDateTime(publication.publishedAt)} 由${publication.publishedByName ?? '市住建局'}发布。` : null}
            />
          )}
        </section>
      )}

      <section aria-labelledby="table-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="table-heading" className="text-lg font-semibold">
          {label}检查得分
        </h2>
        <p className="mb-3 text-slate-700" data-testid="rating-count">
          已评定 {rated} / {total} 个住宅小区{publication ? '（已发布，只读）' : ''}
        </p>
        {publication ? (
          <>
            <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-amber-900">{label}评定结果已发布，不能再修改。</p>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{label}住宅小区评定结果（已发布）</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  {isCity && <th scope="col" className="py-2 pr-3">区县</th>}
                  <th scope="col" className="py-2 pr-3">物业项目</th>
                  <th scope="col" className="py-2 pr-3">季度末服务企业</th>
                  <th scope="col" className="py-2 pr-3">检查得分</th>
                  <th scope="col" className="py-2">评定</th>
                </tr>
              </thead>
              <tbody>
                {tableRows.map((r) => (
                  <tr key={r.projectId} className="border-b border-slate-100">
                    {isCity && <td className="py-1.5 pr-3">{r.districtName}</td>}
                    <th scope="row" className="py-1.5 pr-3 font-medium">
                      {r.projectName}
                    </th>
                    <td className="py-1.5 pr-3">{r.companyName ?? '—'}</td>
                    <td className="py-1.5 pr-3">{r.score ?? '—'}</td>
                    <td className="py-1.5">
                      <RatingBadge rating={r.rating} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : tableRows.length === 0 ? (
          <p>辖区内没有需要评定的住宅小区。</p>
        ) : (
          <RatingsTable quarter={quarterKey(q)} quarterLabel={label} earlierLabels={earlierIdx.map(shortLabel)} rows={tableRows} showDistrict={isCity} />
        )}
      </section>
    </div>
  );
}
