import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getObjectionByCode } from '@/db/queries/objections';
import { normalizeTrackingCode, OBJECTION_FIELDS, OBJECTION_STATUS_LABELS, parseObjectionBody, parseObjectionDecision } from '@/lib/domain/objections';
import { formatDateTime } from '@/lib/format';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '异议处理进度', robots: { index: false, follow: false } };

const load = cache(async (raw: string) => {
  const code = normalizeTrackingCode(decodeURIComponent(raw));
  return code ? getObjectionByCode(getDb(), code) : null;
});

/** Progress of an objection by its tracking code: the person's name and masked ID, the item, the steps. */
export default async function ObjectionTrackingPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const o = await load((await params).code);
  if (!o) notFound();
  const filed = (await searchParams).filed === '1';
  const body = parseObjectionBody(o.body);
  const decision = parseObjectionDecision(o.decision);
  const steps: { label: string; at: Date | null; done: boolean }[] = [
    { label: '已受理', at: o.filedAt, done: true },
    { label: '核实中', at: o.verifyingAt, done: o.status !== 'open' },
    { label: '已办结', at: o.decidedAt, done: o.status === 'corrected' || o.status === 'dismissed' },
  ];
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <h1 className="text-2xl font-bold">异议处理进度</h1>
      {filed && (
        <div role="status" className="rounded-lg bg-emerald-50 p-4 text-emerald-900">
          <p className="font-medium">异议已提交。</p>
          <p>
            您的查询码是 <strong className="font-mono text-lg tracking-wider">{o.trackingCode}</strong>
            ，请妥善保存，凭此码可随时查看处理进度：
            <Link href={`/objections/${o.trackingCode}`} className="ml-1 text-brand-700 underline">
              查看进度
            </Link>
          </p>
        </div>
      )}
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
