import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export default async function StreetLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['street'], '/street');
  return (
    <AreaShell
      actor={actor}
      title={actor.organisationName ?? '街道 / 社区'}
      nav={[
        { href: '/street', label: '工作台' },
        { href: '/street/reports', label: '从业人员不良行为线索' },
        { href: '/street/warnings', label: '企业警示信息' },
      ]}
    >
      {children}
    </AreaShell>
  );
}
