import { BackLink } from '@/components/area/sub-page';
import type { Metadata } from 'next';
import { ComplaintDetail } from '@/components/complaints/complaint-detail';
import { DecideForm } from '@/components/complaints/handling-forms';
import { DONE_NOTICE, loadCaseOr404 } from '@/components/complaints/load-case';
import { HandleSection } from '@/components/objections/detail-parts';
import { getDb } from '@/db';
import { listEstateStaffChoices } from '@/db/queries/complaints';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { mayDecide, NOT_YET_DECIDABLE, parseComplaintBody } from '@/lib/domain/complaints';
import { decideComplaintAction } from '../actions';

export const metadata: Metadata = { title: '核实业主投诉', robots: { index: false } };

export default async function BureauComplaintPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/complaints/${id}`);
  const c = await loadCaseOr404(actor, id);
  const on = today();
  const open = c.status === 'open' || c.status === 'answered';
  const decidable = mayDecide(c, on);
  const staff = decidable && c.projectId ? await listEstateStaffChoices(getDb(), c.projectId) : [];
  return (
    <div className="space-y-4">
      <BackLink href="/bureau/complaints">返回投诉列表</BackLink>
      {(await searchParams).done === '1' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          {DONE_NOTICE}
        </p>
      )}
      <ComplaintDetail c={c} today={on}>
        {decidable && (
          <HandleSection heading="核实处理">
            <DecideForm act={decideComplaintAction} caseId={c.id} version={c.version} staff={staff} named={parseComplaintBody(c.body).staff?.id ?? null} hasCompany={!!c.companyId} />
          </HandleSection>
        )}
        {open && !decidable && c.kind === 'complaint' && <p className="rounded-lg bg-white p-5 shadow-sm">{NOT_YET_DECIDABLE}</p>}
      </ComplaintDetail>
    </div>
  );
}
