
/** Page links for a GET-form list: keeps the other query parameters, works without JavaScript. */
export function Pagination({
  basePath,
  params,
  page,
  pageCount,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
    if (p > 1) sp.set('page', String(p));
    const s = sp.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const cell = 'inline-flex min-w-11 min-h-11 items-center justify-center rounded border px-3';
  return (
    <nav aria-label="分页" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev" className={`${cell} border-slate-300 bg-white text-brand-700 hover:bg-brand-50`}>
              上一页
            </a>
          </li>
        )}
        {sorted.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && sorted[i - 1]! < p - 1 && (
              <span aria-hidden="true" className="text-slate-600">
                …
              </span>
            )}
            {p === page ? (
              <a href={href(p)} aria-current="page" className={`${cell} border-brand-700 bg-brand-700 font-bold text-white`}>
                <span className="sr-only">第</span>
                {p}
                <span className="sr-only">页</span>
              </a>
            ) : (
              <a href={href(p)} className={`${cell} border-slate-300 bg-white text-brand-700 hover:bg-brand-50`}>
                <span className="sr-only">第</span>
                {p}
                <span className="sr-only">页</span>
              </a>
            )}
          </li>
        ))}
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next" className={`${cell} border-slate-300 bg-white text-brand-700 hover:bg-brand-50`}>
              下一页
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
