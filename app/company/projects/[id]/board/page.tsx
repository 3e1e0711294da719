import type { Metadata } from 'next';
import Link from 'next/link';
import { SubPage } from '@/components/area/sub-page';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { findServedProject, getLatestBoard, projectExists } from '@/db/queries/boards';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { EMPTY_BOARD } from '@/lib/validation/board';
import { BoardForm } from './board-form';
import { smallCount } from '@/lib/actions/query-notice';

export const metadata: Metadata = { title: '编辑公示栏', robots: { index: false } };

export default async function BoardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/projects/${id}/board`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const project = await inScopeOrNotFound(actor, await findServedProject(db, actor, id), { type: 'disclosure_board', id, exists: () => projectExists(db, id) });
  const [latest, sp] = await Promise.all([getLatestBoard(db, id), searchParams]);
  const { updatedOn: _updatedOn, ...items } = latest?.data ?? { ...EMPTY_BOARD, updatedOn: '' };
  return (
    <SubPage back={{ href: '/company/projects', label: '返回项目与合同' }} title={<>{project.name} 公示栏</>}>
      {smallCount(sp.saved) && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-900">
          已发布第 {smallCount(sp.saved)} 版公示内容。
        </p>
      )}
      <p className="text-sm text-slate-600">
        {latest ? `当前为第 ${latest.version} 版，更新于 ${latest.data.updatedOn}。` : '尚未发布公示内容。'}
        每次保存都会发布一个新版本，历史版本保留可查（ZT 三.(四).4.(3)）。公示内容至少每年更新一次。{' '}
        <Link href={`/company/projects/${id}/board/history`} className="text-brand-700 underline">
          查看历史版本
        </Link>
      </p>
      <BoardForm projectId={id} baseVersion={latest?.version ?? 0} defaults={items} />
    </SubPage>
  );
}
