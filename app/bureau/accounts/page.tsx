import type { Metadata } from 'next';
import Link from 'next/link';
import { FilterBar, ListResults, optionsOf, parseFilters, SelectFilter, TextFilter, UnpagedList, type Column } from '@/components/list-kit/signed-in';
import { getDb } from '@/db';
import { listLockedAccounts } from '@/db/queries/auth';
import { listAccounts, ROLE_ACCOUNTS_PAGE_SIZE, type AccountRow } from '@/db/queries/role-accounts';
import { requireActor } from '@/lib/auth/actor';
import { ROLE_LABELS, ROLES } from '@/lib/auth/policy';
import { now } from '@/lib/clock';
import { formatDate, formatDateTime } from '@/lib/format';
import { AccountForm } from './account-form';
import { unlockAccountAction } from './actions';
import { exportLinkOf } from '@/components/list-kit/export-link';
import { scopeChoices } from './choices';
import { ACCOUNT_STATUS_LABELS, accountFilterSchema } from './filters';
import { RoleAccountForm } from './role-account-form';
import { scopeText } from './scope-text';

/** The outcome of an unlock, by the code in the URL (never its text). */
const UNLOCK_MESSAGES: Record<string, { text: string; ok: boolean }> = {
  done: { text: '已解除该账号的登录锁定，其可立即登录。', ok: true },
  failed: { text: '未能解除锁定：该账号不存在或已被删除。', ok: false },
};

export const metadata: Metadata = { title: '账号管理', robots: { index: false } };


type Locked = Awaited<ReturnType<typeof listLockedAccounts>>[number];

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

const accountColumns: Column<AccountRow>[] = [
  {
    label: '账号',
    rowHeader: true,
    cell: (r) => (
      <>
        <Link href={`/bureau/accounts/${r.id}`} className="font-mono text-brand-700 underline">
          {r.username}
        </Link>{' '}
        {r.displayName}
        {r.mustChangePassword && <span className="ml-1 text-xs text-amber-800">（尚未首次登录）</span>}
      </>
    ),
  },
  { label: '角色', cell: (r) => ROLE_LABELS[r.role] },
  { label: '辖区 / 单位', cell: (r) => scopeText(r) },
  { label: '状态', cell: (r) => (r.disabledAt ? <span className="text-red-800">已停用</span> : '启用') },
  { label: '开设日期', cell: (r) => formatDate(r.createdAt) },
];

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor(['city'], '/bureau/accounts');
  const sp = await searchParams;
  const f = parseFilters(accountFilterSchema, sp);
  const [{ rows, total }, locked, choices] = await Promise.all([
    listAccounts(getDb(), { q: f.q.trim(), role: f.role ?? '', status: f.status ?? '', page: f.page }),
    listLockedAccounts(getDb(), now()),
    scopeChoices(getDb()),
  ]);
  const unlock = typeof sp.unlock === 'string' && Object.hasOwn(UNLOCK_MESSAGES, sp.unlock) ? UNLOCK_MESSAGES[sp.unlock] : undefined;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">账号管理</h1>
      <section aria-labelledby="role-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="role-heading" className="mb-1 text-lg font-semibold">
          为区县、街道社区、业主委员会、政府部门、行业协会或市级管理员开设账号
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          辖区须已导入（<Link href="/bureau/setup" className="text-brand-700 underline">区划与项目导入</Link>）。停用、重新启用、重置密码和更改辖区请在下方列表中点开账号。
        </p>
        <RoleAccountForm choices={choices} />
      </section>
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
          全部账号（{total} 个）
        </h2>
        <div className="space-y-3">
          <FilterBar submitLabel="查找">
            <TextFilter label="账号、姓名或单位" value={f.q} />
            <SelectFilter name="role" label="角色" value={f.role} all="全部角色" options={optionsOf(ROLES, ROLE_LABELS)} />
            <SelectFilter name="status" label="状态" value={f.status} all="全部" options={optionsOf(['active', 'disabled'] as const, ACCOUNT_STATUS_LABELS)} />
          </FilterBar>
          <ListResults
            path="/bureau/accounts"
            filters={f}
            schema={accountFilterSchema}
            total={total}
            pageSize={ROLE_ACCOUNTS_PAGE_SIZE}
            unit="个"
            caption="账号"
            columns={accountColumns}
            rows={rows}
            rowKey={(r) => r.id}
            exportLink={exportLinkOf('/bureau/accounts', f)}
            empty={{ filtered: '没有找到匹配的账号。', none: '还没有账号，可用上面的表单开设。' }}
          />
        </div>
      </section>
    </div>
  );
}
