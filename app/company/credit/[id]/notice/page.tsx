import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { creditRecordExists, getCreditRecordInScope, getRecordNotice } from '@/db/queries/credit-records';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { formatDateTime } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: '警示信用信息告知书', robots: { index: false } };

/** The notice of a warning record (两书同达), printable. */
export default async function RecordNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/credit/${id}/notice`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const record = await inScopeOrNotFound(actor, await getCreditRecordInScope(db, actor, id), { type: 'credit_record', id, exists: () => creditRecordExists(db, id) });
  const notice = await getRecordNotice(db, id);
  if (!notice) notFound();
  return (
    <div className="space-y-4">
      <p className="print:hidden">
        <Link href="/company/credit" className="text-brand-800 underline">
          返回企业信用记录
        </Link>
      </p>
      <article aria-labelledby="notice-heading" className="rounded-lg bg-white p-6 shadow-sm print:shadow-none">
        <h1 id="notice-heading" className="mb-4 text-center text-xl font-bold">
          {notice.title}
        </h1>
        <div className="whitespace-pre-wrap leading-7">{notice.body}</div>
        <p className="mt-6 text-right text-sm text-slate-600">送达时间：{formatDateTime(notice.createdAt)}</p>
        {record.noticeCode && (
          <p className="mt-1 text-right text-sm text-slate-600">
            编号 <span className="font-mono">{record.noticeCode}</span> · 真伪核验：{env().siteUrl}/verify/{record.noticeCode}
          </p>
        )}
      </article>
    </div>
  );
}
