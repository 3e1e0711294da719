import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { getComplaintByCode } from '@/db/queries/complaints';
import { COMPLAINT_KIND_LABELS, COMPLAINT_STATUS_LABELS, parseComplaintBody, parseComplaintDecision, trackingSteps, type ComplaintKind } from '@/lib/domain/complaints';
import { normalizeTrackingCode } from '@/lib/domain/objections';
import { formatDate, formatDateTime } from '@/lib/format';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '投诉或表扬处理进度', robots: { index: false, follow: false } };

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The owner's tracking page (SPEC §3.10): what it was about, each step with its time, the company's answer and the
 * district's outcome with its reason and the record it made. No name or phone of the owner: the code is all it takes.
 */
export default async function ComplaintTrackingPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const code = normalizeTrackingCode(decodeURIComponent((await params).code));
  const c = code ? await getComplaintByCode(getDb(), code) : null;
  if (!c) notFound();
  const filed = (await searchParams).filed === '1';
  const kind = COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind;
  const body = parseComplaintBody(c.body);
  const decision = parseComplaintDecision(c.decision);
  const about = body.staff ? `工作人员：${body.staff.name}（${body.staff.post}）` : body.about === 'company' ? `物业服务企业：${c.companyName ?? ''}` : '小区的物业服务';
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">{kind}处理进度</h1>
      {filed && (
        <div role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
          <p className="font-medium">{kind}已提交。</p>
          <p>
            您的查询码是 <strong className="font-mono text-lg tracking-wider">{c.trackingCode}</strong>，请妥善保存，凭此码可随时打开本页查看进度。
          </p>
        </div>
      )}
      <Section id="case-heading" title={`${kind}信息`}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">查询码</dt>
          <dd className="font-mono">{c.trackingCode}</dd>
          <dt className="text-slate-600">小区</dt>
          <dd>{c.projectName}</dd>
          <dt className="text-slate-600">针对</dt>
          <dd>{about}</dd>
          <dt className="text-slate-600">当前状态</dt>
          <dd className="font-medium">{COMPLAINT_STATUS_LABELS[c.status] ?? c.status}</dd>
          {c.kind === 'complaint' && c.dueOn && (
            <>
              <dt className="text-slate-600">企业答复期限</dt>
              <dd>{formatDate(c.dueOn)} 前</dd>
            </>
          )}
        </dl>
        <h3 className="mt-4 font-medium">您反映的情况</h3>
        <p className="whitespace-pre-line break-words">{body.text}</p>
      </Section>
      <Section id="steps-heading" title="办理过程">
        <ol className="space-y-2">
          {trackingSteps(c).map((s) => (
            <li key={s.label} className="flex gap-3">
              <span aria-hidden="true" className={s.done ? 'font-medium text-emerald-800' : 'text-slate-600'}>
                {s.done ? '✓' : '○'}
              </span>
              <span>
                {s.label}
                <span className="sr-only">{s.done ? '（已完成）' : '（未完成）'}</span>
                {s.at && <span className="ml-2 text-sm text-slate-600">{formatDateTime(s.at)}</span>}
              </span>
            </li>
          ))}
        </ol>
      </Section>
      {c.answer && (
        <Section id="answer-heading" title="物业服务企业的答复">
          <p className="whitespace-pre-line break-words">{c.answer}</p>
        </Section>
      )}
      {decision && (
        <Section id="outcome-heading" title="住建部门核实结果">
          <p className="font-medium">{decision.outcome === 'upheld' ? '经核实，投诉属实。' : '经核实，投诉不成立。'}</p>
          <p className="mt-2 whitespace-pre-line break-words">
            <span className="text-slate-600">{decision.outcome === 'upheld' ? '核实情况：' : '理由：'}</span>
            {decision.reason}
          </p>
          {decision.staffRecord && (
            <p className="mt-2">
              已记入 {decision.staffRecord.name} 的不良信息（被业主投诉，经核实相关人员负有责任）。
              {c.projectId && (
                <a href={`/projects/${c.projectId}/staff/${decision.staffRecord.practitionerId}`} className="ml-1 text-brand-800 underline">
                  查看公开信息
                </a>
              )}
            </p>
          )}
          {decision.creditRecord && <p className="mt-2">已记入物业服务企业的警示信用信息（{decision.creditRecord.severity}）。</p>}
        </Section>
      )}
      {c.kind === 'praise' && (
        <p className="text-slate-700">书面表扬由物业服务企业录入平台，经住建部门审核后记为工作人员的优良信息，届时会出现在该工作人员的公开信息中。</p>
      )}
    </div>
  );
}
