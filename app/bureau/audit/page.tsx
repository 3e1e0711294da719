import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { ListResults, pageParam, parseFilters, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { verifyAuditChain } from '@/db/audit-verify';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/db/queries/audit';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: '审计日志', robots: { index: false } };

const filterSchema = z.object({ page: pageParam(100_000) });

type Row = Awaited<ReturnType<typeof listAuditEvents>>['rows'][number];

const columns: Column<Row>[] = [
  { label: '序号', cell: (r) => r.seq },
  { label: '时间', cell: (r) => formatDateTime(r.at), className: 'whitespace-nowrap' },
  { label: '操作人', cell: (r) => r.actorLabel },
  { label: '操作', cell: (r) => r.action, className: 'font-mono' },
  { label: '对象', cell: (r) => `${r.objectType}${r.objectId ? `:${r.objectId}` : ''}`, className: 'font-mono break-all' },
  { label: '来源地址', cell: (r) => r.ip ?? '—' },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/audit');
  if (!can(actor, 'audit.read')) forbidden();
  const f = parseFilters(filterSchema, await searchParams);
  const db = getDb();
  const [{ rows, total }, chain] = await Promise.all([listAuditEvents(db, f.page), verifyAuditChain(db)]);
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
      <ListResults
        path="/bureau/audit"
        filters={f}
        schema={filterSchema}
        total={total}
        pageSize={AUDIT_PAGE_SIZE}
        caption={`审计日志（第 ${f.page} 页）`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.seq}
        empty={{ filtered: '没有记录。', none: '还没有审计记录。' }}
      />
    </div>
  );
}
