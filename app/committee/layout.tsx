import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export default async function CommitteeLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['committee'], '/committee');
  return (
    <AreaShell actor={actor} title="业主委员会" nav={[
        { href: '/committee', label: '工作台' },
        { href: '/committee/requests', label: '信息查询申请' },
      ]}>
      {children}
    </AreaShell>
  );
}
