import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { getApprovedCompany, searchApprovedCompanies } from '@/db/queries/credit-records';
import { WARNING_TYPES } from '@/db/seed/names';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { cite } from '@/lib/domain/regulations';
import { isUuid } from '@/lib/validation/ids';
import { DepartmentCreditForm } from './_components/department-credit-form';

export const metadata: Metadata = { title: '报送企业信用信息', robots: { index: false } };

const PATH = '/department/credit/new';
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** Step one finds an approved company (a plain GET search, city-wide); step two is the form for it. */
export default async function DepartmentCreditNewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['department'], PATH);
  const sp = await searchParams;
  const db = getDb();
  const companyId = one(sp.company);
  const q = one(sp.q).trim().slice(0, 60);
  const company = companyId ? (isUuid(companyId) ? await getApprovedCompany(db, companyId) : null) : null;
  if (companyId && !company) notFound();
  const results = !company && q ? await searchApprovedCompanies(db, q) : null;
  return (
    <div className="space-y-5">
      <BackLink href="/department/credit">返回本部门报送的信用信息</BackLink>
      <h1 className="text-2xl font-bold">报送企业信用信息</h1>
      <p className="text-slate-700">
        住建部门定期向市场监督等相关部门采集物业服务企业信用信息（{cite('DW', '第八条第（一）项第4目')}），各职能部门及时共享物业服务企业信用信息（{cite('ZJ', '第10点')}）。本部门报送后，由住建部门核定分值和情节轻重后公布。
      </p>
      {company ? (
        <section aria-labelledby="form-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="form-heading" className="mb-1 text-lg font-semibold">
            第二步：填写信息
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            注册所在区县 {company.districtName ?? '—'} ·{' '}
            <Link href={PATH} className="text-brand-800 underline">
              换一家企业
            </Link>
          </p>
          <DepartmentCreditForm company={company} issuer={actor.organisationName ?? '本部门'} suggestions={WARNING_TYPES.map(([t]) => t)} today={today()} />
        </section>
      ) : (
        <section aria-labelledby="pick-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
          <h2 id="pick-heading" className="text-lg font-semibold">
            第一步：选择企业
          </h2>
          <form method="get" action={PATH} className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="q" className="block font-medium">
                企业名称或统一社会信用代码
              </label>
              <input id="q" name="q" defaultValue={q} required maxLength={60} className="mt-1 rounded border border-slate-400 px-3 py-2" />
            </div>
            <button type="submit" className="min-h-11 rounded bg-brand-700 px-4 py-2 font-medium text-white">
              查找
            </button>
          </form>
          {results &&
            (results.length === 0 ? (
              <p className="text-slate-600">没有找到相关的已备案企业。请核对名称，或输入统一社会信用代码的前几位。</p>
            ) : (
              <ul className="divide-y divide-slate-200">
                {results.map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      {c.name}
                      <span className="ml-2 font-mono text-xs text-slate-600">{c.uscc}</span>
                      <span className="ml-2 text-xs text-slate-600">{c.districtName}</span>
                    </span>
                    <Link href={`${PATH}?company=${c.id}`} className="text-brand-800 underline">
                      <span className="sr-only">{c.name}：</span>为该企业报送
                    </Link>
                  </li>
                ))}
              </ul>
            ))}
        </section>
      )}
    </div>
  );
}
