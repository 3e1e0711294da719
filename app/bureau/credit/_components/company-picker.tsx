import Link from 'next/link';
import type { CompanyRef } from '@/db/queries/credit-records';

/** Step one of a bureau entry: find the company (a plain GET search, limited to the bureau's scope). */
export function CompanyPicker({ path, q, results }: { path: string; q: string; results: CompanyRef[] | null }) {
  return (
    <section aria-labelledby="pick-heading" className="space-y-3 rounded-lg bg-white p-5 shadow-sm">
      <h2 id="pick-heading" className="text-lg font-semibold">
        第一步：选择企业
      </h2>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="q" className="block font-medium">
            企业名称或统一社会信用代码
          </label>
          <input id="q" name="q" defaultValue={q} required className="mt-1 rounded border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          查找
        </button>
      </form>
      {results &&
        (results.length === 0 ? (
          <p className="text-slate-600">没有找到本辖区的相关企业（区县住建部门可录入在本区县注册或在本区县服务项目的企业）。</p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {results.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {c.name}
                  <span className="ml-2 font-mono text-xs text-slate-600">{c.uscc}</span>
                  <span className="ml-2 text-xs text-slate-600">{c.districtName}</span>
                </span>
                <Link href={`${path}?company=${c.id}`} className="text-brand-800 underline">
                  <span className="sr-only">{c.name}：</span>为该企业录入
                </Link>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
