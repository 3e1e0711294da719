import Link from 'next/link';
import type { OrderDetail, OrderListRow, OrderStep } from '@/db/queries/supervision';
import { GROUND_LABEL, isOrderOverdue, ORDER_STATUS_LABEL, type OrderStatus, type RectificationGround } from '@/lib/domain/supervision';
import { formatDate } from '@/lib/format';
import type { Column } from '@/components/list-kit/table';

const STEP_LABEL: Record<OrderStep['kind'], string> = {
  issue: '下发整改通知',
  answer: '企业报送整改情况',
  return: '退回重新整改',
  accept: '整改合格',
  criticism: '通报批评',
  interview: '约谈',
};

export const groundLabel = (g: string) => GROUND_LABEL[g as RectificationGround] ?? g;
export const statusLabel = (s: string) => ORDER_STATUS_LABEL[s as OrderStatus] ?? s;

/** The 逾期 / 已通报批评 flags, the same words in both areas. */
export function OrderFlags({ o, today }: { o: { status: string; dueOn: string; answeredOn: string | null; criticizedOn: string | null }; today: string }) {
  return (
    <>
      {isOrderOverdue(o, today) && <span className="mr-1 inline-block rounded bg-red-100 px-1 text-xs font-medium text-red-900">逾期未整改</span>}
      {o.criticizedOn && <span className="mr-1 inline-block rounded bg-slate-200 px-1 text-xs font-medium text-slate-900">已通报批评</span>}
    </>
  );
}

export const orderColumns = (basePath: string, today: string, withCompany: boolean): Column<OrderListRow>[] => [
  {
    label: withCompany ? '企业' : '整改事由',
    rowHeader: true,
    cell: (r) => (
      <Link href={`${basePath}/${r.id}`} className="text-brand-800 underline">
        {withCompany ? r.companyName : groundLabel(r.ground)}
      </Link>
    ),
  },
  ...(withCompany ? [{ label: '整改事由', cell: (r: OrderListRow) => groundLabel(r.ground) }] : []),
  { label: '下发机关', cell: (r) => `${r.districtName}住建局` },
  { label: '下发日期', cell: (r) => formatDate(r.issuedOn) },
  { label: '整改期限', cell: (r) => formatDate(r.dueOn) },
  {
    label: '状态',
    cell: (r) => (
      <>
        <OrderFlags o={r} today={today} />
        {statusLabel(r.status)}
      </>
    ),
  },
];

/** The order as both sides read it: the facts, the estates, every step so far, the evidence files. */
export function OrderFacts({ o }: { o: OrderDetail }) {
  return (
    <>
      <section aria-labelledby="order-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="order-heading" className="mb-2 text-lg font-semibold">
          整改通知
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-600">企业</dt>
          <dd>
            {o.companyName}{' '}
            <Link href={`/companies/${o.uscc}`} className="text-sm text-brand-800 underline">
              企业信用档案
            </Link>
          </dd>
          <dt className="text-slate-600">下发机关</dt>
          <dd>{o.districtName}住房和城乡建设局</dd>
          <dt className="text-slate-600">整改事由</dt>
          <dd>{groundLabel(o.ground)}（《遂宁市物业服务从业人员执业管理办法》第二十四条）</dd>
          <dt className="text-slate-600">涉及小区</dt>
          <dd>{o.estates.map((e) => e.name).join('、') || '—'}</dd>
          <dt className="text-slate-600">发现的问题</dt>
          <dd className="whitespace-pre-wrap break-words">{o.facts}</dd>
          <dt className="text-slate-600">下发日期</dt>
          <dd>{formatDate(o.issuedOn)}</dd>
          <dt className="text-slate-600">整改期限</dt>
          <dd>{formatDate(o.dueOn)}</dd>
          <dt className="text-slate-600">状态</dt>
          <dd>{statusLabel(o.status)}</dd>
        </dl>
      </section>
      <section aria-labelledby="steps-heading" className="rounded-lg bg-white p-4 shadow-sm sm:p-6">
        <h2 id="steps-heading" className="mb-2 text-lg font-semibold">
          办理经过
        </h2>
        {o.history.length === 0 ? (
          <p className="text-slate-700">企业尚未报送整改情况。</p>
        ) : (
          <ol className="space-y-3">
            {o.history.map((h, i) => (
              <li key={i} className="border-l-4 border-slate-300 pl-3">
                <p className="font-medium">
                  {formatDate(h.on)} {STEP_LABEL[h.kind]}
                  {h.files ? `（附材料 ${h.files} 份）` : ''}
                </p>
                <p className="whitespace-pre-wrap break-words text-slate-800">{h.text}</p>
              </li>
            ))}
          </ol>
        )}
        {o.files.length > 0 && (
          <>
            <h3 className="mt-4 font-medium">整改证明材料</h3>
            <ul className="list-disc pl-5">
              {o.files.map((f) => (
                <li key={f.id}>
                  <a href={`/attachments/${f.id}`} className="text-brand-800 underline">
                    {f.filename}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
        {o.interview && (
          <>
            <h3 className="mt-4 font-medium">约谈记录</h3>
            <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-600">日期</dt>
              <dd>{formatDate(o.interview.heldOn)}</dd>
              <dt className="text-slate-600">地点</dt>
              <dd>{o.interview.place}</dd>
              <dt className="text-slate-600">参加人员</dt>
              <dd>{o.interview.attendees}</dd>
              <dt className="text-slate-600">约谈内容</dt>
              <dd className="whitespace-pre-wrap break-words">{o.interview.summary}</dd>
            </dl>
          </>
        )}
      </section>
    </>
  );
}
