import { cachedListView } from '@/lib/cache/public-list-views';
import { today } from '@/lib/clock';
import { isPublicList, parseViewKey } from '@/lib/public-lists/params';
import { errorResponse, listResponse } from '../../../_lib/respond';

/**
 * The cached twin of /api/v1/lists/{red,black}: next.config.js rewrites `?district=…&page=…&format=csv` to
 * `/api/v1/lists/black/<district>-<period>-<page>.csv`. Generated on the first request, kept in the full route
 * cache (body and headers) until LISTS_TAG expires or a minute passes (the day is the day of rendering).
 */
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ list: string; view: string }> }) {
  const { list, view } = await params;
  const m = /^(.+)\.(json|csv)$/.exec(view);
  const key = m ? parseViewKey(m[1]!) : null;
  if (!isPublicList(list) || !key) return errorResponse(404, '没有这个名单视图');
  const v = { ...key, on: today() };
  const r = await cachedListView(list, v);
  return listResponse({ list, on: v.on, period: r.period, district: v.district ?? null, items: r.items, total: r.total, page: r.page, pageSize: r.pageSize, pageCount: r.pageCount }, m![2] as 'json' | 'csv');
}
