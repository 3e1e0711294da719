import type { Metadata } from 'next';
import { getDb } from '@/db';
import { countRegionsAndEstates, listAllRegions, type RegionNode } from '@/db/queries/city-setup';
import { requireActor } from '@/lib/auth/actor';
import { REGION_LEVEL_LABELS } from '@/lib/domain/city-setup';
import { importEstatesAction, importRegionsAction } from './actions';
import { ImportPanel } from './_components/import-panel';

export const metadata: Metadata = { title: '区划与项目导入', robots: { index: false } };

/** The region tree, folded below the districts (a real city has hundreds of communities). */
function Tree({ nodes, byParent, depth }: { nodes: RegionNode[]; byParent: Map<string | null, RegionNode[]>; depth: number }) {
  return (
    <ul className={depth ? 'ml-4 border-l border-slate-200 pl-3' : ''}>
      {nodes.map((n) => {
        const children = byParent.get(n.id) ?? [];
        const label = (
          <>
            {n.name} <span className="font-mono text-xs text-slate-600">{n.id}</span> <span className="text-xs text-slate-600">{REGION_LEVEL_LABELS[n.level]}</span>
          </>
        );
        return (
          <li key={n.id} className="py-0.5">
            {children.length ? (
              <details open={depth < 1}>
                <summary className="cursor-pointer">
                  {label} <span className="text-xs text-slate-600">（下辖 {children.length}）</span>
                </summary>
                <Tree nodes={children} byParent={byParent} depth={depth + 1} />
              </details>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ul>
  );
}

export default async function SetupPage() {
  await requireActor(['city'], '/bureau/setup');
  const db = getDb();
  const [regions, counts] = await Promise.all([listAllRegions(db), countRegionsAndEstates(db)]);
  const byParent = new Map<string | null, RegionNode[]>();
  const ids = new Set(regions.map((r) => r.id));
  for (const r of regions) {
    const p = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    (byParent.get(p) ?? byParent.set(p, []).get(p)!).push(r);
  }
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">区划与项目导入</h1>
      <p className="text-slate-700">
        平台现有区划 {counts.regions} 个、物业项目 {counts.estates} 个。开通新城市时先导入区划（区县、街道乡镇、社区），再导入项目，然后在“账号管理”中为各角色开设账号。
        每次上传先逐行检查、不写入；全部通过后确认导入，所有行在一次操作中写入。重复导入同一文件不会产生重复数据。
      </p>
      <section aria-labelledby="regions-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="regions-heading" className="text-lg font-semibold">
          1. 导入行政区划
        </h2>
        <p className="text-sm">
          <a href="/bureau/setup/regions-template.xlsx" className="text-brand-700 underline">
            下载区划导入模板（.xlsx）
          </a>
          ：列为区划代码、名称、层级（市/区县/街道乡镇/社区）、上级区划代码。
        </p>
        <ImportPanel action={importRegionsAction} fileLabel="区划文件（.xlsx）" what="区划" />
      </section>
      <section aria-labelledby="estates-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="estates-heading" className="text-lg font-semibold">
          2. 导入物业项目
        </h2>
        <p className="text-sm">
          <a href="/bureau/setup/estates-template.xlsx" className="text-brand-700 underline">
            下载项目导入模板（.xlsx）
          </a>
          ：列为项目名称、地址、所在区县、街道、社区、类型、户数、建筑面积、是否成立业主委员会。
        </p>
        <ImportPanel action={importEstatesAction} fileLabel="项目文件（.xlsx）" what="项目" />
      </section>
      <section aria-labelledby="tree-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="tree-heading" className="mb-3 text-lg font-semibold">
          区划（{counts.regions} 个）
        </h2>
        {regions.length ? <Tree nodes={byParent.get(null) ?? []} byParent={byParent} depth={0} /> : <p>还没有区划，请先用上面的表单导入。</p>}
      </section>
    </div>
  );
}
