import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ObjectionBadge, StaffPhoto, StaffQualifications } from '../../../_components/staff-details';
import { loadStaffCard } from './load';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string; practitionerId: string }>;

/** A person's card is public but not for search engines (SPEC §5: noindex, not in the sitemap). */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id, practitionerId } = await params;
  const card = await loadStaffCard(id, practitionerId);
  return {
    title: card ? `${card.name}（${card.post}）· ${card.project.name}` : '服务人员不存在',
    robots: { index: false, follow: true },
  };
}

export default async function StaffCardPage({ params }: { params: Params }) {
  const { id, practitionerId } = await params;
  const card = await loadStaffCard(id, practitionerId);
  if (!card) notFound();
  const facts: [string, React.ReactNode][] = [
    ['岗位', card.post],
    ...(card.registryNo ? ([['执业登记号', <span key="r" className="font-mono">{card.registryNo}</span>]] as [string, React.ReactNode][]) : []),
    ['性别', card.gender],
    ['年龄', `${card.age} 岁`],
    ['服务小区', <a key="p" href={`/projects/${card.project.id}`} className="text-brand-700 underline">{card.project.name}</a>],
    ['物业服务企业', card.company ? <a key="c" href={`/companies/${card.company.uscc}`} className="text-brand-700 underline">{card.company.name}</a> : '—'],
    ...(card.phone ? ([['联系电话', <a key="t" href={`tel:${card.phone}`} className="text-brand-700 underline">{card.phone}</a>]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <div className="space-y-6">
      <nav aria-label="面包屑" className="text-sm text-slate-600">
        <ol className="flex flex-wrap gap-1">
          <li>
            <a href="/" className="text-brand-700 underline">首页</a>
            <span aria-hidden="true"> / </span>
          </li>
          <li>
            <a href={`/projects/${card.project.id}`} className="text-brand-700 underline">{card.project.name}</a>
            <span aria-hidden="true"> / </span>
          </li>
          <li aria-current="page">{card.name}</li>
        </ol>
      </nav>
      <article aria-labelledby="card-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-col gap-6 sm:flex-row">
          <StaffPhoto projectId={card.project.id} person={card} size="photo" />
          <div className="min-w-0 flex-1 space-y-4">
            <div>
              <h1 id="card-heading" className="flex flex-wrap items-center gap-3 text-2xl font-bold">
                {card.name}
                {card.objectionOpen && <ObjectionBadge />}
              </h1>
              <p className="mt-1 text-slate-700">经区县住建部门审核登记的物业服务人员</p>
            </div>
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-sm text-slate-600 sm:text-base">{label}</dt>
                  <dd className="-mt-1 break-words sm:mt-0">{value}</dd>
                </div>
              ))}
            </dl>
            <StaffQualifications person={card} detailed />
            {card.certificates.length === 0 && card.records.length === 0 && <p className="text-sm text-slate-600">暂无资格证书和信用记录。</p>}
          </div>
        </div>
      </article>
      <p className="text-sm text-slate-700">
        本人认为以上或平台登记的其他信息有误？可以
        <a href="/objections/new" className="text-brand-700 underline">提出信息异议</a>。
      </p>
    </div>
  );
}
