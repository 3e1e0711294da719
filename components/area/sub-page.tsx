import Link from 'next/link';

/**
 * A page one step below a signed-in list or file: the way back, the heading, then the page. The way back comes
 * first so that a phone user sees where they are before the form.
 */
export function SubPage({ back, title, children }: { back: { href: string; label: string }; title: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="max-w-3xl space-y-4">
      <p>
        <Link href={back.href} className="text-brand-800 underline">
          {back.label}
        </Link>
      </p>
      <h1 className="text-xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
