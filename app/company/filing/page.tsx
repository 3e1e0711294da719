import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findOpenFiling, getCompanyBasics, listCompanyFilings, listCompanyVersions } from '@/db/queries/company-filing';
import { requireActor } from '@/lib/auth/actor';
import { FILING_STATUS_LABELS, SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { DISTRICT_NAMES } from '@/lib/validation/company';
import { UnpagedList } from '@/components/list-kit/signed-in';

export const metadata: Metadata = { title: '企业备案', robots: { index: false } };

export default async function CompanyFilingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/filing');
  const db = getDb();
  const company = actor.companyId ? await getCompanyBasics(db, actor.companyId) : null;
  if (!company) notFound();
  const [filings, open, versions] = await Promise.all([
    listCompanyFilings(db, company.id),
    findOpenFiling(db, company.id),
    listCompanyVersions(db, company.id),
  ]);
  const sp = await searchParams;
  const isApproved = company.filingStatus === 'approved';
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业备案</h1>
      {sp.withdrawn && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          申请已撤回。
        </p>
      )}
      <section aria-labelledby="status-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="status-heading" className="text-lg font-semibold">
          备案状态：{FILING_STATUS_LABELS[company.filingStatus] ?? company.filingStatus}
        </h2>
        {company.approvedAt && <p className="mt-1 text-slate-700">备案通过日期：{formatDate(company.approvedAt)}</p>}
        {company.bannedUntil && (
          <p className="mt-2 rounded bg-red-50 px-3 py-2 text-red-900">
            本企业处于市场禁入期，至 {company.bannedUntil} 止；期间不予备案，也不能承接新的物业项目。
          </p>
        )}
        <p className="mt-3">
          {open ? (
            <Link href={`/company/filings/${open.id}`} className="font-medium text-brand-800 underline">
              继续办理未办结的申请（{SUBMISSION_STATUS_LABELS[open.status]}）
            </Link>
          ) : (
            <Link href="/company/filings/new" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white">
              {isApproved ? '申请变更基本信息' : '填写并提交备案'}
            </Link>
          )}
        </p>
        {isApproved && <p className="mt-2 text-sm text-slate-600">基本信息发生变化的，应按备案程序重新提交，经市住建局审核后生效（DW 8.1.1）。</p>}
      </section>

      <section aria-labelledby="basics-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="basics-heading" className="mb-3 text-lg font-semibold">
          当前基本信息（第 {company.version} 版）
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">企业名称</dt>
          <dd>{company.name}</dd>
          <dt className="text-slate-600">统一社会信用代码</dt>
          <dd className="font-mono">{company.uscc}</dd>
          <dt className="text-slate-600">注册地址</dt>
          <dd>{company.address}</dd>
          <dt className="text-slate-600">注册资本</dt>
          <dd>{Number(company.registeredCapital).toLocaleString('zh-CN')} 万元</dd>
          <dt className="text-slate-600">法定代表人</dt>
          <dd>{company.legalRepresentative}</dd>
          <dt className="text-slate-600">联系电话</dt>
          <dd>{company.contactPhone}</dd>
          <dt className="text-slate-600">注册所在区县</dt>
          <dd>{company.districtId ? DISTRICT_NAMES[company.districtId as keyof typeof DISTRICT_NAMES] ?? company.districtName : '—'}</dd>
          <dt className="text-slate-600">主要管理人员</dt>
          <dd>
            <ul>
              {company.managers.map((m, i) => (
                <li key={i}>
                  {m.kind}：{m.name}
                  {m.title ? `（${m.title}）` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
        {versions.length > 0 && (
          <p className="mt-3 text-sm text-slate-600">
            历史版本：{versions.map((v) => `第 ${v.version} 版（${formatDate(v.createdAt)}）`).join('、')}
          </p>
        )}
      </section>

      <section aria-labelledby="history-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="history-heading" className="mb-3 text-lg font-semibold">
          备案与变更申请记录
        </h2>
        <UnpagedList
          caption="备案与变更申请记录"
          rows={filings}
          rowKey={(f) => f.id}
          empty={{ none: '还没有提交过申请。' }}
          columns={[
            {
              label: '申请',
              rowHeader: true,
              cell: (f) => (
                <Link href={`/company/filings/${f.id}`} className="text-brand-800 underline">
                  {SUBMISSION_TYPE_LABELS[f.type]}
                </Link>
              ),
            },
            { label: '状态', cell: (f) => SUBMISSION_STATUS_LABELS[f.status] ?? f.status },
            { label: '提交时间', cell: (f) => (f.submittedAt ? formatDateTime(f.submittedAt) : '未提交') },
            { label: '审核意见', cell: (f) => f.reason || '—' },
          ]}
        />
      </section>
    </div>
  );
}
