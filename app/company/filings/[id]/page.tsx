import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FilingComparison } from '@/components/company/filing-details';
import { getDb } from '@/db';
import { getCompanyVersionData, getFilingInScope } from '@/db/queries/company-filing';
import { submissionExists } from '@/db/queries/submissions';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import type { CompanyFilingInput } from '@/lib/validation/company';
import { FilingForm } from '../_components/filing-form';
import { WithdrawForm } from '../_components/withdraw-form';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: '备案申请', robots: { index: false } };

export default async function CompanyFilingDetail({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(['company'], `/company/filings/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const filing = await inScopeOrNotFound(actor, await getFilingInScope(db, actor, id), { type: 'submission', id, exists: () => submissionExists(db, id) });
  const sp = await searchParams;
  const base = filing.type === 'company_change' && filing.baseVersion ? await getCompanyVersionData(db, filing.companyId, filing.baseVersion) : null;
  const editable = filing.status === 'draft' || filing.status === 'returned';
  const { licenceAttachmentId, ...data } = filing.payload;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/company/filing" className="text-brand-800 underline">
          返回企业备案
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {SUBMISSION_TYPE_LABELS[filing.type]}：{SUBMISSION_STATUS_LABELS[filing.status] ?? filing.status}
      </h1>
      {sp.saved === 'draft' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          草稿已保存，尚未提交审核。
        </p>
      )}
      {sp.saved === 'submitted' && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已提交，等待市住建局审核。
        </p>
      )}
      {filing.reason && (filing.status === 'returned' || filing.status === 'rejected' || filing.status === 'approved') && (
        <section
          aria-labelledby="reason-heading"
          className={`rounded-lg p-5 ${filing.status === 'approved' ? 'bg-emerald-50' : 'bg-amber-50'}`}
        >
          <h2 id="reason-heading" className="font-semibold">
            审核意见{filing.decidedAt ? `（${formatDateTime(filing.decidedAt)}）` : ''}
          </h2>
          <p className="mt-1 whitespace-pre-wrap">{filing.reason}</p>
        </section>
      )}
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-600">提交时间</dt>
        <dd>{filing.submittedAt ? formatDateTime(filing.submittedAt) : '未提交'}</dd>
        <dt className="text-slate-600">营业执照</dt>
        <dd>
          {licenceAttachmentId ? (
            <a href={`/attachments/${licenceAttachmentId}`} className="text-brand-800 underline">
              查看已上传的营业执照
            </a>
          ) : (
            '未上传'
          )}
        </dd>
      </dl>
      {editable ? (
        <FilingForm
          defaults={data as CompanyFilingInput}
          submissionId={filing.id}
          expectedVersion={filing.version}
          idempotencyKey={randomUUID()}
          isChange={filing.type === 'company_change'}
          hasLicence={!!licenceAttachmentId}
        />
      ) : (
        <section className="rounded-lg bg-white p-5 shadow-sm">
          <FilingComparison
            before={(base?.data as Partial<CompanyFilingInput> | undefined) ?? null}
            after={data as CompanyFilingInput}
            caption="申报的基本信息"
          />
        </section>
      )}
      {(editable || filing.status === 'submitted') && (
        <WithdrawForm submissionId={filing.id} version={filing.version} label={filing.status === 'draft' ? '放弃草稿' : '撤回申请'} />
      )}
    </div>
  );
}
