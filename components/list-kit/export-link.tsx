import { listHref } from './params';

/** The Excel export of a list page: `<path>/export.xlsx` with the list's current filters (not its page). */
export function exportHref(path: string, filters: Record<string, unknown>): string {
  return listHref(`${path}/export.xlsx`, filters);
}

/** What `ListResults` takes as `exportLink`. */
export const exportLinkOf = (path: string, filters: Record<string, unknown>, label = '导出 Excel') => ({ href: exportHref(path, filters), label });

/** The same link for lists that do not render through `ListResults`. A file, not a page: a plain anchor. */
export function ExportLink({ path, filters, label = '导出 Excel' }: { path: string; filters: Record<string, unknown>; label?: string }) {
  return (
    <a href={exportHref(path, filters)} download className="inline-flex min-h-11 items-center rounded border border-brand-700 px-3 py-2 text-brand-800">
      {label}
    </a>
  );
}
