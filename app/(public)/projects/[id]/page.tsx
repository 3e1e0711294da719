import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { formatDate, formatNumber } from '@/lib/format';
import { JsonLd } from '../../_components/json-ld';
import { getDb } from '@/db';
import { listPublicStaff } from '@/db/queries/public-staff';
import { today } from '@/lib/clock';
import { first } from '../../_components/list-params';
import { DisclosureBoard } from '../_components/disclosure-board';
import { StaffSection } from '../_components/staff-section';
import { RatingBadge } from '@/components/ratings/rating-badge';
import { loadProject } from './load';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { CompanyCreditLine } from '@/components/credit/lay-summary';
import { tagPage } from '@/lib/cache/page-tags';
import { companyCreditSummary, findCompanyByUscc } from '@/db/queries/public-lists';
import { FeedLink, feedAlternate } from '@/components/feeds/feed-link';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await loadProject((await params).id);
  if (!p) return { title: '小区不存在', robots: { index: false } };
  return {
    title: p.name,
    description: `${p.name}（${p.districtName}${p.address}）的物业服务企业、合同期限和物业服务公示栏。`,
    alternates: { canonical: `/projects/${p.id}`, types: feedAlternate(`/feeds/projects/${p.id}.xml`, `${p.name}：小区物业服务动态`) },
  };
}

/** The serving company's list status, grade and score today (shown beside its name). */
async function companyCredit(uscc: string | undefined, on: string) {
  if (!uscc) return null;
  // The company's grade and list status change with notices tagged company:<uscc>, which name no estate.
  tagPage(`company:${uscc.toUpperCase()}`);
  const db = getDb();
  const ref = await findCompanyByUscc(db, uscc);
  return ref ? companyCreditSummary(db, ref.id, on, on) : null;
}

function area(m2: string) {
  const n = Number(m2);
  return Number.isFinite(n) ? `${formatNumber(n)} 平方米` : `${m2} 平方米`;
}

export default async function ProjectPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await loadProject((await params).id);
  if (!p) notFound();
  const staffPage = Number(first(await searchParams, 'page') ?? 1);
  const t = today();
  const db = getDb();
  const [staff, credit] = await Promise.all([listPublicStaff(db, p.id, { today: t, page: Number.isFinite(staffPage) ? staffPage : 1 }), companyCredit(p.company?.uscc, t)]);
  const url = `${env().siteUrl}/projects/${p.id}`;
  const facts: [string, React.ReactNode][] = [
    ['地址', p.address],
    ['所在区县', p.districtName],
    ...(p.streetName ? ([['街道（乡镇）', p.streetName]] as [string, string][]) : []),
    ...(p.communityName ? ([['社区', p.communityName]] as [string, string][]) : []),
    ['项目类型', p.type],
    ['户数', `${formatNumber(p.households)} 户`],
    ['建筑面积', area(p.floorArea)],
  ];
  return (
    <div className="space-y-6">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': p.type === '商业' || p.type === '办公' ? 'Place' : 'Residence',
          name: p.name,
          url,
          address: {
            '@type': 'PostalAddress',
            streetAddress: p.address,
            addressLocality: p.districtName,
            addressRegion: '四川省',
            addressCountry: 'CN',
          },
        }}
      />
      <Breadcrumbs trail={[{ href: '/projects', label: '小区查询' }]} current={p.name} />
      <div>
        <h1 className="text-2xl font-bold">{p.name}</h1>
        <p className="mt-1 text-slate-700">
          {p.districtName} · {p.address}
        </p>
        <FeedLink href={`/feeds/projects/${p.id}.xml`} what="本小区" />
      </div>

      <section aria-labelledby="company-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="company-heading" className="mb-3 text-lg font-semibold">
          物业服务企业
        </h2>
        {p.company ? (
          <>
            <p>
              <a href={`/companies/${p.company.uscc}`} className="font-medium text-brand-700 underline">
                {p.company.name}
              </a>
            </p>
            {credit && <CompanyCreditLine summary={credit} projectId={p.id} uscc={p.company.uscc} />}
            {p.contract && (
              <p className="mt-1 text-slate-700">
                合同期限：
                <time dateTime={p.contract.startDate}>{formatDate(p.contract.startDate)}</time> 至{' '}
                <time dateTime={p.contract.endDate}>{formatDate(p.contract.endDate)}</time>
              </p>
            )}
          </>
        ) : (
          <p className="text-slate-700">暂无已备案的物业服务企业信息。</p>
        )}
      </section>

      <section aria-labelledby="facts-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="facts-heading" className="mb-3 text-lg font-semibold">
          小区信息
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-sm text-slate-600 sm:text-base">{label}</dt>
              <dd className="-mt-2 break-words sm:mt-0">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      {p.ratings.length > 0 && (
        <section aria-labelledby="ratings-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="ratings-heading" className="mb-3 text-lg font-semibold">
            季度评定
          </h2>
          <ul className="flex flex-wrap gap-3" data-testid="estate-ratings">
            {p.ratings.map((r) => (
              <li key={`${r.year}Q${r.quarter}`} className="rounded border border-slate-200 px-3 py-2">
                <span className="mr-2 text-sm text-slate-700">
                  {r.year}年第{r.quarter}季度
                </span>
                <RatingBadge rating={r.rating} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <StaffSection projectId={p.id} staff={staff} />

      <section aria-labelledby="board-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="board-heading" className="text-lg font-semibold">
            物业服务公示栏
          </h2>
          {p.board && (
            <p className="text-sm text-slate-600">
              更新于 <time dateTime={p.board.updatedOn}>{formatDate(p.board.updatedOn)}</time>
            </p>
          )}
        </div>
        {p.board && p.board.items.length > 0 ? (
          <>
            <DisclosureBoard items={p.board.items} />
            <p className="mt-4">
              <a href={`/projects/${p.id}/poster`} className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 text-brand-700 hover:bg-brand-50">
                打印公示海报（含二维码）
              </a>
            </p>
          </>
        ) : (
          <p className="mt-2 text-slate-700">物业服务企业尚未发布公示信息。</p>
        )}
      </section>
      <p><a href={`/complaints/new?estate=${p.id}`} className="inline-flex min-h-11 items-center text-brand-800 underline">对本小区的物业服务投诉或表扬</a></p>
    </div>
  );
}
