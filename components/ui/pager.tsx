import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * Previous / next links of a signed-in list page (the public pages have their own numbered `Pagination`).
 * `href(p)` builds the link to page p, so each page keeps its own query string. Hidden when there is one page
 * unless `always`; `status` replaces the default「第 n / m 页」marker (e.g. to add a total).
 */
export function Pager({
  page,
  pages,
  href,
  className = 'flex gap-3',
  linkClassName,
  status,
  always = false,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  className?: string;
  linkClassName?: string;
  status?: ReactNode;
  always?: boolean;
}) {
  if (pages <= 1 && !always) return null;
  return (
    <nav aria-label="分页" className={className}>
      {page > 1 && (
        <Link className={linkClassName} href={href(page - 1)}>
          上一页
        </Link>
      )}
      {status ?? (
        <span aria-current="page">
          第 {page} / {pages} 页
        </span>
      )}
      {page < pages && (
        <Link className={linkClassName} href={href(page + 1)}>
          下一页
        </Link>
      )}
    </nav>
  );
}

/**
 * The variant of the bureau's estate, contract and audit lists: always shown, underlined links, and the page count
 * (with `count`, e.g.「（共 12 个）」) as plain text.
 */
export function CountPager({ page, pages, href, count = '' }: { page: number; pages: number; href: (page: number) => string; count?: string }) {
  return (
    <Pager
      always
      page={page}
      pages={pages}
      href={href}
      linkClassName="text-brand-700 underline"
      status={
        <span>
          第 {page} / {pages} 页{count}
        </span>
      }
    />
  );
}
