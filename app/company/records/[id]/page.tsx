import type { Metadata } from 'next';
import Link from 'next/link';
import { RecordDetailView } from '@/components/records/record-detail';
import { requireActor } from '@/lib/auth/actor';
import { loadRecordPage } from '@/lib/records/load';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '人员奖惩记录', robots: { index: false } };

export default async function CompanyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/records/${id}`);
  const { record, objectionOpen } = await loadRecordPage(actor, id);
  return (
    <div className="space-y-5">
      <BackLink href="/company/records">返回人员奖惩记录</BackLink>
      <h1 className="text-2xl font-bold">
        {record.kind === 'good' ? '优良信息' : '不良信息'}：{record.name}
      </h1>
      {record.noticeCode && (
        <p>
          <Link href={`/company/records/${record.id}/notice`} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            打印告知书
          </Link>
        </p>
      )}
      <RecordDetailView r={record} objectionOpen={objectionOpen} />
    </div>
  );
}
