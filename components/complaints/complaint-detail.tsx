import type { ReactNode } from 'react';
import { EvidenceLinks } from '@/components/objections/detail-parts';
import type { ComplaintCase } from '@/db/queries/complaints';
import { COMPLAINT_KIND_LABELS, COMPLAINT_STATUS_LABELS, parseComplaintBody, parseComplaintDecision, type ComplaintKind } from '@/lib/domain/complaints';
import { formatDate, formatDateTime } from '@/lib/format';
import { aboutOf, OverdueFlag } from './complaint-list';

function Box({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2 rounded-lg bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** One complaint or praise for its handlers: what the owner says and how to reach them, the files, the answer, the outcome. */
export function ComplaintDetail({ c, today, children }: { c: ComplaintCase; today: string; children?: ReactNode }) {
  const body = parseComplaintBody(c.body);
  const decision = parseComplaintDecision(c.decision);
  const kind = COMPLAINT_KIND_LABELS[c.kind as ComplaintKind] ?? c.kind;
  const photos = c.files.filter((f) => f.kind === 'photo');
  const answerFiles = c.files.filter((f) => f.kind === 'answer');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">
        {kind}：{c.projectName}
      </h1>
      <dl className="grid gap-x-6 gap-y-1 rounded-lg bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-600">查询码</dt>
        <dd className="font-mono">{c.trackingCode}</dd>
        <dt className="text-slate-600">状态</dt>
        <dd>
          <OverdueFlag row={c} today={today} />
          {COMPLAINT_STATUS_LABELS[c.status] ?? c.status}
        </dd>
        <dt className="text-slate-600">针对</dt>
        <dd>{aboutOf(c)}</dd>
        <dt className="text-slate-600">小区 / 企业 / 区县</dt>
        <dd>
          {c.projectName ?? '—'} · {c.companyName ?? '无登记企业'} · {c.districtName ?? '—'}
        </dd>
        <dt className="text-slate-600">提出时间</dt>
        <dd>{formatDateTime(c.createdAt)}</dd>
        {c.dueOn && (
          <>
            <dt className="text-slate-600">企业答复期限</dt>
            <dd>{formatDate(c.dueOn)}</dd>
          </>
        )}
        <dt className="text-slate-600">业主</dt>
        <dd>
          {c.filerName}，{c.filerPhone}（仅供核实联系，不得公开）
        </dd>
      </dl>
      <Box id="text-heading" title="业主反映的情况">
        <p className="whitespace-pre-line break-words">{body.text}</p>
        {photos.length > 0 && <EvidenceLinks files={photos} />}
      </Box>
      {c.answer && (
        <Box id="answer-heading" title={`企业答复（${c.answeredAt ? formatDateTime(c.answeredAt) : ''}）`}>
          <p className="whitespace-pre-line break-words">{c.answer}</p>
          {answerFiles.length > 0 && <EvidenceLinks files={answerFiles} />}
        </Box>
      )}
      {decision && (
        <Box id="decision-heading" title={`核实结果（${c.decidedAt ? formatDateTime(c.decidedAt) : ''}${c.decidedByName ? `，${c.decidedByName}` : ''}）`}>
          <p className="font-medium">{decision.outcome === 'upheld' ? '投诉属实' : '投诉不成立'}</p>
          <p className="whitespace-pre-line break-words">{decision.reason}</p>
          {decision.staffRecord && <p>已记入 {decision.staffRecord.name} 的不良信息。</p>}
          {decision.creditRecord && (
            <p>
              已记入企业警示信息（{decision.creditRecord.severity}，扣 {decision.creditRecord.points} 分）。
            </p>
          )}
        </Box>
      )}
      {children}
    </div>
  );
}
