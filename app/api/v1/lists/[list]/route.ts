import { getDb } from '@/db';
import { listPublicEntries } from '@/db/queries/public-lists';
import { today } from '@/lib/clock';
import { apiListQuery, isPublicList } from '@/lib/public-lists/params';
import { errorResponse, invalidQuery, listResponse } from '../../_lib/respond';

/**
 * `/api/v1/lists/{red,black}`: `q`, `district`, `period`, `page`, `format=json|csv`. Clean queries without
 * `q` are rewritten by next.config.js to the cached twin (./[view]/route.ts); this handler answers `q` searches
 * and malformed queries (400).
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const { list } = await params;
  if (!isPublicList(list)) return errorResponse(404, '没有这个名单：只有 red（红榜）和 black（黑榜）');
  const parsed = apiListQuery(new URL(request.url).searchParams);
  if (!parsed.success) return invalidQuery(parsed.error);
  const { format, ...query } = parsed.data;
  const on = today();
  const r = await listPublicEntries(getDb(), list, { ...query, on });
  return listResponse({ list, on, period: r.period, district: query.district ?? null, items: r.items, total: r.total, page: r.page, pageSize: r.pageSize, pageCount: r.pageCount }, format);
}
