import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export default async function AssociationLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['association'], '/association');
  return (
    <AreaShell actor={actor} title="行业协会" nav={[
        { href: '/association', label: '工作台' },
        { href: '/association/records', label: '表彰与谴责' },
      ]}>
      {children}
    </AreaShell>
  );
}
