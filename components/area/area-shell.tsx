import Link from 'next/link';
import { logout } from '@/lib/actions/session';
import { ROLE_LABELS, type Actor } from '@/lib/auth/policy';

export interface NavItem {
  href: string;
  label: string;
}

/** The frame of every signed-in area: who is signed in, for which organisation, and the area's navigation. */
export function AreaShell({ actor, title, nav, children }: { actor: Actor; title: string; nav: NavItem[]; children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <Link href="/" className="font-bold">
              遂宁市物业信用监管平台
            </Link>
            <span className="ml-2 rounded bg-white/15 px-2 py-0.5 text-sm">{title}</span>
          </div>
          <div className="flex items-center gap-3 text-sm">
            <span>
              {actor.name}（{ROLE_LABELS[actor.role]}）
            </span>
            <form action={logout}>
              <button type="submit" className="rounded border border-white/50 px-3 py-1 hover:bg-white/10">
                退出登录
              </button>
            </form>
          </div>
        </div>
        <nav aria-label={`${title}导航`} className="bg-brand-700">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
            {nav.map((n) => (
              <li key={n.href}>
                <Link href={n.href} className="block px-3 py-2 text-sm hover:bg-white/10">
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
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
