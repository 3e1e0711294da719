import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { ConfirmForm, InterviewForm, ReturnForm } from '@/components/supervision/forms';
import { OrderFacts, OrderFlags } from '@/components/supervision/order-view';
import { getDb } from '@/db';
import { getOrderInScope, orderExists } from '@/db/queries/supervision';
import { audit } from '@/lib/audit';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { criticismText, criticismWindow, mayDecideOrder, mayEscalate, type RectificationGround } from '@/lib/domain/supervision';
import { formatDate } from '@/lib/format';
import { currentPolicy } from '@/lib/policy';
import { isUuid } from '@/lib/validation/ids';
import { decideRectificationOrderAction, escalateRectificationOrderAction, recordRectificationInterviewAction } from '../actions';

export const metadata: Metadata = { title: '整改通知', robots: { index: false } };

const DONE: Record<string, string> = {
  issued: '整改通知已下发，企业在其工作台可以看到。',
  accepted: '已验收：整改合格。',
  returned: '已退回，企业需要重新整改。',
  criticised: '已通报批评：企业信用档案页面上会公示。请约谈企业负责人后录入约谈记录。',
  interview: '约谈记录已保存。',
};

export default async function BureauOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/rectifications');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = getDb();
  const o = await getOrderInScope(db, actor, id);
  if (!o) {
    if (await orderExists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'rectification_order', objectId: id });
    notFound();
  }
  const sp = await searchParams;
  const on = today();
  const step = sp.step === 'accept' || sp.step === 'escalate' ? sp.step : null;
  const done = typeof sp.done === 'string' ? DONE[sp.done] : undefined;
  const { settings } = await currentPolicy();
  const canEscalate = mayEscalate(o, on);
  const here = `/bureau/rectifications/${o.id}`;

  if (step === 'accept' && mayDecideOrder(o)) {
    return (
      <div className="space-y-5">
        <BackLink href={here}>返回整改通知</BackLink>
        <h1 className="text-2xl font-bold">确认验收：整改合格</h1>
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p>确认后本整改通知办结，不能撤回：</p>
          <ul className="mt-2 list-disc pl-5">
            <li>{o.companyName} 报送的整改情况（{o.answeredOn ? formatDate(o.answeredOn) : '—'}）验收合格；</li>
            <li>企业不需要再报送材料{o.criticizedOn ? '；已发布的通报批评仍按期公示' : '，逾期处理不再适用'}。</li>
          </ul>
          <p className="mt-2 whitespace-pre-wrap break-words">企业报送的内容：{o.answer}</p>
        </div>
        <ConfirmForm act={decideRectificationOrderAction} orderId={o.id} version={o.version} fields={{ outcome: 'accept', reason: '' }} label="确认整改合格" />
      </div>
    );
  }
  if (step === 'escalate' && canEscalate) {
    const w = criticismWindow(on, settings);
    const text = criticismText({ companyName: o.companyName, districtName: o.districtName, ground: o.ground as RectificationGround, issuedOn: o.issuedOn, dueOn: o.dueOn, criticizedOn: on });
    return (
      <div className="space-y-5">
        <BackLink href={here}>返回整改通知</BackLink>
        <h1 className="text-2xl font-bold">确认通报批评</h1>
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <p>
            确认后，以下通报批评会立即在 {o.companyName} 的企业信用档案页面上向社会公示，公示至 {formatDate(w.until)}，并生成可供查验的文书编号。发布后不能撤回。
          </p>
          <blockquote className="mt-3 border-l-4 border-amber-400 pl-3">{text}</blockquote>
          <p className="mt-3">之后请约谈企业负责人，并在本页录入约谈记录。</p>
        </div>
        <ConfirmForm act={escalateRectificationOrderAction} orderId={o.id} version={o.version} fields={{}} label="确认通报批评并公示" />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <BackLink href="/bureau/rectifications">返回责令限期整改</BackLink>
      <h1 className="text-2xl font-bold">
        <OrderFlags o={o} today={on} />
        整改通知：{o.companyName}
      </h1>
      {done && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-950">
          {done}
        </p>
      )}
      <OrderFacts o={o} />
      {o.criticizedOn && (
        <section aria-labelledby="criticism-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="criticism-heading" className="mb-2 text-lg font-semibold">
            通报批评
          </h2>
          <p>{o.criticismText}</p>
          <p className="mt-2 text-sm text-slate-600">
            {formatDate(o.criticizedOn)} 发布，公示至 {o.criticismUntil ? formatDate(o.criticismUntil) : '—'}；文书查验编号{' '}
            <Link href={`/verify/${o.criticismCode}`} className="font-mono text-brand-800 underline">
              {o.criticismCode}
            </Link>
          </p>
        </section>
      )}
      {mayDecideOrder(o) && (
        <section aria-labelledby="decide-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="decide-heading" className="mb-3 text-lg font-semibold">
            验收
          </h2>
          <p className="mb-3">
            <Link href={`${here}?step=accept`} className="inline-block min-h-11 rounded bg-brand-700 px-5 py-2 font-medium text-white">
              整改合格……
            </Link>
          </p>
          <ReturnForm act={decideRectificationOrderAction} orderId={o.id} version={o.version} />
        </section>
      )}
      {canEscalate && (
        <section aria-labelledby="escalate-heading" className="rounded-lg border border-red-300 bg-red-50 p-4 sm:p-6">
          <h2 id="escalate-heading" className="mb-2 text-lg font-semibold">
            逾期未整改
          </h2>
          <p className="mb-3">整改期限 {formatDate(o.dueOn)} 已过，企业未完成整改。依照第二十四条，应予以通报批评并约谈。</p>
          <Link href={`${here}?step=escalate`} className="inline-block min-h-11 rounded bg-red-700 px-5 py-2 font-medium text-white">
            通报批评……
          </Link>
        </section>
      )}
      {o.criticizedOn && !o.interview && (
        <section aria-labelledby="interview-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
          <h2 id="interview-heading" className="mb-3 text-lg font-semibold">
            录入约谈记录
          </h2>
          <InterviewForm act={recordRectificationInterviewAction} orderId={o.id} version={o.version} today={on} />
        </section>
      )}
    </div>
  );
}
