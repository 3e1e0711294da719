import type { Metadata } from 'next';
import { z } from 'zod';
import { parseFilters } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { searchPublic } from '@/db/queries/public-home';
import { searchText } from '@/lib/validation/search-text';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '搜索', robots: { index: false, follow: true } };

const paramsSchema = z.object({ q: searchText(50) });

type Hit = { id: string; title: string; subtitle: string };

/** One kind of hit (estates or companies): a heading with the count, the hits, or where to look instead. */
function HitSection({ id, title, hits, hrefOf, empty, browse }: { id: string; title: string; hits: Hit[]; hrefOf: (id: string) => string; empty: string; browse: { href: string; label: string } }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}（{hits.length}）
      </h2>
      {hits.length === 0 ? (
        <p className="text-slate-600">
          {empty}
          <a href={browse.href} className="ml-1 text-brand-700 underline">
            {browse.label}
          </a>
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
          {hits.map((h) => (
            <li key={h.id} className="px-4 py-3">
              <p>
                <a href={hrefOf(h.id)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {h.title}
                </a>
              </p>
              <p className="text-sm text-slate-600">{h.subtitle}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const { q } = parseFilters(paramsSchema, raw);
  const results = q ? await searchPublic(getDb(), q) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{q ? `“${q}”的搜索结果` : '搜索'}</h1>
      {!q && <p className="text-slate-700">请在页面顶部的搜索框中输入小区名称、地址或企业名称。</p>}
      {results && (
        <>
          <HitSection id="estates-heading" title="小区" hits={results.estates} hrefOf={(id) => `/projects/${id}`} empty="没有找到匹配的小区。" browse={{ href: '/projects', label: '按区县和街道浏览小区' }} />
          <HitSection id="companies-heading" title="物业服务企业" hits={results.companies} hrefOf={(id) => `/companies/${id}`} empty="没有找到匹配的企业。" browse={{ href: '/companies', label: '浏览已备案企业名录' }} />
        </>
      )}
    </div>
  );
}
