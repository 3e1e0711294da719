import type { Metadata } from 'next';
import { RequesterDetailPage } from '@/components/data-use/pages';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '信息查询申请', robots: { index: false } };

export default async function RequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['committee'], `/committee/requests/${id}`);
  // Called, not rendered: the page itself loads (and audits) what it shows.
  return RequesterDetailPage({ actor, id, basePath: '/committee/requests', backLabel: '返回申请列表', done: (await searchParams).done === '1' });
}
