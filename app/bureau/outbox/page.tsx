import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { ListResults, pageParam, parseFilters, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { OUTBOX_PAGE_SIZE, type OutboxRow } from '@/db/queries/outbox';
import { requireActor } from '@/lib/auth/actor';
import { formatDateTime } from '@/lib/format';
import { readOutbox } from '@/lib/services/outbox';
import { exportLinkOf } from '@/components/list-kit/export-link';

export const metadata: Metadata = { title: '短信与邮件发件箱', robots: { index: false } };

const filterSchema = z.object({ page: pageParam(100_000) });

const STATUS_LABELS: Record<string, string> = { queued: '未发出（无短信网关）', sent: '已发送', failed: '发送失败' };
const PURPOSE_LABELS: Record<string, string> = { 'identity.otp': '身份验证码', 'objection.notice': '异议处理通知', 'inbox.item': '待办消息邮件' };

const columns: Column<OutboxRow>[] = [
  { label: '时间', className: 'whitespace-nowrap', cell: (m) => formatDateTime(m.createdAt) },
  { label: '接收号码', className: 'font-mono whitespace-nowrap', cell: (m) => m.recipient },
  { label: '用途', cell: (m) => PURPOSE_LABELS[m.purpose] ?? m.purpose },
  { label: '内容', className: 'break-all', cell: (m) => m.body },
  { label: '状态', cell: (m) => STATUS_LABELS[m.status] ?? m.status },
];

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city'], '/bureau/outbox');
  const f = parseFilters(filterSchema, await searchParams);
  const r = await readOutbox(getDb(), actor, f.page);
  if (!r.ok) notFound();
  const { rows, total } = r.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">短信与邮件发件箱</h1>
      <p className="rounded bg-white px-3 py-2 text-sm text-slate-700 shadow-sm">
        平台发给从业人员的短信（身份验证码、异议处理通知）。未配置短信网关时短信不会发出，只保存在这里（演示用）；配置网关后这里是发送记录，验证码内容不留存。每次查看都记入审计日志。
      </p>
      <ListResults
        path="/bureau/outbox"
        filters={f}
        schema={filterSchema}
        total={total}
        pageSize={OUTBOX_PAGE_SIZE}
        caption={`短信与邮件发件箱（第 ${f.page} 页，共 ${total} 条）`}
        columns={columns}
        rows={rows}
        rowKey={(m) => m.id}
        exportLink={exportLinkOf('/bureau/outbox', f)}
        empty={{ filtered: '没有短信。', none: '还没有短信。从业人员申请身份验证或异议有处理结果时，平台发出的短信会出现在这里。' }}
      />
    </div>
  );
}
