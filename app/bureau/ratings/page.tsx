import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RatingBadge } from '@/components/ratings/rating-badge';
import { ListTable } from '@/components/list-kit/table';
import { FilterBar, SelectFilter } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { getPublication, listDistricts, listPublishedQuarters, listRatingTable, ratingProgress } from '@/db/queries/ratings';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { parseQuarterKey, quarterFromIndex, quarterIndex, quarterKey, quarterLabel, quarterOf, type EstateRating } from '@/lib/domain/credit-rating';
import { formatDateTime } from '@/lib/format';
import { defaultRatingQuarter } from '@/lib/services/ratings';
import { PublishLink } from './publish-form';
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
        <span className="flex gap-4">
          <Link href="/bureau/ratings/flags" className="text-blue-800 underline">
            企业激励与监管标记
          </Link>
          <Link href="/bureau/ratings/rectifications" className="text-blue-800 underline">
            整改期项目复查
          </Link>
        </span>
      </div>
      <p className="text-slate-700">
        依据第十条、第十二条，每季度对辖区内住宅小区评定一次：检查得分 {t.excellent} 分及以上为“优秀”，{t.good} 分及以上为“良好”，低于 {t.good} 分为“差”（第 {policy.version} 版信用政策）。结果经市住建局发布后公开。
      </p>

      <FilterBar submitLabel="查看">
        <SelectFilter
          name="q"
          label="季度"
          value={quarterKey(q)}
          options={options.map((o) => ({ value: quarterKey(o), label: `${quarterLabel(o)}${isPublished(quarterIndex(o)) ? '（已发布）' : '（未发布）'}` }))}
        />
        {isCity && <SelectFilter name="district" label="区县" value={district} options={districts.map((d) => ({ value: d.id, label: d.name }))} />}
      </FilterBar>

      {isCity && (
        <section aria-labelledby="publish-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="publish-heading" className="mb-3 text-lg font-semibold">
            {label}各区县评定进度
          </h2>
          <div className="mb-4 max-w-xl">
            <ListTable
              testId="rating-progress"
              caption="各区县已评定的住宅小区数和应评定数"
              rows={progress}
              rowKey={(p) => p.districtId}
              columns={[
                { label: '区县', rowHeader: true, cell: (p) => p.districtName },
                { label: '已评定 / 应评定', cell: (p) => `${p.rated} / ${p.estates}` },
                { label: '完成情况', cell: (p) => (p.rated >= p.estates ? '已完成' : `尚缺 ${p.estates - p.rated} 个`) },
              ]}
            />
          </div>
          {can(actor, 'rating.publish') && (
            <PublishLink
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
            <ListTable
              caption={`${label}住宅小区评定结果（已发布）`}
              rows={tableRows}
              rowKey={(r) => r.projectId}
              columns={[
                ...(isCity ? [{ label: '区县', cell: (r: TableRow) => r.districtName }] : []),
                { label: '物业项目', rowHeader: true, cell: (r) => r.projectName },
                { label: '季度末服务企业', cell: (r) => r.companyName ?? '—' },
                { label: '检查得分', cell: (r) => r.score ?? '—' },
                { label: '评定', cell: (r) => <RatingBadge rating={r.rating} /> },
              ]}
            />
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
