import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export default async function DepartmentLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['department'], '/department');
  return (
    <AreaShell actor={actor} title="政府部门" nav={[
        { href: '/department', label: '工作台' },
        { href: '/department/credit', label: '企业信用信息' },
        { href: '/department/reports', label: '不良行为线索' },
      ]}>
      {children}
    </AreaShell>
  );
}
