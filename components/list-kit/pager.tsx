import { PlainAnchor, type Anchor } from './anchor';
import { listHref, pageWindow } from './params';

const link = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-slate-300 bg-white px-3 text-brand-700 hover:bg-brand-50';

/**
 * Previous / next of a list: server-rendered links, "第 N / M 页" and the true total (`共 X 条`), so a page of a
 * long list says where it is without JavaScript. `href(p)` builds the link to page p with the current filters.
 */
export function Pager({
  page,
  pages,
  total,
  unit = '条',
  href,
  anchor: A = PlainAnchor,
}: {
  page: number;
  pages: number;
  total: number;
  unit?: string;
  href: (page: number) => string;
  anchor?: Anchor;
}) {
  return (
    <nav aria-label="分页" className="flex flex-wrap items-center gap-3">
      {page > 1 && (
        <A href={href(Math.min(page - 1, pages))} rel="prev" className={link}>
          上一页
        </A>
      )}
      <span aria-current="page">
        第 {page} / {pages} 页
      </span>
      <span className="text-slate-600">
        （共 {total} {unit}）
      </span>
      {page < pages && (
        <A href={href(page + 1)} rel="next" className={link}>
          下一页
        </A>
      )}
    </nav>
  );
}

/**
 * The numbered pager of the public directories: first, last and two either side, as plain links (decision 022)
 * that keep the current filters (`listHref`).
 */
export function NumberedPager({ path, filters, page, pages }: { path: string; filters: Record<string, unknown>; page: number; pages: number }) {
  if (pages <= 1) return null;
  const href = (p: number) => listHref(path, filters, p);
  const shown = pageWindow(page, pages);
  const cell = 'inline-flex min-w-11 min-h-11 items-center justify-center rounded border px-3';
  const idle = `${cell} border-slate-300 bg-white text-brand-700 hover:bg-brand-50`;
  return (
    <nav aria-label="分页" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev" className={idle}>
              上一页
            </a>
          </li>
        )}
        {shown.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && shown[i - 1]! < p - 1 && (
              <span aria-hidden="true" className="text-slate-600">
                …
              </span>
            )}
            <a href={href(p)} aria-current={p === page ? 'page' : undefined} className={p === page ? `${cell} border-brand-700 bg-brand-700 font-bold text-white` : idle}>
              <span className="sr-only">第</span>
              {p}
              <span className="sr-only">页</span>
            </a>
          </li>
        ))}
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next" className={idle}>
              下一页
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
