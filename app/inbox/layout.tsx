import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';
import { ROLE_HOME, ROLES } from '@/lib/auth/policy';

export default async function InboxLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(ROLES, '/inbox');
  return (
    <AreaShell
      actor={actor}
      title="待办消息"
      nav={[
        { href: ROLE_HOME[actor.role], label: '返回工作台' },
        { href: '/inbox', label: '待办消息' },
        { href: '/account', label: '账号设置' },
      ]}
    >
      {children}
    </AreaShell>
  );
}
