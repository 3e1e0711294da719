import type { Metadata } from 'next';
import Link from 'next/link';
import { CompanyFlags } from '@/components/credit/company-flags';
import { listCompanyFlags } from '@/db/queries/company-flags';
import { notFound } from 'next/navigation';
import { FilingComparison } from '@/components/company/filing-details';
import { getDb } from '@/db';
import { getCompanyBasics, getCompanyVersionData, getFilingInScope, hasGreenChannel } from '@/db/queries/company-filing';
import { submissionExists } from '@/db/queries/submissions';
import { inScopeOrNotFound, requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { FILING_STATUS_LABELS, SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import type { CompanyFilingInput } from '@/lib/validation/company';
import { DecisionForm } from '@/components/forms/decision-form';
import { decideFilingAction } from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: '审核企业备案', robots: { index: false } };

export default async function FilingReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(['city'], `/bureau/filings/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  const filing = await inScopeOrNotFound(actor, await getFilingInScope(db, actor, id), { type: 'submission', id, exists: () => submissionExists(db, id) });
  const company = await getCompanyBasics(db, filing.companyId);
  if (!company) notFound();
  const base = filing.type === 'company_change' && filing.baseVersion ? await getCompanyVersionData(db, filing.companyId, filing.baseVersion) : null;
  const { licenceAttachmentId, ...data } = filing.payload;
  const on = today();
  const banned = company.bannedUntil && company.bannedUntil >= on ? `该企业处于市场禁入期（至 ${company.bannedUntil}），不得准予备案。` : null;
  // DW 14 flags of the company (the market-exit recommendation matters to a filing decision); reasons shown to the bureau.
  const [flags, green] = await Promise.all([listCompanyFlags(db, filing.companyId, on), hasGreenChannel(db, filing.companyId, on)]);
  const stale = filing.type === 'company_change' && filing.baseVersion != null && filing.baseVersion !== company.version;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/bureau/filings" className="text-brand-800 underline">
          返回审核列表
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {SUBMISSION_TYPE_LABELS[filing.type]}：{(data as CompanyFilingInput).name}
      </h1>
      <CompanyFlags rows={flags} on={on} greenChannel={green} heading="该企业的激励与监管标记" showReasons />
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-600">申请状态</dt>
        <dd>{SUBMISSION_STATUS_LABELS[filing.status] ?? filing.status}</dd>
        <dt className="text-slate-600">企业备案状态</dt>
        <dd>{FILING_STATUS_LABELS[company.filingStatus] ?? company.filingStatus}</dd>
        <dt className="text-slate-600">提交时间</dt>
        <dd>{formatDateTime(filing.submittedAt)}</dd>
        {filing.decidedAt && (
          <>
            <dt className="text-slate-600">审核</dt>
            <dd>
              {formatDateTime(filing.decidedAt)} {filing.decidedByName ?? ''}
              {filing.reason ? `：${filing.reason}` : ''}
            </dd>
          </>
        )}
        <dt className="text-slate-600">营业执照</dt>
        <dd>
          {licenceAttachmentId ? (
            <a href={`/attachments/${licenceAttachmentId}`} className="text-brand-800 underline">
              查看营业执照扫描件
            </a>
          ) : (
            '未上传'
          )}
        </dd>
      </dl>
      {stale && (
        <p className="rounded bg-amber-50 px-3 py-2 text-amber-900">
          本申请依据的是第 {filing.baseVersion} 版信息，企业信息现已是第 {company.version} 版；准予将被拒绝，请退回企业按最新信息重新提交。
        </p>
      )}
      <section className="rounded-lg bg-white p-5 shadow-sm">
        <FilingComparison
          before={(base?.data as Partial<CompanyFilingInput> | undefined) ?? null}
          after={data as CompanyFilingInput}
          caption={base ? `与第 ${filing.baseVersion} 版对比（标明“已变更”的为本次变更内容）` : '申报的基本信息'}
        />
      </section>
      {filing.status === 'submitted' && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="decide-heading" className="mb-3 text-lg font-semibold">
            审核
          </h2>
          <DecisionForm
            action={decideFilingAction}
            hidden={{ submissionId: filing.id, version: filing.version }}
            approveLabel="准予备案"
            rejectLabel="不予备案"
            approveBlocked={banned}
          />
        </section>
      )}
    </div>
  );
}
