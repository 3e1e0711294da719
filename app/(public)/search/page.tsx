import type { Metadata } from 'next';
import { z } from 'zod';
import { NumberedPager } from '@/components/list-kit/pager';
import { listHref, parseFilters } from '@/components/list-kit/params';
import { getDb } from '@/db';
import { searchPublic, SEARCH_KINDS, type PublicStaffHit, type SearchKind, type SearchSection } from '@/db/queries/public-search';
import { searchText } from '@/lib/validation/search-text';

export const dynamic = 'force-dynamic';

// Decision 027: a page that repeats any query it is given is not indexed; its links are followed.
export const metadata: Metadata = { title: '搜索', robots: { index: false, follow: true } };

const paramsSchema = z.object({
  q: searchText(50),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Hits per kind on the overview; a kind's own pages show the list kit's 20. */
const OVERVIEW_SIZE = 5;

const KIND: Record<SearchKind, { title: string; unit: string; noun: string; empty: string; browse: { href: string; label: string } }> = {
  estates: { title: '小区', unit: '个', noun: '小区', empty: '没有找到匹配的小区。', browse: { href: '/projects', label: '按区县和街道浏览小区' } },
  companies: { title: '物业服务企业', unit: '家', noun: '企业', empty: '没有找到匹配的企业。', browse: { href: '/companies', label: '浏览已备案企业名录' } },
  staff: { title: '物业服务人员', unit: '名', noun: '人员', empty: '没有找到姓名匹配的在岗物业服务人员。', browse: { href: '/projects', label: '到所在小区的页面查看服务人员' } },
};

interface Row {
  key: string;
  href: string;
  title: string;
  subtitle: string;
}

function staffRow(s: PublicStaffHit): Row {
  return {
    key: `${s.practitionerId}@${s.project.id}`,
    href: `/projects/${s.project.id}/staff/${s.practitionerId}`,
    title: s.name,
    subtitle: [s.post, s.project.name, s.company?.name].filter(Boolean).join(' · '),
  };
}

/** One kind of hit: a heading with the true count, the hits, and 查看全部 (overview) or the pager (the kind's pages). */
function HitSection({ q, kind, section, rows, single }: { q: string; kind: SearchKind; section: SearchSection<unknown>; rows: Row[]; single: boolean }) {
  const k = KIND[kind];
  const id = `${kind}-heading`;
  const href = (page: number) => listHref('/search', { q, kind }, page);
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {k.title}（{section.total}）
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-600">
          {section.total > 0 ? '没有这一页。' : k.empty}
          <a href={section.total > 0 ? href(1) : k.browse.href} className="ml-1 text-brand-700 underline">
            {section.total > 0 ? '回到第 1 页' : k.browse.label}
          </a>
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
          {rows.map((h) => (
            <li key={h.key} className="px-4 py-3">
              <p>
                <a href={h.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {h.title}
                </a>
              </p>
              <p className="text-sm text-slate-600">{h.subtitle}</p>
            </li>
          ))}
        </ul>
      )}
      {!single && section.total > rows.length && (
        <p>
          <a href={href(1)} className="text-brand-700 underline">
            查看全部 {section.total} {k.unit}{k.noun}
          </a>
        </p>
      )}
      {single && <NumberedPager path="/search" filters={{ q, kind }} page={section.page} pages={section.pageCount} />}
    </section>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q, kind, page } = parseFilters(paramsSchema, await searchParams);
  const results = q ? await searchPublic(getDb(), q, kind ? { kind, page } : { pageSize: OVERVIEW_SIZE }) : null;
  const kinds = kind ? [kind] : SEARCH_KINDS;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{q ? `“${q}”的搜索结果${kind ? `：${KIND[kind].title}` : ''}` : '搜索'}</h1>
      {!q && <p className="text-slate-700">请在页面顶部的搜索框中输入小区名称、地址、企业名称或物业服务人员的姓名（输入两个字即可）。</p>}
      {results && kind && (
        <p>
          <a href={listHref('/search', { q })} className="text-brand-700 underline">
            返回全部搜索结果
          </a>
        </p>
      )}
      {results &&
        kinds.map((k) => (
          <HitSection
            key={k}
            q={q}
            kind={k}
            single={!!kind}
            section={results[k]}
            rows={k === 'staff' ? results.staff.items.map(staffRow) : results[k].items.map((h) => ({ key: h.id, href: h.href, title: h.title, subtitle: h.subtitle }))}
          />
        ))}
    </div>
  );
}
