import Link from 'next/link';

/**
 * A page one step below a signed-in list or file: the way back, the heading, then the page. The way back comes
 * first so that a phone user sees where they are before the form.
 */
export function SubPage({ back, title, children }: { back: { href: string; label: string }; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl space-y-4">
      <BackLink href={back.href}>{back.label}</BackLink>
      <h1 className="text-xl font-bold">{title}</h1>
      {children}
    </div>
  );
}

/** The way back from a page to the list or file it belongs to: a plain link in its own paragraph, first on the page. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <Link href={href} className="text-brand-800 underline">
        {children}
      </Link>
    </p>
  );
}
