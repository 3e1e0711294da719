import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RecordSummary } from '@/components/objections/record-summary';
import { getDb } from '@/db';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { getCreditRecordForObjection } from '@/db/queries/record-objections';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { isUuid } from '@/lib/validation/ids';
import { CompanyRecordObjectionForm } from './record-objection-form';

export const metadata: Metadata = { title: '对本企业信用记录提出异议', robots: { index: false } };

/** DW 9 第一款: the company applies for verification of one of its own confirmed records. */
export default async function NewCompanyRecordObjectionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/objections');
  const raw = (await searchParams).record;
  const id = Array.isArray(raw) ? raw[0] : raw;
  if (!id || !isUuid(id)) notFound();
  const db = getDb();
  const record = await getCreditRecordForObjection(db, id);
  if (!record || record.companyId !== actor.companyId || record.status !== 'approved') {
    if (record) await recordOutOfScope(actor, 'credit_record', id);
    notFound();
  }
  const open = await recordsUnderObjection(db, 'credit_record', [record.id]);
  return (
    <div className="space-y-5">
      <p>
        <Link href="/company/objections#record-objections" className="text-brand-800 underline">
          返回信息异议
        </Link>
      </p>
      <h1 className="text-2xl font-bold">对本企业信用记录提出异议</h1>
      <p className="text-slate-700">
        对公布的信用信息有异议的，可以向住建部门申请信息核查，并提供相应书面证据（《遂宁市物业服务企业综合信用评价“红黑榜”管理办法》第九条）。经核查异议成立的，住建部门将更正信息并公开更正内容。
      </p>
      <RecordSummary credit={record} underObjection={open.has(record.id)} audience="internal" />
      {open.has(record.id) ? (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          该记录已有异议正在处理中，办结前不再受理同一记录的异议。
        </p>
      ) : (
        <div className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <CompanyRecordObjectionForm recordId={record.id} />
        </div>
      )}
    </div>
  );
}
