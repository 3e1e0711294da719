import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { findServedProject, listBoardVersions, projectExists } from '@/db/queries/boards';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '公示栏历史版本', robots: { index: false } };

export default async function BoardHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/projects/${id}/board/history`);
  if (!z.uuid().safeParse(id).success) notFound();
  const db = getDb();
  const project = await inScopeOrNotFound(actor, await findServedProject(db, actor, id), { type: 'disclosure_board', id, exists: () => projectExists(db, id) });
  const versions = await listBoardVersions(db, id);
  return (
    <SubPage back={{ href: `/company/projects/${id}/board`, label: '返回编辑公示栏' }} title={<>{project.name} 公示栏历史版本</>}>
      {versions.length === 0 && <p className="text-slate-600">尚未发布公示内容。</p>}
      {versions.map((v) => (
        <details key={v.version} className="rounded-lg bg-white p-4 shadow-sm" open={v === versions[0]}>
          <summary className="cursor-pointer font-medium">
            第 {v.version} 版 · 公示日期 {v.data.updatedOn} · {v.companyName} · 保存于 {formatDateTime(v.createdAt)}
          </summary>
          <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-600">项目负责人</dt>
            <dd>
              {v.data.managerName} {v.data.managerPhone}
            </dd>
            <dt className="text-slate-600">投诉电话</dt>
            <dd>{v.data.complaintPhone}</dd>
            <dt className="text-slate-600">服务内容</dt>
            <dd>{v.data.serviceContent}</dd>
            <dt className="text-slate-600">服务标准</dt>
            <dd>{v.data.serviceStandard}</dd>
            <dt className="text-slate-600">收费项目</dt>
            <dd>
              <ul>
                {v.data.fees?.map((f, i) => (
                  <li key={i}>
                    {f.item}：{f.standard}
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="text-slate-600">电梯维保</dt>
            <dd>
              {v.data.elevatorMaintenance?.unit} {v.data.elevatorMaintenance?.contact}
            </dd>
            <dt className="text-slate-600">消防维保</dt>
            <dd>
              {v.data.fireMaintenance?.unit} {v.data.fireMaintenance?.contact}
            </dd>
            <dt className="text-slate-600">车位使用</dt>
            <dd>{v.data.parking}</dd>
            <dt className="text-slate-600">公共水电分摊</dt>
            <dd>{v.data.sharedUtilities}</dd>
            <dt className="text-slate-600">公共收益</dt>
            <dd>
              {v.data.commonRevenue?.income}；{v.data.commonRevenue?.spending}
            </dd>
            <dt className="text-slate-600">专项维修资金</dt>
            <dd>{v.data.maintenanceFund}</dd>
            <dt className="text-slate-600">电梯维保支出</dt>
            <dd>{v.data.elevatorSpending}</dd>
          </dl>
        </details>
      ))}
    </SubPage>
  );
}
