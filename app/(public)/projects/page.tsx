import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listDistricts } from '@/db/queries/public-companies';
import { listStreets, searchPublicProjects } from '@/db/queries/public-projects';
import { formatNumber } from '@/lib/format';
import { first, parseListParams } from '../_components/list-params';
import { DistrictSelect, FilterForm, SearchField, SelectField } from '../_components/filter-form';
import { EmptyState } from '@/components/list-kit/empty';
import { NumberedPager } from '@/components/list-kit/pager';
import { listHref } from '@/components/list-kit/params';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  return {
    title: '小区查询',
    description: '查询遂宁市物业服务项目（小区）：物业服务企业、合同期限和物业服务公示栏。',
    alternates: { canonical: '/projects' },
    robots: Object.keys(raw).length > 0 ? { index: false, follow: true } : undefined,
  };
}

export default async function ProjectsPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = await searchParams;
  const params = parseListParams(raw);
  const db = getDb();
  const [districts, streets] = await Promise.all([listDistricts(db), listStreets(db)]);
  let district = districts.some((d) => d.id === params.district) ? params.district : undefined;
  // The street list is not narrowed by script: a street of another district is ignored (and said so).
  const streetParam = first(raw, 'street');
  const chosenStreet = streets.find((s) => s.id === streetParam);
  let street: string | undefined;
  let streetIgnored = false;
  if (chosenStreet) {
    if (!district) district = chosenStreet.districtId;
    if (chosenStreet.districtId === district) street = chosenStreet.id;
    else streetIgnored = true;
  }
  const result = await searchPublicProjects(db, { q: params.q, district, street, page: params.page });
  const districtName = districts.find((d) => d.id === district)?.name;
  const streetName = streets.find((s) => s.id === street)?.name;
  const scope = [districtName, streetName].filter(Boolean).join(' ');

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">小区查询</h1>
      <FilterForm action="/projects" label="查询小区" layout="sm:grid-cols-2 lg:grid-cols-[1fr_10rem_12rem_auto] lg:items-end" submitLabel="查询">
        <SearchField id="project-q" label="小区名称或地址" defaultValue={params.q} className="flex flex-col gap-1 sm:col-span-2 lg:col-span-1" />
        <DistrictSelect id="project-district" label="区县" districts={districts} value={district} />
        <SelectField id="project-street" name="street" label="街道（乡镇）" defaultValue={street ?? ''}>
          <option value="">全部街道</option>
          {districts.map((d) => (
            <optgroup key={d.id} label={d.name}>
              {streets
                .filter((s) => s.districtId === d.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
      </FilterForm>

      <section aria-labelledby="project-results-heading">
        <h2 id="project-results-heading" className="sr-only">
          查询结果
        </h2>
        {streetIgnored && (
          <p className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">所选街道不属于所选区县，已按区县查询。</p>
        )}
        <p className="mb-3 text-slate-700">
          {params.q || scope ? '共找到' : '全市共有'}
          <strong className="mx-1">{formatNumber(result.total)}</strong>个小区
          {scope ? `（${scope}）` : ''}
          {result.total > 0 && result.pageCount > 1 ? `，第 ${result.page} / ${result.pageCount} 页` : ''}
        </p>
        {result.items.length === 0 ? (
          <EmptyState
            text={{ filtered: '没有找到匹配的小区，请换一个小区名称或地址再查。', none: '还没有登记的小区。' }}
            filtered={!!(params.q || district || street)}
            pastEnd={result.total > 0}
            clearHref="/projects"
            firstHref={listHref('/projects', { q: params.q, district, street })}
          />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
            {result.items.map((p) => (
              <li key={p.id} className="px-4 py-3">
                <a href={`/projects/${p.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {p.name}
                </a>
                <p className="text-sm text-slate-700">
                  {p.districtName}
                  {p.streetName ? ` ${p.streetName}` : ''} · {p.address}
                </p>
                <p className="text-sm text-slate-600">
                  {p.type} · {formatNumber(p.households)} 户{p.company ? ` · ${p.company.name}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
        <NumberedPager path="/projects" filters={{ q: params.q, district, street }} page={result.page} pages={result.pageCount} />
      </section>
    </div>
  );
}
