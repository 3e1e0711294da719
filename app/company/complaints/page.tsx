import type { Metadata } from 'next';
import { ComplaintQueue } from '@/components/complaints/queue-page';
import { requireActor } from '@/lib/auth/actor';
import { currentPolicy } from '@/lib/policy';

export const metadata: Metadata = { title: '业主投诉和表扬', robots: { index: false } };

export default async function CompanyComplaintsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/complaints');
  const { settings } = await currentPolicy();
  return (
    <ComplaintQueue
      actor={actor}
      basePath="/company/complaints"
      sp={await searchParams}
      intro={`业主对本企业服务的小区、本企业或其工作人员的投诉和表扬。投诉请在 ${settings.complaintAnswerWorkingDays} 个工作日内答复，逾期未答复的由区县住建部门直接核实处理；表扬请确认收到，并按规定登记优良信息。`}
    />
  );
}
