import type { Metadata } from 'next';
import { ComplaintQueue } from '@/components/complaints/queue-page';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '业主投诉', robots: { index: false } };

export default async function BureauComplaintsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/complaints');
  return (
    <ComplaintQueue
      actor={actor}
      basePath="/bureau/complaints"
      exportable
      sp={await searchParams}
      intro="辖区小区业主的投诉：企业答复后（或答复逾期后）请核实。属实且有人员负有责任的记入其不良信息，企业有责任的记入企业警示信息；不成立的写明理由，业主凭查询码可以看到。"
    />
  );
}
