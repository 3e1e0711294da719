import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CountPager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { requireActor } from '@/lib/auth/actor';
import { formatDateTime } from '@/lib/format';
import { readOutbox } from '@/lib/services/outbox';

export const metadata: Metadata = { title: '短信发件箱', robots: { index: false } };

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

const STATUS_LABELS: Record<string, string> = { queued: '未发出（无短信网关）', sent: '已发送', failed: '发送失败' };
const PURPOSE_LABELS: Record<string, string> = { 'identity.otp': '身份验证码', 'objection.notice': '异议处理通知' };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city'], '/bureau/outbox');
  const page = pageSchema.parse((await searchParams).page);
  const r = await readOutbox(getDb(), actor, page);
  if (!r.ok) notFound();
  const { rows, total, pages } = r.data;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">短信发件箱</h1>
      <p className="rounded bg-white px-3 py-2 text-sm text-slate-700 shadow-sm">
        平台发给从业人员的短信（身份验证码、异议处理通知）。未配置短信网关时短信不会发出，只保存在这里（演示用）；配置网关后这里是发送记录，验证码内容不留存。每次查看都记入审计日志。
      </p>
      {rows.length === 0 ? (
        <p className="rounded bg-white p-4 shadow-sm">还没有短信。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              短信发件箱（第 {page} 页，共 {pages} 页，{total} 条）
            </caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="px-3 py-2">时间</th>
                <th scope="col" className="px-3 py-2">接收号码</th>
                <th scope="col" className="px-3 py-2">用途</th>
                <th scope="col" className="px-3 py-2">内容</th>
                <th scope="col" className="px-3 py-2">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.createdAt)}</td>
                  <td className="px-3 py-2 font-mono whitespace-nowrap">{m.recipient}</td>
                  <td className="px-3 py-2">{PURPOSE_LABELS[m.purpose] ?? m.purpose}</td>
                  <td className="px-3 py-2 break-all">{m.body}</td>
                  <td className="px-3 py-2">{STATUS_LABELS[m.status] ?? m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CountPager page={page} pages={pages} href={(p) => `/bureau/outbox?page=${p}`} count={`，共 ${total} 条`} />
    </div>
  );
}
