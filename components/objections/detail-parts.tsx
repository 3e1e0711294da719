import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';

/** Pieces of the handler's objection page shared by own-data objections (objection-detail) and record objections. */

/** The way back to the list and the title, with the 异议处理中 flag while the case is open. */
export function DetailHeading({ backHref, open, children }: { backHref: string; open: boolean; children: ReactNode }) {
  return (
    <>
      <p>
        <Link href={backHref} className="text-brand-800 underline">
          返回异议列表
        </Link>
      </p>
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
        {children}
        {open && <span className="rounded bg-amber-100 px-2 py-0.5 text-base font-medium text-amber-900">异议处理中</span>}
      </h1>
    </>
  );
}

export { AttachmentLinks as EvidenceLinks } from '@/components/ui/attachment-links';

/** When the case was closed and by whom, as a row of the case's <dl>. */
export function DecidedRow({ at, by }: { at: Date; by: string | null }) {
  return (
    <>
      <dt className="text-slate-600">办结</dt>
      <dd>
        {formatDateTime(at)} {by ?? ''}
      </dd>
    </>
  );
}

/** The handler's forms of an open case. */
export function HandleSection({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby="handle-heading" className="space-y-5 rounded-lg bg-white p-5 shadow-sm">
      <h2 id="handle-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {children}
    </section>
  );
}
