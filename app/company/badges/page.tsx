import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { listBadgeEstates } from '@/db/queries/badges';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '工作牌', robots: { index: false } };

const ERRORS: Record<string, string> = {
  NOT_FOUND: '未找到该小区或人员，或其不是本企业在岗的已审核人员。',
  CONFLICT: '人员的在岗信息刚刚发生变化，请刷新后重试。',
  INVALID: '该人员没有登记所在小区，不能制作工作牌。',
};

/** The company's estates, each with its approved staff and how many of them hold a badge (SPEC §3.11). */
export default async function CompanyBadgesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/badges');
  const estates = actor.companyId ? await listBadgeEstates(getDb(), actor.companyId) : [];
  const error = ERRORS[String((await searchParams).error ?? '')];
  return (
    <div className="max-w-3xl space-y-5">
      <h1 className="text-2xl font-bold">工作牌</h1>
      {error && (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      <p className="text-slate-700">
        本企业每一位审核通过、在岗的从业人员都应佩戴工作牌。业主扫描工作牌上的二维码，可以核对照片、姓名、岗位、服务小区和企业；人员离职、调离、调岗或工作牌补发后，原工作牌立即失效。
      </p>
      {estates.length === 0 ? (
        <p className="text-slate-700">本企业目前没有审核通过的在岗人员。人员登记审核通过后即可在这里制作工作牌。</p>
      ) : (
        <ul className="space-y-3">
          {estates.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white p-4 shadow-sm">
              <div>
                <h2 className="font-semibold">{e.name}</h2>
                <p className="text-sm text-slate-700">
                  在岗 {e.staff} 人，已制作工作牌 {e.badged} 人
                </p>
              </div>
              <Link href={`/company/badges/${e.id}`} className="inline-flex min-h-11 items-center rounded border border-brand-800 px-3 text-brand-800 underline">
                打印{e.name}的工作牌
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
