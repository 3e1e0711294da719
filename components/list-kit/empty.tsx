import { PlainAnchor, type Anchor } from './anchor';

export type EmptyText = {
  /** Said when the filters exclude everything, followed by a link that clears them. */
  filtered: string;
  /** Said when there is nothing at all yet… */
  none: string;
  /** …followed by what to do next, when there is something to do. */
  next?: { href: string; label: string };
};

/**
 * An empty list says why it is empty and what to do next: "no results for these filters" offers to clear them;
 * "nothing yet" offers the next step; a page past the end offers the first page.
 */
export function EmptyState({
  text,
  filtered,
  pastEnd,
  clearHref,
  firstHref,
  anchor: A = PlainAnchor,
}: {
  text: EmptyText;
  filtered: boolean;
  pastEnd: boolean;
  clearHref: string;
  firstHref: string;
  anchor?: Anchor;
}) {
  const link = 'ml-1 text-brand-800 underline';
  return (
    <p className="rounded-lg bg-white p-5 text-slate-700 shadow-sm">
      {pastEnd ? (
        <>
          没有这一页。
          <A href={firstHref} className={link}>
            回到第 1 页
          </A>
        </>
      ) : filtered ? (
        <>
          {text.filtered}
          <A href={clearHref} className={link}>
            清除筛选条件
          </A>
        </>
      ) : (
        <>
          {text.none}
          {text.next && (
            <A href={text.next.href} className={link}>
              {text.next.label}
            </A>
          )}
        </>
      )}
    </p>
  );
}
