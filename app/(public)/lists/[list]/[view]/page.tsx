import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cachedDistricts, cachedListView } from '@/lib/cache/public-list-views';
import { today } from '@/lib/clock';
import { LIST_NAME, isPublicList, parseViewKey } from '@/lib/public-lists/params';
import { ListView } from '../../_components/list-view';

/**
 * The cached view of a list: `/lists/black?district=510903&page=2` arrives here through a rewrite in
 * next.config.js as `/lists/black/510903-all-2`. Rendered on the first request, then served from the full route
 * cache until LISTS_TAG is expired by a list change (its data is read with that tag) or a minute passes (so an
 * entry past its date out leaves the page within a minute of midnight).
 */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Params = Promise<{ list: string; view: string }>;

/** Only keys the rewrites make: no unbounded set of cached pages. The day is the day of rendering. */
function viewOf(list: string, view: string) {
  if (!isPublicList(list)) return null;
  const v = parseViewKey(view);
  if (!v) return null;
  return { list, v: { ...v, on: today() } };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const found = viewOf(p.list, p.view);
  if (!found) return { title: '页面不存在', robots: { index: false } };
  const { list, v } = found;
  const filtered = Boolean(v.district || v.period || v.page > 1);
  return {
    title: LIST_NAME[list],
    description: `遂宁市物业服务企业${LIST_NAME[list]}：列入原因、依据、列入日期和预计移出日期，可按区县和期间筛选。`,
    alternates: { canonical: `/lists/${list}` },
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function CachedListPage({ params }: { params: Params }) {
  const p = await params;
  const found = viewOf(p.list, p.view);
  if (!found) notFound();
  const { list, v } = found;
  const districts = await cachedDistricts();
  const district = districts.some((d) => d.id === v.district) ? v.district : undefined;
  const result = await cachedListView(list, { ...v, district });
  return <ListView list={list} on={v.on} q="" district={district} period={v.period} districts={districts} result={result} />;
}
