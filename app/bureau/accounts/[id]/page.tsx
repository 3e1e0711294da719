import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { getAccount } from '@/db/queries/role-accounts';
import { requireActor } from '@/lib/auth/actor';
import { ROLE_LABELS } from '@/lib/auth/policy';
import { formatDate, formatDateTime } from '@/lib/format';
import { scopeChoices } from '../choices';
import { SCOPE_FIELD_OF_ROLE } from '../scope-fields';
import { scopeText } from '../scope-text';
import { AccountSteps } from './account-steps';

export const metadata: Metadata = { title: '账号', robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor(['city'], '/bureau/accounts');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = getDb();
  const a = await getAccount(db, id);
  if (!a) notFound();
  const scopeField = a.role === 'city' ? 'none' : SCOPE_FIELD_OF_ROLE[a.role]!;
  const choices = scopeField === 'none' ? { districts: [], places: [], estates: [] } : await scopeChoices(db);
  return (
    <div className="space-y-6">
      <BackLink href="/bureau/accounts">账号管理</BackLink>
      <h1 className="text-2xl font-bold">
        账号 <span className="font-mono">{a.username}</span> {a.displayName}
      </h1>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-white p-5 shadow-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">角色</dt>
        <dd>{ROLE_LABELS[a.role]}</dd>
        <dt className="font-medium">辖区 / 单位</dt>
        <dd>{scopeText(a) || '—'}</dd>
        <dt className="font-medium">状态</dt>
        <dd>{a.disabledAt ? `已停用（${formatDateTime(a.disabledAt)}）` : '启用'}{a.mustChangePassword ? '，尚未修改临时密码' : ''}</dd>
        <dt className="font-medium">最近登录</dt>
        <dd>{a.lastLoginAt ? formatDateTime(a.lastLoginAt) : '从未登录'}</dd>
        <dt className="font-medium">开设日期</dt>
        <dd>{formatDate(a.createdAt)}</dd>
      </dl>
      <AccountSteps key={`${a.disabledAt ? 'off' : 'on'}`} userId={a.id} disabled={!!a.disabledAt} isSelf={a.id === actor.userId} scopeField={scopeField} choices={choices} />
    </div>
  );
}
