import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { DateFilter, exportLinkOf, FilterBar, ListResults, listHref, parseFilters, SelectFilter, TextFilter, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { verifyAuditChain } from '@/db/audit-verify';
import { AUDIT_PAGE_SIZE, listAuditEvents, type AuditEventRow } from '@/db/queries/audit';
import { requireActor } from '@/lib/auth/actor';
import { can, ROLE_LABELS, type Role } from '@/lib/auth/policy';
import { auditChanges } from '@/lib/domain/audit-changes';
import { ACTION_LABELS, actionLabel, OBJECT_TYPE_LABELS, objectHref, objectTypeLabel, readableObjectId } from '@/lib/domain/audit-labels';
import { formatDateTime } from '@/lib/format';
import { auditFilterSchema } from '@/lib/validation/audit-log';

export const metadata: Metadata = { title: '审计日志', robots: { index: false } };

const PATH = '/bureau/audit';
const toOptions = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function Changes({ row }: { row: AuditEventRow }) {
  const changes = auditChanges(row.before, row.after);
  if (changes.length === 0) return <span className="text-slate-600">—</span>;
  return (
    <dl className="space-y-0.5 text-xs">
      {changes.map((c) => (
        <div key={c.field} className="break-words">
          <dt className="inline font-medium">{c.field}：</dt>
          <dd className="inline">
            {c.before !== null && c.after !== null ? (
              <>
                <del className="text-slate-600">{c.before}</del> → <ins className="no-underline">{c.after}</ins>
              </>
            ) : (
              (c.after ?? c.before)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ObjectCell({ row }: { row: AuditEventRow }) {
  const href = objectHref(row);
  const shownId = readableObjectId(row.objectId);
  return (
    <>
      {href ? (
        <Link href={href} className="inline-flex min-h-6 items-center text-brand-800 underline">
          {objectTypeLabel(row.objectType)}
        </Link>
      ) : (
        objectTypeLabel(row.objectType)
      )}
      {shownId && <span className="block break-all font-mono text-xs">{shownId}</span>}
      {row.objectId && (
        <Link href={listHref(PATH, { type: row.objectType, object: row.objectId })} className="mt-1 flex min-h-6 w-fit items-center text-xs text-slate-700 underline">
          此对象的全部记录
        </Link>
      )}
    </>
  );
}

const columns: Column<AuditEventRow>[] = [
  { label: '时间', cell: (r) => formatDateTime(r.at), className: 'whitespace-nowrap' },
  {
    label: '操作人',
    cell: (r) => (
      <>
        {r.actorLabel}
        {r.actorRole && <span className="block text-xs text-slate-600">{ROLE_LABELS[r.actorRole as Role] ?? r.actorRole}</span>}
      </>
    ),
  },
  { label: '操作', rowHeader: true, cell: (r) => actionLabel(r.action) },
  { label: '对象', cell: (r) => <ObjectCell row={r} /> },
  { label: '变更内容', cell: (r) => <Changes row={r} /> },
  { label: '来源地址', cell: (r) => r.ip ?? '—', className: 'break-all' },
  { label: '序号', cell: (r) => r.seq },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], PATH);
  if (!can(actor, 'audit.read')) forbidden();
  const f = parseFilters(auditFilterSchema, await searchParams);
  const db = getDb();
  const [{ rows, total }, chain] = await Promise.all([listAuditEvents(db, f), verifyAuditChain(db)]);
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
      <FilterBar label="筛选审计记录">
        <TextFilter name="actor" label="操作人（账号）" value={f.actor} maxLength={40} />
        <SelectFilter name="action" label="操作" value={f.action} all="全部操作" options={toOptions(ACTION_LABELS)} />
        <SelectFilter name="type" label="对象类型" value={f.type} all="全部类型" options={toOptions(OBJECT_TYPE_LABELS)} />
        <TextFilter name="object" label="对象编号" value={f.object} maxLength={64} />
        <DateFilter name="from" label="起始日期" value={f.from} />
        <DateFilter name="to" label="截止日期" value={f.to} />
      </FilterBar>
      <ListResults
        path={PATH}
        filters={f}
        schema={auditFilterSchema}
        total={total}
        pageSize={AUDIT_PAGE_SIZE}
        caption={`审计日志（第 ${f.page} 页）`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.seq}
        exportLink={exportLinkOf(PATH, f)}
        empty={{ filtered: '没有符合条件的记录。', none: '还没有审计记录。' }}
      />
    </div>
  );
}
