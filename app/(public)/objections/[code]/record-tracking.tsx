import { RecordSummary } from '@/components/objections/record-summary';
import { CorrectionNotes } from '@/components/records/record-notes';
import { getDb } from '@/db';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { getCreditRecordForObjection, getPractitionerRecordForObjection, type RecordObjectionTracking as Tracking } from '@/db/queries/record-objections';
import {
  OBJECTION_SUBJECT_LABELS,
  parseRecordObjectionBody,
  parseRecordObjectionDecision,
  RECORD_OBJECTION_FILER_LABELS,
  recordObjectionStatusLabel,
} from '@/lib/domain/objections';
import { formatDateTime } from '@/lib/format';

/** The banner after filing: the tracking code, to be kept. */
export function FiledNotice({ code }: { code: string }) {
  return (
    <div role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
      <p className="font-medium">异议已提交。</p>
      <p>
        您的查询码是 <strong className="font-mono text-lg tracking-wider">{code}</strong>
        ，请妥善保存，凭此码可随时查看处理进度：
        <a href={`/objections/${code}`} className="ml-1 text-brand-700 underline">
          查看进度
        </a>
      </p>
    </div>
  );
}

/** 已受理 → 核实中 → 已办结, with the time of each step reached. */
export function Progress({ filedAt, verifyingAt, decidedAt, status }: { filedAt: Date; verifyingAt: Date | null; decidedAt: Date | null; status: string }) {
  const steps: { label: string; at: Date | null; done: boolean }[] = [
    { label: '已受理', at: filedAt, done: true },
    { label: '核实中', at: verifyingAt, done: status !== 'open' },
    { label: '已办结', at: decidedAt, done: status === 'corrected' || status === 'dismissed' },
  ];
  return (
    <section aria-labelledby="steps-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
      <h2 id="steps-heading" className="mb-3 text-lg font-semibold">
        办理过程
      </h2>
      <ol className="space-y-2">
        {steps.map((s) => (
          <li key={s.label} className="flex gap-3">
            <span className={s.done ? 'font-medium text-emerald-800' : 'text-slate-600'}>{s.done ? '✓' : '○'}</span>
            <span>
              {s.label}
              {s.at && <span className="ml-2 text-sm text-slate-600">{formatDateTime(s.at)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Progress of an objection about a record: the record as the public may see it, with 异议处理中 beside it while
 * open (the same flag as every page that shows the record), then the outcome and the published correction.
 */
export async function RecordObjectionTracking({ o, filed }: { o: Tracking; filed: boolean }) {
  const db = getDb();
  const body = parseRecordObjectionBody(o.body);
  const decision = parseRecordObjectionDecision(o.decision);
  const [credit, staff, open] = await Promise.all([
    o.subjectType === 'credit_record' ? getCreditRecordForObjection(db, o.recordId) : null,
    o.subjectType === 'practitioner_record' ? getPractitionerRecordForObjection(db, o.recordId) : null,
    recordsUnderObjection(db, o.subjectType, [o.recordId]),
  ]);
  const decided = o.status === 'corrected' || o.status === 'dismissed';
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">异议处理进度</h1>
      {filed && <FiledNotice code={o.trackingCode} />}
      <section aria-labelledby="case-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="case-heading" className="mb-3 text-lg font-semibold">
          异议信息
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">查询码</dt>
          <dd className="font-mono">{o.trackingCode}</dd>
          <dt className="text-slate-600">异议事项</dt>
          <dd>{OBJECTION_SUBJECT_LABELS[o.subjectType]}</dd>
          <dt className="text-slate-600">异议人</dt>
          <dd>
            {o.filerName}（{RECORD_OBJECTION_FILER_LABELS[body.filer]}）
          </dd>
          <dt className="text-slate-600">异议内容</dt>
          <dd className="whitespace-pre-wrap">{body.reason}</dd>
          <dt className="text-slate-600">当前状态</dt>
          <dd className="font-medium">{recordObjectionStatusLabel(o.status, decision?.outcome ?? null)}</dd>
        </dl>
      </section>
      <RecordSummary credit={credit} staff={staff} underObjection={open.has(o.recordId)} audience="public" />
      <Progress filedAt={o.filedAt} verifyingAt={o.verifyingAt} decidedAt={o.decidedAt} status={o.status} />
      {decided && (
        <section aria-labelledby="outcome-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="outcome-heading" className="mb-3 text-lg font-semibold">
            处理结果
          </h2>
          {o.status === 'dismissed' ? (
            <>
              <p>经核查，维持原记录。</p>
              {o.answer && (
                <p className="mt-2">
                  <span className="text-slate-600">理由：</span>
                  {o.answer}
                </p>
              )}
            </>
          ) : (
            <>
              <p>{decision?.outcome === 'revoked' ? '经核查，异议成立，该记录已撤销。' : '经核查，异议成立，记录已更正，更正内容与记录一并公开：'}</p>
              <CorrectionNotes corrections={decision?.correction ? [decision.correction] : []} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
