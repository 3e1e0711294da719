import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PenaltyDeadlines, penaltyRows } from '@/components/credit/penalty-deadlines';
import { CorrectionNotes, ObjectionBadge, StatementNote } from '@/components/records/record-notes';
import { getDb } from '@/db';
import { creditRecordExists, getCreditRecordInScope, getRecordNotice, listRecordAttachments } from '@/db/queries/credit-records';
import { currentPolicy } from '@/lib/policy';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { recordOutOfScope, requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { CREDIT_CATEGORY_LABELS, CREDIT_PHASE_LABELS } from '@/lib/domain/labels';
import { creditRecordPhase, penaltyPublishBy } from '@/lib/domain/records';
import { formatDate, formatDateTime } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';
import { publishPenaltyAction } from '../actions';
import { ConfirmForm, RejectForm } from '../_components/review-forms';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { publishErrorMessage } from '@/lib/actions/publish-error';
import { BackLink } from '@/components/area/sub-page';
import { AttachmentLinks } from '@/components/ui/attachment-links';

export const metadata: Metadata = { title: '信用记录', robots: { index: false } };

export default async function BureauCreditRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireActor(['city', 'district'], `/bureau/credit/${id}`);
  if (!isUuid(id)) notFound();
  const db = getDb();
  await ensureHolidayCalendar(db);
  const r = await getCreditRecordInScope(db, actor, id);
  if (!r) {
    if (await creditRecordExists(db, id)) await recordOutOfScope(actor, 'credit_record', id);
    notFound();
  }
  const on = today();
  const [policy, files, notice, objections] = await Promise.all([
    currentPolicy(),
    listRecordAttachments(db, 'credit_record', id),
    getRecordNotice(db, id),
    recordsUnderObjection(db, 'credit_record', [id]),
  ]);
  const phase = creditRecordPhase(r, on, policy.settings);
  const sp = await searchParams;
  const sign = r.category === 'performance' ? '加' : '扣';
  const facts: [string, React.ReactNode][] = [
    ['类别', CREDIT_CATEGORY_LABELS[r.category]],
    ['状态', CREDIT_PHASE_LABELS[phase]],
    ['企业', `${r.companyName}（${r.uscc}）`],
    ['物业项目', r.projectName ? `${r.projectName}（${r.districtName ?? ''}）` : '企业整体'],
    ['发生日期', formatDate(r.occurredOn)],
    ['事实 / 情况', r.description],
    ['报送单位', r.reporterName ?? '企业自报'],
    ['报送时间', formatDateTime(r.createdAt)],
  ];
  if (r.proposedPoints != null) facts.push(['建议分值', `${sign} ${Number(r.proposedPoints)} 分`]);
  if (r.issuer) facts.push(['发文单位及文号', r.issuer]);
  if (r.isPenalty) facts.push(['处罚决定日期', formatDate(r.decisionOn)]);
  // A reported penalty is published when confirmed: the deadline of CQ 三.(四) applies to the confirmation.
  if (r.isPenalty && r.decisionOn && r.status === 'submitted') {
    facts.push(['公布期限', `${formatDate(penaltyPublishBy(r.decisionOn, policy.settings))} 前（核准即公布，${policy.settings.penaltyPublicationWorkingDays} 个工作日）`]);
  }
  if (r.status !== 'submitted') {
    facts.push(['核定分值', r.points != null ? `${sign} ${Number(r.points)} 分` : '—']);
    if (r.category === 'warning') facts.push(['情节', r.severity ?? '—']);
    facts.push(['公布日期', formatDate(r.publishedOn)]);
    if (r.minPublicUntil) facts.push(['可申请信用修复日期', `${formatDate(r.minPublicUntil)} 起`]);
    facts.push(['停止计入信用评价日期', formatDate(r.publicUntil)]);
    if (r.policyVersion) facts.push(['依据的信用政策', `第 ${r.policyVersion} 版`]);
    if (r.repairedOn) facts.push(['信用修复日期', formatDate(r.repairedOn)]);
    if (r.decisionReason) facts.push(['不予采纳理由', r.decisionReason]);
  }
  const waitingPenalty = r.isPenalty && r.status === 'approved' && !r.publishedOn;
  return (
    <div className="space-y-6">
      <BackLink href="/bureau/credit">返回企业信用记录</BackLink>
      {sp.entered && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          已录入{r.category === 'warning' ? '，告知书已送达企业' : ''}。
        </p>
      )}
      {sp.published && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
          行政处罚信息已公布{sp.published === 'late' ? '（已超过公布期限）' : ''}。
        </p>
      )}
      {publishErrorMessage(sp.publishError) && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-900">
          {publishErrorMessage(sp.publishError)}
        </p>
      )}
      <h1 className="text-2xl font-bold">
        {r.type}
        <ObjectionBadge open={objections.has(id)} />
      </h1>
      <section aria-labelledby="facts-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="facts-heading" className="sr-only">
          记录内容
        </h2>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-slate-600">{k}</dt>
              <dd className="break-words">{v}</dd>
            </div>
          ))}
          <dt className="text-slate-600">证据材料</dt>
          <dd>
            {files.length === 0 ? '无' : <AttachmentLinks files={files} />}
          </dd>
        </dl>
        <CorrectionNotes corrections={r.corrections} />
        <StatementNote statement={r.statement} by="企业" />
      </section>

      {r.status === 'submitted' && (r.category === 'performance' || r.category === 'warning') && (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="confirm-heading" className="rounded-lg bg-white p-5 shadow-sm">
            <h2 id="confirm-heading" className="mb-3 text-lg font-semibold">
              核准分值
            </h2>
            <ConfirmForm id={r.id} version={r.version} category={r.category} proposedPoints={r.proposedPoints} proposedSeverity={r.severity} />
          </section>
          <section aria-labelledby="reject-heading" className="rounded-lg bg-white p-5 shadow-sm">
            <h2 id="reject-heading" className="mb-3 text-lg font-semibold">
              不予采纳
            </h2>
            <RejectForm id={r.id} version={r.version} />
          </section>
        </div>
      )}

      {waitingPenalty && (
        <section aria-labelledby="penalties-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="penalties-heading" className="mb-3 text-lg font-semibold">
            公布行政处罚信息
          </h2>
          <PenaltyDeadlines rows={penaltyRows([r], on, policy.settings)} action={publishPenaltyAction} back={`/bureau/credit/${r.id}`} empty="" />
        </section>
      )}

      {notice && (
        <section aria-labelledby="notice-heading" className="rounded-lg bg-white p-5 shadow-sm">
          <h2 id="notice-heading" className="mb-2 text-lg font-semibold">
            {notice.title}
          </h2>
          <p className="mb-2 text-sm text-slate-600">送达时间：{formatDateTime(notice.createdAt)}</p>
          <div className="whitespace-pre-wrap text-sm leading-6">{notice.body}</div>
        </section>
      )}
    </div>
  );
}
