import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { ROLE_HOME } from '@/lib/auth/policy';
import { safeNextPath } from '@/lib/validation/auth';
import { LoginForm } from './login-form';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: '登录', alternates: { canonical: '/login' } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const next = safeNextPath(typeof sp.next === 'string' ? sp.next : null) ?? undefined;
  const actor = await getActor();
  if (actor) redirect(actor.mustChangePassword ? '/account/password' : (next ?? ROLE_HOME[actor.role]));
  return (
    <div className="mx-auto max-w-sm rounded-lg bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-xl font-bold">登录</h1>
      {sp.changed === '1' && (
        <p role="status" className="mb-4 rounded bg-green-50 px-3 py-2 text-green-900">
          密码已修改，请用新密码登录。
        </p>
      )}
      <p className="mb-4 text-sm text-slate-600">供物业服务企业、住建主管部门、行业协会、业主委员会和相关部门工作人员使用。</p>
      <LoginForm next={next} />
    </div>
  );
}
