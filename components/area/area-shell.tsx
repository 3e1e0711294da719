import Link from 'next/link';
import { logout } from '@/lib/actions/session';
import { ROLE_LABELS, type Actor } from '@/lib/auth/policy';
import { AreaNav } from './area-nav';
import { InboxLink } from './inbox-link';
import { navGroups, type NavGroup, type NavItem } from './nav-groups';

export type { NavGroup, NavItem };

/** The frame of every signed-in area: who is signed in, for which organisation, and the area's navigation. */
export function AreaShell({ actor, title, nav, children }: { actor: Actor; title: string; nav: NavItem[] | NavGroup[]; children: React.ReactNode }) {
  // A short list (a street office's three pages) is one unnamed group; the bureau's and a company's are grouped.
  const groups = navGroups(nav.every((n): n is NavGroup => 'items' in n) ? nav : [{ items: nav as NavItem[] }]);
  return (
    <>
      <a href="#main" className="skip-link print:hidden">
        跳到主要内容
      </a>
      <header className="bg-brand-800 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2">
          <div className="flex min-w-0 flex-wrap items-center gap-x-2">
            <Link href="/" className="inline-flex min-h-11 items-center font-bold">
              遂宁市物业信用监管平台
            </Link>
            <span className="rounded bg-white/15 px-2 py-0.5 text-sm">{title}</span>
          </div>
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 text-sm">
            <span className="min-w-0 break-all">
              {actor.name}（{ROLE_LABELS[actor.role]}）
            </span>
            <InboxLink actor={actor} />
            <Link href="/account" className="inline-flex min-h-11 items-center px-1 underline-offset-2 hover:underline">
              账号设置
            </Link>
            <form action={logout}>
              <button type="submit" className="min-h-11 rounded border border-white/50 px-3 hover:bg-white/10">
                退出登录
              </button>
            </form>
          </div>
        </div>
        <AreaNav label={`${title}导航`} groups={groups} />
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}

/** The signed-in user's name, organisation and scope: the first thing every area home shows. */
export function WhoAmI({ actor, scope }: { actor: Actor; scope: string }) {
  return (
    <section aria-labelledby="whoami-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h1 id="whoami-heading" className="text-xl font-bold">
        您好，{actor.name}
      </h1>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">账号</dt>
        <dd>{actor.username}</dd>
        <dt className="text-slate-600">身份</dt>
        <dd>{ROLE_LABELS[actor.role]}</dd>
        <dt className="text-slate-600">所属单位</dt>
        <dd>{actor.companyName ?? actor.organisationName ?? '—'}</dd>
        <dt className="text-slate-600">管辖范围</dt>
        <dd>{scope}</dd>
      </dl>
    </section>
  );
}
