import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db';
import { requireActor } from '@/lib/auth/actor';
import { ROLE_HOME, ROLES } from '@/lib/auth/policy';
import { readAccountEmail } from '@/lib/services/inbox';
import { EmailForm } from './email-form';

export const metadata: Metadata = { title: '账号设置', robots: { index: false } };

export default async function AccountPage() {
  const actor = await requireActor(ROLES, '/account');
  const r = await readAccountEmail(getDb(), actor);
  const email = r.ok ? r.data.email : null;
  return (
    <main id="main" className="mx-auto max-w-md space-y-4 px-4 py-10">
      <div className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-bold">账号设置</h1>
        <p className="mb-4 text-sm text-slate-600">
          账号 {actor.username}（{actor.name}）
        </p>
        <EmailForm current={email} />
      </div>
      <nav aria-label="账号" className="flex flex-wrap gap-4">
        <Link href="/account/password" className="text-brand-700 underline">
          修改密码
        </Link>
        <Link href="/inbox" className="text-brand-700 underline">
          待办消息
        </Link>
        <Link href={ROLE_HOME[actor.role]} className="text-brand-700 underline">
          返回工作台
        </Link>
      </nav>
    </main>
  );
}
