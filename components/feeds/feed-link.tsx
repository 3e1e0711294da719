/** The 订阅 link of an estate's or a company's page: its Atom feed (the page's head names the same feed). */
export function FeedLink({ href, what }: { href: string; what: string }) {
  return (
    <p className="mt-1 text-sm">
      <a href={href} type="application/atom+xml" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-2">
        订阅{what}动态（Atom）
      </a>
    </p>
  );
}

/** `metadata.alternates.types` of a page with a feed: `<link rel="alternate" type="application/atom+xml">`. */
export function feedAlternate(url: string, title: string) {
  return { 'application/atom+xml': [{ url, title }] };
}
