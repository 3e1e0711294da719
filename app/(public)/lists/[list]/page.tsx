import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { listDistricts } from '@/db/queries/public-companies';
import { listPublicEntries } from '@/db/queries/public-lists';
import { today } from '@/lib/clock';
import { LIST_NAME, isPublicList, lenientListQuery } from '@/lib/public-lists/params';
import { first } from '../../_components/list-params';
import { ListView } from '../_components/list-view';

/**
 * A public list, filtered by district and period, searched by company (`q`). Rendered per request and kept by the
 * page cache (scripts/serve.mjs, decision 021) until a change to the lists, midnight or its time to live. A query
 * without `q` that carries empty or malformed parameters (the GET filter form sends `q=&district=` when nothing is
 * chosen) is redirected to its clean URL, so that one view has one address (and one cache entry).
 */
export const dynamic = 'force-dynamic';

type Params = Promise<{ list: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { list } = await params;
  if (!isPublicList(list)) return { title: '页面不存在', robots: { index: false } };
  const filtered = Object.keys(await searchParams).length > 0;
  return {
    title: `${LIST_NAME[list]}`,
    description: `遂宁市物业服务企业${LIST_NAME[list]}：列入原因、依据、列入日期和预计移出日期，可按区县和期间筛选。`,
    alternates: { canonical: `/lists/${list}` },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function ListPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { list } = await params;
  if (!isPublicList(list)) notFound();
  const raw = await searchParams;
  const query = lenientListQuery((k) => first(raw, k));
  if (!query.q) {
    const clean = new URLSearchParams();
    if (query.district) clean.set('district', query.district);
    if (query.period) clean.set('period', query.period);
    if (query.page > 1) clean.set('page', String(query.page));
    const asked = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]])));
    if (clean.toString() !== asked.toString()) redirect(`/lists/${list}${clean.size ? `?${clean}` : ''}`);
  }
  const db = getDb();
  const on = today();
  const districts = await listDistricts(db);
  const district = districts.some((d) => d.id === query.district) ? query.district : undefined;
  const result = await listPublicEntries(db, list, { ...query, district, on });
  return <ListView list={list} on={on} q={query.q} district={district} period={query.period} districts={districts} result={result} />;
}
