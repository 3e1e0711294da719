import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getPublicCompany } from '@/db/queries/public-companies';
import { companyCreditSummary, findCompanyByUscc } from '@/db/queries/public-lists';
import { today } from '@/lib/clock';
import { isIsoDate } from '@/lib/public-lists/dates';
import { env } from '@/lib/env';
import { formatDate, formatNumber } from '@/lib/format';
import { JsonLd } from '../../_components/json-ld';
import { PublicCreditRecords } from './_components/credit-records';
import { AnnualGrade, CurrentScore, ListHistory, TenderEligibility } from './_components/credit-summary';
import { Breadcrumbs } from '../../_components/breadcrumbs';
import { CreditLaySummary } from '@/components/credit/lay-summary';
import { currentPolicy } from '@/lib/policy';
import { cite } from '@/lib/domain/regulations';
import { FeedLink, feedAlternate } from '@/components/feeds/feed-link';
import { CompanyFlags } from '@/components/credit/company-flags';
import { listCompanyFlags } from '@/db/queries/company-flags';
import { activeFlagGroups } from '@/lib/domain/company-flags';

export const dynamic = 'force-dynamic';

type Params = Promise<{ uscc: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const load = cache((uscc: string) => getPublicCompany(getDb(), uscc));

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const company = await load((await params).uscc);
  if (!company) return { title: '企业不存在', robots: { index: false } };
  return {
    title: company.name,
    description: `${company.name}（统一社会信用代码 ${company.uscc}）的备案信息、在管小区和公示中的信用记录。`,
    alternates: { canonical: `/companies/${company.uscc}`, types: feedAlternate(`/feeds/companies/${company.uscc}.xml`, `${company.name}：企业信用动态`) },
  };
}

function capital(wan: string) {
  const n = Number(wan);
  return Number.isFinite(n) ? `${formatNumber(n)} 万元` : `${wan} 万元`;
}

export default async function CompanyPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const company = await load((await params).uscc);
  if (!company) notFound();
  // ?on=YYYY-MM-DD: the day tender eligibility and list status are checked for (default today).
  const rawOn = (await searchParams).on;
  const onParam = (Array.isArray(rawOn) ? rawOn[0] : rawOn) ?? '';
  const t = today();
  const dateError = onParam && !isIsoDate(onParam) ? '请输入有效日期，格式为 YYYY-MM-DD' : undefined;
  const on = onParam && !dateError ? onParam : t;
  const db = getDb();
  const ref = await findCompanyByUscc(db, company.uscc);
  const [summary, policy, flags] = await Promise.all([ref ? companyCreditSummary(db, ref.id, on, t) : null, currentPolicy(), ref ? listCompanyFlags(db, ref.id, on) : []]);
  // The DW 14 flags are public (decision 035); the green channel is computed on the day and shown on its own below.
  const flagKinds = activeFlagGroups(flags, on).map((g) => g.kind);
  const url = `${env().siteUrl}/companies/${company.uscc}`;
  const facts: [string, React.ReactNode][] = [
    ['统一社会信用代码', <span key="u" className="font-mono">{company.uscc}</span>],
    ['注册地址', company.address],
    ['注册资本', capital(company.registeredCapital)],
    ['法定代表人', company.legalRepresentative],
    ['所在区县', company.districtName ?? '—'],
    ['备案状态', `已备案（${formatDate(company.approvedAt)}）`],
  ];
  return (
    <div className="space-y-6">
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Organization',
          name: company.name,
          identifier: company.uscc,
          url,
          address: {
            '@type': 'PostalAddress',
            streetAddress: company.address,
            ...(company.districtName ? { addressLocality: company.districtName } : {}),
            addressRegion: '四川省',
            addressCountry: 'CN',
          },
        }}
      />
      <Breadcrumbs trail={[{ href: '/companies', label: '物业服务企业' }]} current={company.name} />
      <h1 className="text-2xl font-bold">{company.name}</h1>
      <FeedLink href={`/feeds/companies/${company.uscc}.xml`} what="本企业" />
      {summary && <CreditLaySummary summary={summary} policy={policy.settings} flags={flagKinds} />}
      {company.greenChannel && (
        <p className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">
          <strong>绿色通道企业</strong>：连续 {company.greenChannel.cleanYears} 年无警示信用记录，各类申请优先办理（{cite('CQ', '三.(五)')}）。
        </p>
      )}

      <CompanyFlags rows={flags} on={on} />

      <section aria-labelledby="basic-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="basic-heading" className="mb-3 text-lg font-semibold">
          基本信息
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

      <section aria-labelledby="estates-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="estates-heading" className="mb-3 text-lg font-semibold">
          在管小区（{company.estates.length}）
        </h2>
        {company.estates.length === 0 ? (
          <p className="text-slate-700">目前没有在管的物业服务项目。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {company.estates.map((e) => (
              <li key={e.id} className="py-3">
                <a href={`/projects/${e.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {e.name}
                </a>
                <p className="text-sm text-slate-600">
                  {e.districtName} · {e.address} · {formatNumber(e.households)} 户
                </p>
                {e.contractStart && e.contractEnd && (
                  <p className="text-sm text-slate-600">
                    合同期限 {formatDate(e.contractStart)} 至 {formatDate(e.contractEnd)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {summary && (
        <>
          <AnnualGrade summary={summary} />
          <CurrentScore summary={summary} />
          <TenderEligibility summary={summary} uscc={company.uscc} dateError={dateError} />
          <ListHistory summary={summary} />
        </>
      )}

      <PublicCreditRecords records={company.creditRecords} asOf={company.asOf} />
    </div>
  );
}
