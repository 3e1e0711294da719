import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { AnswerForm } from '@/components/supervision/forms';
import { OrderFacts, OrderFlags } from '@/components/supervision/order-view';
import { getDb } from '@/db';
import { getOrderInScope, orderExists } from '@/db/queries/supervision';
import { audit } from '@/lib/audit';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { mayAnswerOrder } from '@/lib/domain/supervision';
import { formatDate } from '@/lib/format';
import { isUuid } from '@/lib/validation/ids';
import { answerRectificationOrderAction } from '../actions';

export const metadata: Metadata = { title: '整改通知', robots: { index: false } };

export default async function CompanyOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/rectifications');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const o = await getOrderInScope(db, actor, id);
  if (!o) {
    if (await orderExists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'rectification_order', objectId: id });
    notFound();
  }
  const on = today();
  const done = (await searchParams).done === '1';
  return (
    <div className="space-y-5">
      <BackLink href="/company/rectifications">返回整改通知</BackLink>
      <h1 className="text-2xl font-bold">
        <OrderFlags o={o} today={on} />
        整改通知（{formatDate(o.issuedOn)}）
      </h1>
      {done && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">
          整改情况已报送，请等待住建部门验收。
        </p>
      )}
      {o.status === 'returned' && o.returnReason && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3">
          <strong>退回理由：</strong>
          {o.returnReason}
        </p>
      )}
      {o.criticizedOn && (
        <p className="rounded-lg border border-red-300 bg-red-50 px-4 py-3">
          <strong>通报批评（公示至 {o.criticismUntil ? formatDate(o.criticismUntil) : '—'}）：</strong>
          {o.criticismText}
        </p>
      )}
      <OrderFacts o={o} />
      {mayAnswerOrder(o) && (
        <section aria-labelledby="answer-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="answer-heading" className="mb-3 text-lg font-semibold">
            {o.status === 'returned' ? '重新报送整改情况' : '报送整改情况'}
          </h2>
          <AnswerForm act={answerRectificationOrderAction} orderId={o.id} version={o.version} />
        </section>
      )}
    </div>
  );
}
