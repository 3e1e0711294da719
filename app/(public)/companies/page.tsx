import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listDistricts, searchPublicCompanies } from '@/db/queries/public-companies';
import { formatDate, formatNumber } from '@/lib/format';
import { listHref } from '@/components/list-kit/params';
import { parseListParams } from '../_components/list-params';
import { DistrictSelect, FilterForm, SearchField } from '../_components/filter-form';
import { EmptyState } from '@/components/list-kit/empty';
import { NumberedPager } from '@/components/list-kit/pager';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  const filtered = Object.keys(raw).length > 0;
  return {
    title: '物业服务企业',
    description: '遂宁市已备案物业服务企业名录：按企业名称、统一社会信用代码和所在区县查询。',
    alternates: { canonical: '/companies' },
    // Result pages of a search are not worth indexing; the plain list is.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function CompaniesPage({ searchParams }: { searchParams: SearchParams }) {
  const params = parseListParams(await searchParams);
  const db = getDb();
  const districts = await listDistricts(db);
  const district = districts.some((d) => d.id === params.district) ? params.district : undefined;
  const result = await searchPublicCompanies(db, { q: params.q, district, page: params.page });
  const districtName = districts.find((d) => d.id === district)?.name;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">物业服务企业</h1>
      <FilterForm action="/companies" label="查询物业服务企业" layout="sm:grid-cols-[1fr_12rem_auto] sm:items-end" submitLabel="查询">
        <SearchField id="company-q" label="企业名称或统一社会信用代码" defaultValue={params.q} />
        <DistrictSelect id="company-district" label="所在区县" districts={districts} value={district} />
      </FilterForm>

      <section aria-labelledby="company-results-heading">
        <h2 id="company-results-heading" className="sr-only">
          查询结果
        </h2>
        <p className="mb-3 text-slate-700">
          {params.q || districtName ? '共找到' : '共有已备案企业'}
          <strong className="mx-1">{formatNumber(result.total)}</strong>家
          {districtName ? `（${districtName}）` : ''}
          {result.total > 0 && result.pageCount > 1 ? `，第 ${result.page} / ${result.pageCount} 页` : ''}
        </p>
        {result.items.length === 0 ? (
          <EmptyState
            text={{ filtered: '没有找到匹配的已备案物业服务企业，请换一个名称或信用代码再查。', none: '还没有已备案的物业服务企业。' }}
            filtered={!!(params.q || district)}
            pastEnd={result.total > 0}
            clearHref="/companies"
            firstHref={listHref('/companies', { q: params.q, district })}
          />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
            {result.items.map((c) => (
              <li key={c.uscc} className="px-4 py-3">
                <a href={`/companies/${c.uscc}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {c.name}
                </a>
                <p className="mt-1 text-sm text-slate-700">
                  统一社会信用代码 <span className="font-mono">{c.uscc}</span>
                </p>
                <p className="text-sm text-slate-600">
                  {c.districtName ?? '—'} · 在管小区 {formatNumber(c.estates)} 个 · 备案于 {formatDate(c.approvedAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <NumberedPager path="/companies" filters={{ q: params.q, district }} page={result.page} pages={result.pageCount} />
      </section>
    </div>
  );
}
