import type { Metadata } from 'next';
import { z } from 'zod';
import { Pager } from '@/components/ui/pager';
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

/** The outcome of an unlock, by the code in the URL (never its text). */
const UNLOCK_MESSAGES: Record<string, { text: string; ok: boolean }> = {
  done: { text: '已解除该账号的登录锁定，其可立即登录。', ok: true },
  failed: { text: '未能解除锁定：该账号不存在或已被删除。', ok: false },
};

export const metadata: Metadata = { title: '企业账号', robots: { index: false } };

const paramsSchema = z.object({ q: z.string().max(60).catch(''), page: z.coerce.number().int().min(1).max(10_000).catch(1) });

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor(['city'], '/bureau/accounts');
  const sp = await searchParams;
  const f = paramsSchema.parse({ q: typeof sp.q === 'string' ? sp.q : '', page: typeof sp.page === 'string' ? sp.page : 1 });
  const [{ rows, total }, locked] = await Promise.all([listCompanyOperators(getDb(), f.q.trim(), f.page), listLockedAccounts(getDb(), now())]);
  const unlock = typeof sp.unlock === 'string' && Object.hasOwn(UNLOCK_MESSAGES, sp.unlock) ? UNLOCK_MESSAGES[sp.unlock] : undefined;
  const pages = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const href = (page: number) => `/bureau/accounts?${new URLSearchParams({ q: f.q, page: String(page) })}`;
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
        {locked.length === 0 ? (
          <p className="text-sm text-slate-600">目前没有被锁定的账号。</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2">账号</th>
                <th scope="col" className="py-2">角色</th>
                <th scope="col" className="py-2">连续失败</th>
                <th scope="col" className="py-2">锁定至</th>
                <th scope="col" className="py-2">
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {locked.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 font-medium">
                    <span className="font-mono">{a.username}</span> {a.displayName}
                  </th>
                  <td className="py-2">{ROLE_LABELS[a.role]}</td>
                  <td className="py-2">{a.failedLogins} 次</td>
                  <td className="py-2">{formatDateTime(a.lockedUntil)}</td>
                  <td className="py-2">
                    <form action={unlockAccountAction}>
                      <input type="hidden" name="userId" value={a.id} />
                      <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
                        解锁<span className="sr-only"> {a.username}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="list-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          企业操作员（{total} 个）
        </h2>
        <form method="get" className="mb-3 flex items-end gap-2">
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              企业名称、信用代码或账号
            </label>
            <input id="q" name="q" defaultValue={f.q} className="mt-1 rounded border border-slate-400 px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white">
            查找
          </button>
        </form>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2">账号</th>
              <th scope="col" className="py-2">企业</th>
              <th scope="col" className="py-2">备案状态</th>
              <th scope="col" className="py-2">开设日期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.username} className="border-b border-slate-100">
                <th scope="row" className="py-2 font-medium">
                  <span className="font-mono">{r.username}</span> {r.displayName}
                  {r.mustChangePassword && <span className="ml-1 text-xs text-amber-800">（尚未首次登录）</span>}
                </th>
                <td className="py-2">
                  {r.companyName}
                  <span className="block font-mono text-xs text-slate-600">{r.uscc}</span>
                </td>
                <td className="py-2">{FILING_STATUS_LABELS[r.filingStatus] ?? r.filingStatus}</td>
                <td className="py-2">{formatDate(r.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={f.page} pages={pages} href={href} className="mt-3 flex gap-3" />
      </section>
    </div>
  );
}
