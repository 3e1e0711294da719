import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { CountPager } from '@/components/ui/pager';
import { getDb } from '@/db';
import { verifyAuditChain } from '@/db/audit-verify';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/db/queries/audit';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '审计日志', robots: { index: false } };

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/audit');
  if (!can(actor, 'audit.read')) forbidden();
  const page = pageSchema.parse((await searchParams).page);
  const db = getDb();
  const [{ rows, total }, chain] = await Promise.all([listAuditEvents(db, page), verifyAuditChain(db)]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">审计日志</h1>
      <p role="status" className={`rounded px-3 py-2 ${chain.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}>
        {chain.ok
          ? `哈希链校验通过：共 ${chain.rows} 条记录，未发现篡改。`
          : `哈希链校验失败：第 ${chain.firstBrokenSeq} 条记录起不一致，请立即核查。`}
      </p>
      <section aria-labelledby="checkpoint-heading" className="rounded-lg bg-white p-4 text-sm shadow-sm">
        <h2 id="checkpoint-heading" className="font-semibold">审计链检查点</h2>
        <p className="mt-1 text-slate-700">
          定期下载检查点文件并保存在数据库服务器以外（如离线介质）。检查点用独立密钥签名，记下当时最后一条记录的哈希；日后运行
          <code className="mx-1 rounded bg-slate-100 px-1">npm run audit:verify -- --checkpoint 文件</code>
          即可证明此前的记录未被整体改写。
        </p>
        <a href="/bureau/audit/checkpoint" className="mt-2 inline-flex min-h-11 items-center rounded border border-slate-300 px-3 py-2 font-medium text-blue-800 underline-offset-2 hover:underline">
          下载检查点
        </a>
      </section>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">审计日志（第 {page} 页，共 {pages} 页）</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2">序号</th>
              <th scope="col" className="px-3 py-2">时间</th>
              <th scope="col" className="px-3 py-2">操作人</th>
              <th scope="col" className="px-3 py-2">操作</th>
              <th scope="col" className="px-3 py-2">对象</th>
              <th scope="col" className="px-3 py-2">来源地址</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.seq} className="border-b border-slate-100">
                <td className="px-3 py-2">{r.seq}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.at)}</td>
                <td className="px-3 py-2">{r.actorLabel}</td>
                <td className="px-3 py-2 font-mono">{r.action}</td>
                <td className="px-3 py-2 font-mono break-all">
                  {r.objectType}
                  {r.objectId ? `:${r.objectId}` : ''}
                </td>
                <td className="px-3 py-2">{r.ip ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CountPager page={page} pages={pages} href={(p) => `/bureau/audit?page=${p}`} />
    </div>
  );
}
