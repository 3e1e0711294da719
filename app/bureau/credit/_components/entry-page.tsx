import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getCompanyForEntry, listCompanyEstates, searchCompaniesForEntry } from '@/db/queries/credit-records';
import { requireActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/ids';
import { CompanyPicker } from './company-picker';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
type Company = NonNullable<Awaited<ReturnType<typeof getCompanyForEntry>>>;
type Estate = Awaited<ReturnType<typeof listCompanyEstates>>[number];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * A bureau page that enters a record for one company: first the company (searched within the bureau's scope), then
 * the form with the estates it may name (a district: the company's own, or those it serves in the district).
 */
export async function CreditEntryPage({
  path,
  title,
  intro,
  searchParams,
  form,
}: {
  path: string;
  title: string;
  intro: string;
  searchParams: SearchParams;
  form: (company: Company, estates: Estate[]) => React.ReactNode;
}) {
  const actor = await requireActor(['city', 'district'], path);
  const sp = await searchParams;
  const db = getDb();
  const companyId = one(sp.company);
  const q = one(sp.q).trim().slice(0, 60);
  const company = companyId ? (isUuid(companyId) ? await getCompanyForEntry(db, actor, companyId) : null) : null;
  if (companyId && !company) notFound();
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
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{intro}</p>
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
          {form(company, estates)}
        </section>
      ) : (
        <CompanyPicker path={path} q={q} results={q ? await searchCompaniesForEntry(db, actor, q) : null} />
      )}
    </div>
  );
}
