import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { basicsAsInput, findOpenFiling, getCompanyBasics } from '@/db/queries/company-filing';
import { requireActor } from '@/lib/auth/actor';
import { FilingForm } from '../_components/filing-form';

export const metadata: Metadata = { title: '填写备案信息', robots: { index: false } };

export default async function NewFilingPage() {
  const actor = await requireActor(['company'], '/company/filings/new');
  const db = getDb();
  const company = actor.companyId ? await getCompanyBasics(db, actor.companyId) : null;
  if (!company) notFound();
  const open = await findOpenFiling(db, company.id);
  if (open) redirect(`/company/filings/${open.id}`);
  const isChange = company.filingStatus === 'approved';
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{isChange ? '申请变更企业基本信息' : '企业备案'}</h1>
      <p className="text-slate-700">
        {isChange
          ? '修改需要变更的内容后提交，经市住建局审核通过后生效；变更营业执照登记事项的，须上传变更后的营业执照。'
          : '如实填写企业基本信息并上传营业执照，提交后由市住建局审核；审核通过后企业方可在平台公开并承接物业项目。'}
      </p>
      <FilingForm
        defaults={basicsAsInput(company)}
        submissionId={null}
        expectedVersion={null}
        idempotencyKey={randomUUID()}
        isChange={isChange}
        hasLicence={false}
      />
    </div>
  );
}
