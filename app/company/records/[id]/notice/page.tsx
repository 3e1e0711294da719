import type { Metadata } from 'next';
import { RecordNotice } from '@/components/records/record-notice';
import { requireActor } from '@/lib/auth/actor';
import { loadRecordNotice } from '@/lib/records/load';

export const metadata: Metadata = { title: '不良行为记录告知书', robots: { index: false } };

export default async function CompanyRecordNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/records/${id}/notice`);
  const { record, siteUrl, qrSvg } = await loadRecordNotice(actor, id);
  return <RecordNotice r={record} siteUrl={siteUrl} qrSvg={qrSvg} backHref={`/company/records/${record.id}`} />;
}
