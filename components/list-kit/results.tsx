import type { ReactNode } from 'react';
import type { z } from 'zod';
import { PlainAnchor, type Anchor } from './anchor';
import { EmptyState, type EmptyText } from './empty';
import { Pager } from './pager';
import { defaultFilters, isFiltered, listHref, pageCount } from './params';
import { ListTable, type ListTableProps } from './table';

export type ListResultsProps<R> = ListTableProps<R> & {
  /** The list's own path; links keep the current filters. */
  path: string;
  /** The parsed filters (with `page`), and the schema they came from (for its defaults)… */
  filters: { page: number } & Record<string, unknown>;
  schema?: z.ZodObject;
  /** …or the defaults themselves, in the shape of `linkFilters` (the empty state tells "filtered" from "none"). */
  defaults?: Record<string, unknown>;
  /** The filters that links carry, when they differ from `filters` (e.g. one the viewer's role may not set). */
  linkFilters?: Record<string, unknown>;
  /** The true number of rows matching the filters, and the page size the query used. */
  total: number;
  pageSize: number;
  unit?: string;
  /** The count line above the table (announced politely); default「共 N 条。」 */
  summary?: ReactNode;
  empty: EmptyText;
  /** The Excel export of what the filters select: rendered as a download link beside the count. */
  exportLink?: { href: string; label: string } | null;
  /** A fragment the pager's links end in (e.g. `#file-heading`, a list below other sections). */
  fragment?: string;
  anchor?: Anchor;
};

/** The results half of a list page: count, export link, table (cards on a phone) or empty state, and pager. */
export function ListResults<R>(props: ListResultsProps<R>) {
  const { path, filters, total, pageSize, unit = '条', rows, anchor: A = PlainAnchor } = props;
  const linkFilters = props.linkFilters ?? filters;
  const pages = pageCount(total, pageSize);
  const href = (p: number) => `${listHref(path, linkFilters, p)}${props.fragment ?? ''}`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite">{props.summary ?? `共 ${total} ${unit}。`}</p>
        {props.exportLink && (
          // A file, not a page: always a plain anchor.
          <a href={props.exportLink.href} download className="inline-flex min-h-11 items-center rounded border border-brand-700 px-3 py-2 text-brand-800">
            {props.exportLink.label}
          </a>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState
          text={props.empty}
          filtered={isFiltered(linkFilters, props.defaults ?? (props.schema ? defaultFilters(props.schema) : {}))}
          pastEnd={total > 0}
          clearHref={path}
          firstHref={href(1)}
          anchor={A}
        />
      ) : (
        <ListTable caption={props.caption} columns={props.columns} rows={rows} rowKey={props.rowKey} rowClassName={props.rowClassName} testId={props.testId} />
      )}
      {total > 0 && <Pager page={filters.page} pages={pages} total={total} unit={unit} href={href} anchor={A} />}
    </>
  );
}

/**
 * A short list that the query returns whole (a company's own contracts, moves…): the same table and "nothing
 * yet" state, no filters and no pager.
 */
export function UnpagedList<R>({ empty, anchor = PlainAnchor, ...table }: ListTableProps<R> & { empty: Omit<EmptyText, 'filtered'>; anchor?: Anchor }) {
  if (table.rows.length === 0) return <EmptyState text={{ ...empty, filtered: '' }} filtered={false} pastEnd={false} clearHref="" firstHref="" anchor={anchor} />;
  return <ListTable {...table} />;
}
