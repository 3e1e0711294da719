/** The breadcrumb trail of a public page: 首页 first, then `trail` (plain links, decision 022), then the page itself. */
export function Breadcrumbs({ trail = [], current }: { trail?: { href: string; label: string }[]; current: string }) {
  return (
    <nav aria-label="面包屑" className="text-sm text-slate-600">
      <ol className="flex flex-wrap gap-1">
        {[{ href: '/', label: '首页' }, ...trail].map((t) => (
          <li key={t.href}>
            <a href={t.href} className="text-brand-700 underline">
              {t.label}
            </a>
            <span aria-hidden="true"> / </span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
