import { z } from 'zod';
import { pageParam } from '@/components/list-kit/params';
import { listOutbox } from '@/db/queries/outbox';
import { formatDateTime } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';

export const OUTBOX_STATUS_LABELS: Record<string, string> = { queued: '未发出（无短信网关）', sent: '已发送', failed: '发送失败' };
export const OUTBOX_PURPOSE_LABELS: Record<string, string> = { 'identity.otp': '身份验证码', 'objection.notice': '异议处理通知' };
const outboxFilterSchema = z.object({ page: pageParam(100_000) });

/** The SMS outbox, for the city. One-time codes stay in the platform: their text is not exported. */
export const outboxExport = defineListExport({
  path: '/bureau/outbox',
  title: '短信与邮件发件箱',
  roles: ['city'],
  parse: schemaParser(outboxFilterSchema),
  load: (db, _actor, _f: z.output<typeof outboxFilterSchema>, { cap }) => allPages((page) => listOutbox(db, page), cap),
  columns: [
    { header: '时间', width: 18, value: (m) => formatDateTime(m.createdAt) },
    { header: '接收号码', width: 14, value: (m) => m.recipient },
    { header: '用途', value: (m) => OUTBOX_PURPOSE_LABELS[m.purpose] ?? m.purpose },
    { header: '内容', width: 50, value: (m) => (m.purpose === 'identity.otp' ? '（验证码短信，内容不导出）' : m.body) },
    { header: '状态', value: (m) => OUTBOX_STATUS_LABELS[m.status] ?? m.status },
  ],
});
