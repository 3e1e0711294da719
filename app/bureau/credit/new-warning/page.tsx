import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getCompanyForEntry, listCompanyEstates, searchCompaniesForEntry } from '@/db/queries/credit-records';
import { getCurrentPolicy } from '@/db/queries/policy';
import { WARNING_TYPES } from '@/db/seed/names';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { isUuid } from '@/lib/validation/ids';
import { CompanyPicker } from '../_components/company-picker';
import { WarningEntryForm } from '../_components/warning-entry-form';

export const metadata: Metadata = { title: '录入警示信息', robots: { index: false } };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function NewWarningPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const path = '/bureau/credit/new-warning';
  const actor = await requireActor(['city', 'district'], path);
  const sp = await searchParams;
  const db = getDb();
  const companyId = one(sp.company);
  const q = one(sp.q).trim().slice(0, 60);
  const company = companyId ? (isUuid(companyId) ? await getCompanyForEntry(db, actor, companyId) : null) : null;
  if (companyId && !company) notFound();
  const policy = await getCurrentPolicy(db);
  const estates = company
    ? (await listCompanyEstates(db, company.id)).filter((e) => actor.role === 'city' || company.districtId === actor.districtId || e.districtId === actor.districtId)
    : [];
  return (
    <div className="space-y-5">
      <p>
        <Link href="/bureau/credit" className="text-brand-800 underline">
          返回企业信用记录
        </Link>
      </p>
      <h1 className="text-2xl font-bold">录入警示信息</h1>
      <p className="text-slate-700">区县、市住建部门在日常监管中直接录入的警示信用信息，录入即确认生效；行政处罚信息在处罚决定作出之日起 7 个工作日内公布。</p>
      {company ? (
        <section aria-labelledby="form-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="form-heading" className="mb-1 text-lg font-semibold">
            {company.name}
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            统一社会信用代码 <span className="font-mono">{company.uscc}</span> · 注册所在区县 {company.districtName ?? '—'} ·{' '}
            <Link href={path} className="text-brand-800 underline">
              换一家企业
            </Link>
          </p>
          <WarningEntryForm companyId={company.id} estates={estates} suggestions={WARNING_TYPES.map(([t]) => t)} today={today()} penaltyDays={policy.settings.penaltyPublicationWorkingDays} />
        </section>
      ) : (
        <CompanyPicker path={path} q={q} results={q ? await searchCompaniesForEntry(db, actor, q) : null} />
      )}
    </div>
  );
}
