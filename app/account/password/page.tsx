import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/actor';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: '修改密码', robots: { index: false } };

export default async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) redirect('/login?next=%2Faccount%2Fpassword');
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-10">
      <div className="rounded-lg bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-bold">修改密码</h1>
        {actor.mustChangePassword && (
          <p role="status" className="mb-4 rounded bg-amber-50 px-3 py-2 text-amber-900">
            首次登录或密码被重置后，须先修改密码才能继续使用平台。
          </p>
        )}
        <p className="mb-4 text-sm text-slate-600">修改后所有已登录的设备都将退出，请用新密码重新登录。</p>
        <PasswordForm />
      </div>
    </main>
  );
}
