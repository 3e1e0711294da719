import type { Metadata } from 'next';
import { FilterBar, ListResults, parseFilters, TextFilter, UnpagedList, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { ACCOUNTS_PAGE_SIZE, listCompanyOperators } from '@/db/queries/accounts';
import { listLockedAccounts } from '@/db/queries/auth';
import { requireActor } from '@/lib/auth/actor';
import { ROLE_LABELS } from '@/lib/auth/policy';
import { now } from '@/lib/clock';
import { FILING_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate, formatDateTime } from '@/lib/format';
import { AccountForm } from './account-form';
import { unlockAccountAction } from './actions';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { accountFilterSchema } from './filters';

/** The outcome of an unlock, by the code in the URL (never its text). */
const UNLOCK_MESSAGES: Record<string, { text: string; ok: boolean }> = {
  done: { text: '已解除该账号的登录锁定，其可立即登录。', ok: true },
  failed: { text: '未能解除锁定：该账号不存在或已被删除。', ok: false },
};

export const metadata: Metadata = { title: '企业账号', robots: { index: false } };


type Locked = Awaited<ReturnType<typeof listLockedAccounts>>[number];
type Operator = Awaited<ReturnType<typeof listCompanyOperators>>['rows'][number];

const lockedColumns: Column<Locked>[] = [
  {
    label: '账号',
    rowHeader: true,
    cell: (a) => (
      <>
        <span className="font-mono">{a.username}</span> {a.displayName}
      </>
    ),
  },
  { label: '角色', cell: (a) => ROLE_LABELS[a.role] },
  { label: '连续失败', cell: (a) => `${a.failedLogins} 次` },
  { label: '锁定至', cell: (a) => formatDateTime(a.lockedUntil) },
  {
    label: '操作',
    hideLabel: true,
    cell: (a) => (
      <form action={unlockAccountAction}>
        <input type="hidden" name="userId" value={a.id} />
        <button type="submit" className="min-h-11 rounded border border-brand-700 px-3 py-1 text-brand-700">
          解锁<span className="sr-only"> {a.username}</span>
        </button>
      </form>
    ),
  },
];

const operatorColumns: Column<Operator>[] = [
  {
    label: '账号',
    rowHeader: true,
    cell: (r) => (
      <>
        <span className="font-mono">{r.username}</span> {r.displayName}
        {r.mustChangePassword && <span className="ml-1 text-xs text-amber-800">（尚未首次登录）</span>}
      </>
    ),
  },
  {
    label: '企业',
    cell: (r) => (
      <>
        {r.companyName}
        <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
      </>
    ),
  },
  { label: '备案状态', cell: (r) => FILING_STATUS_LABELS[r.filingStatus] ?? r.filingStatus },
  { label: '开设日期', cell: (r) => formatDate(r.createdAt) },
];

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor(['city'], '/bureau/accounts');
  const sp = await searchParams;
  const f = parseFilters(accountFilterSchema, sp);
  const [{ rows, total }, locked] = await Promise.all([listCompanyOperators(getDb(), f.q.trim(), f.page), listLockedAccounts(getDb(), now())]);
  const unlock = typeof sp.unlock === 'string' && Object.hasOwn(UNLOCK_MESSAGES, sp.unlock) ? UNLOCK_MESSAGES[sp.unlock] : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">企业账号</h1>
      <section aria-labelledby="new-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="new-heading" className="mb-3 text-lg font-semibold">
          为物业服务企业开设操作员账号
        </h2>
        <AccountForm />
      </section>
      <section aria-labelledby="locked-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="locked-heading" className="mb-1 text-lg font-semibold">
          被锁定的账号（{locked.length} 个）
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          连续 8 次登录失败的账号（无论来自哪个地址）会被锁定 15 分钟，之后每再失败一次锁定时间加倍，最长 24 小时。确认是本人后可在此解锁。
        </p>
        {unlock && (
          <p role="status" className={`mb-3 rounded px-3 py-2 ${unlock.ok ? 'bg-emerald-50 text-emerald-950' : 'bg-red-50 text-red-900'}`}>
            {unlock.text}
          </p>
        )}
        <UnpagedList caption="被锁定的账号" columns={lockedColumns} rows={locked} rowKey={(a) => a.id} empty={{ none: '目前没有被锁定的账号。' }} />
      </section>
      <section aria-labelledby="list-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          企业操作员（{total} 个）
        </h2>
        <div className="space-y-3">
          <FilterBar submitLabel="查找">
            <TextFilter label="企业名称、信用代码或账号" value={f.q} />
          </FilterBar>
          <ListResults
            path="/bureau/accounts"
            filters={f}
            schema={accountFilterSchema}
            total={total}
            pageSize={ACCOUNTS_PAGE_SIZE}
            unit="个"
            caption="企业操作员"
            columns={operatorColumns}
            rows={rows}
            rowKey={(r) => r.username}
            exportLink={exportLinkOf('/bureau/accounts', f)}
            empty={{ filtered: '没有找到匹配的企业操作员。', none: '还没有开设企业操作员账号，可用上面的表单开设。' }}
          />
        </div>
      </section>
    </div>
  );
}
