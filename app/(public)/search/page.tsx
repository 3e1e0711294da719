import type { Metadata } from 'next';
import { z } from 'zod';
import { getDb } from '@/db';
import { searchPublic } from '@/db/queries/public-home';
import { searchText } from '@/lib/validation/search-text';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '搜索', robots: { index: false, follow: true } };

const paramsSchema = z.object({ q: searchText(50) });

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const { q } = paramsSchema.parse({ q: typeof raw.q === 'string' ? raw.q : '' });
  const results = q ? await searchPublic(getDb(), q) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{q ? `“${q}”的搜索结果` : '搜索'}</h1>
      {!q && <p className="text-slate-700">请在页面顶部的搜索框中输入小区名称、地址或企业名称。</p>}
      {results && (
        <>
          <section aria-labelledby="estates-heading">
            <h2 id="estates-heading" className="mb-2 text-lg font-semibold">
              小区（{results.estates.length}）
            </h2>
            {results.estates.length === 0 ? (
              <p className="text-slate-600">没有找到匹配的小区。</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
                {results.estates.map((h) => (
                  <li key={h.id} className="px-4 py-3">
                    <p>
                      <a href={`/projects/${h.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {h.title}
                      </a>
                    </p>
                    <p className="text-sm text-slate-600">{h.subtitle}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="companies-heading">
            <h2 id="companies-heading" className="mb-2 text-lg font-semibold">
              物业服务企业（{results.companies.length}）
            </h2>
            {results.companies.length === 0 ? (
              <p className="text-slate-600">没有找到匹配的企业。</p>
            ) : (
              <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
                {results.companies.map((h) => (
                  <li key={h.id} className="px-4 py-3">
                    <p>
                      <a href={`/companies/${h.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                        {h.title}
                      </a>
                    </p>
                    <p className="text-sm text-slate-600">{h.subtitle}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
