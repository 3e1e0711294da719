import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getObjectionByCode } from '@/db/queries/objections';
import { getRecordObjectionByCode } from '@/db/queries/record-objections';
import { normalizeTrackingCode, OBJECTION_FIELDS, OBJECTION_STATUS_LABELS, parseObjectionBody, parseObjectionDecision } from '@/lib/domain/objections';
import { FiledNotice, Progress, RecordObjectionTracking } from './record-tracking';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '异议处理进度', robots: { index: false, follow: false } };

const load = cache(async (raw: string) => {
  const code = normalizeTrackingCode(decodeURIComponent(raw));
  return code ? getObjectionByCode(getDb(), code) : null;
});

const loadRecordCase = cache(async (raw: string) => {
  const code = normalizeTrackingCode(decodeURIComponent(raw));
  return code ? getRecordObjectionByCode(getDb(), code) : null;
});

/** Progress of an objection by its tracking code: the person's name and masked ID, the item, the steps. */
export default async function ObjectionTrackingPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await params).code;
  const filed = (await searchParams).filed === '1';
  const o = await load(raw);
  if (!o) {
    const r = await loadRecordCase(raw);
    if (!r) notFound();
    return <RecordObjectionTracking o={r} filed={filed} />;
  }
  const body = parseObjectionBody(o.body);
  const decision = parseObjectionDecision(o.decision);
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
          <dt className="text-slate-600">异议人</dt>
          <dd>
            {o.name}（{o.idNumberMasked}）
          </dd>
          <dt className="text-slate-600">异议事项</dt>
          <dd>{OBJECTION_FIELDS[body.field]}</dd>
          <dt className="text-slate-600">当前状态</dt>
          <dd className="font-medium">{OBJECTION_STATUS_LABELS[o.status] ?? o.status}</dd>
        </dl>
      </section>
      <Progress filedAt={o.filedAt} verifyingAt={o.verifyingAt} decidedAt={o.decidedAt} status={o.status} />
      {(o.status === 'corrected' || o.status === 'dismissed') && (
        <section aria-labelledby="outcome-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="outcome-heading" className="mb-3 text-lg font-semibold">
            处理结果
          </h2>
          {o.status === 'corrected' ? (
            <p>
              已更正：{decision?.changes.map((c) => c.label).join('、') || OBJECTION_FIELDS[body.field]}。
            </p>
          ) : (
            <p>经核实，维持原登记信息。</p>
          )}
          {o.answer && (
            <p className="mt-2">
              <span className="text-slate-600">{o.status === 'corrected' ? '更正说明：' : '理由：'}</span>
              {o.answer}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
