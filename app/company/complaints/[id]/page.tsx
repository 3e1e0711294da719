import { BackLink } from '@/components/area/sub-page';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ComplaintDetail } from '@/components/complaints/complaint-detail';
import { AnswerForm } from '@/components/complaints/handling-forms';
import { DONE_NOTICE, loadCaseOr404 } from '@/components/complaints/load-case';
import { HandleSection } from '@/components/objections/detail-parts';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { mayAnswer, parseComplaintBody } from '@/lib/domain/complaints';
import { currentPolicy } from '@/lib/policy';
import { answerComplaintAction } from '../actions';

export const metadata: Metadata = { title: '处理业主投诉或表扬', robots: { index: false } };

export default async function CompanyComplaintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/complaints/${id}`);
  const c = await loadCaseOr404(actor, id);
  const staff = parseComplaintBody(c.body).staff;
  const praise = c.kind === 'praise';
  const { settings } = await currentPolicy();
  return (
    <div className="space-y-4">
      <BackLink href="/company/complaints">返回投诉和表扬列表</BackLink>
      {(await searchParams).done === '1' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {DONE_NOTICE}
        </p>
      )}
      <ComplaintDetail c={c} today={today()}>
        {praise && staff && (
          <p className="rounded-lg bg-white p-5 shadow-sm">
            业主的书面表扬可作为优良信息的证明材料（《遂宁市物业服务从业人员执业管理办法》第九条第三项），请在收到后 {settings.goodRecordFilingDays} 日内
            <Link href={`/company/records/new-good?pid=${staff.id}`} className="ml-1 text-brand-800 underline">
              为 {staff.name} 登记优良信息
            </Link>
            ，经区县住建部门审核后公开。
          </p>
        )}
        {mayAnswer(c) && (
          <HandleSection heading={praise ? '确认收到' : '答复业主'}>
            <AnswerForm act={answerComplaintAction} caseId={c.id} version={c.version} praise={praise} />
          </HandleSection>
        )}
      </ComplaintDetail>
    </div>
  );
}
