import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listPlaces, listProposals, searchEstatesInScope } from '@/db/queries/estates';
import { requireActor } from '@/lib/auth/actor';
import { formatDate } from '@/lib/format';
import { createEstateAction, proposeEstateAction } from './actions';
import { DecideForm } from './decide-form';
import { EstateForm } from './estate-form';

export const metadata: Metadata = { title: '物业项目登记', robots: { index: false } };

const STATUS = { pending: '待确认', confirmed: '已确认', returned: '已退回' } as const;

export default async function EstatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/estates');
  const sp = await searchParams;
  const q = typeof sp.q === 'string' ? sp.q.replace(/[\u0000-\u001f]/g, '').trim().slice(0, 40) : '';
  const db = getDb();
  const isCity = actor.role === 'city';
  const [places, proposals, found] = await Promise.all([listPlaces(db, isCity ? null : actor.districtId), listProposals(db, actor), searchEstatesInScope(db, actor, q)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">物业项目登记</h1>
      <section aria-labelledby="new-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="new-heading" className="mb-1 text-lg font-semibold">
          {isCity ? '登记一个项目' : '申报一个项目'}
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {isCity ? '市住建部门登记的项目立即生效；批量登记请用“区划与项目导入”。' : '申报的项目经市住建部门确认后登记；被退回的会写明理由。'}
        </p>
        <EstateForm
          action={isCity ? createEstateAction : proposeEstateAction}
          submitLabel={isCity ? '登记项目' : '提交申报'}
          places={places}
          fixedDistrict={isCity ? undefined : { id: actor.districtId ?? '', name: actor.districtName ?? '' }}
        />
      </section>
      <section aria-labelledby="proposals-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="proposals-heading" className="mb-3 text-lg font-semibold">
          区县申报（{proposals.length}）
        </h2>
        {proposals.length === 0 ? (
          <p>没有申报。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {proposals.map((p) => (
              <li key={p.id} className="space-y-1 py-3">
                <p className="font-medium">
                  {p.name}（{p.districtName}）<span className="ml-2 text-sm text-slate-600">{STATUS[p.status]}</span>
                </p>
                <p className="text-sm text-slate-700">
                  {p.address} · {p.type} · {p.households} 户 · {p.floorArea} 平方米 · 申报于 {formatDate(p.createdAt)}
                </p>
                {p.returnReason && <p className="text-sm text-red-800">退回理由：{p.returnReason}</p>}
                {p.projectId && (
                  <Link href={`/bureau/estates/${p.projectId}`} className="text-sm text-brand-700 underline">
                    查看和修改项目
                  </Link>
                )}
                {isCity && p.status === 'pending' && <DecideForm id={p.id} version={p.version} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="edit-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="edit-heading" className="mb-3 text-lg font-semibold">
          修改项目基本信息
        </h2>
        <form className="mb-3 flex flex-wrap items-end gap-2" action="/bureau/estates">
          <div>
            <label htmlFor="q" className="block font-medium">
              项目名称
            </label>
            <input id="q" name="q" defaultValue={q} maxLength={40} className="mt-1 rounded border border-slate-400 px-3 py-2" />
          </div>
          <button type="submit" className="min-h-11 rounded border border-brand-700 px-4 py-2 text-brand-700">
            查找
          </button>
        </form>
        {found.length === 0 ? (
          <p>没有找到项目。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {found.map((e) => (
              <li key={e.id} className="py-2">
                <Link href={`/bureau/estates/${e.id}`} className="text-brand-700 underline">
                  {e.name}
                </Link>
                <span className="ml-2 text-sm text-slate-600">
                  {e.districtName} · {e.address}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
