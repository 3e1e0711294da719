import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export default async function CompanyLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['company'], '/company');
  return (
    <AreaShell actor={actor} title="企业工作台" nav={[
        { items: [{ href: '/company', label: '工作台' }] },
        {
          label: '企业',
          items: [
            { href: '/company/filing', label: '企业备案' },
            { href: '/company/projects', label: '项目与合同' },
            { href: '/company/credit', label: '企业信用记录' },
            { href: '/company/evaluations', label: '信用评价' },
          ],
        },
        {
          label: '从业人员',
          items: [
            { href: '/company/staff', label: '从业人员' },
            { href: '/company/staff/import', label: '名册导入' },
            { href: '/company/moves', label: '人员变动' },
            { href: '/company/badges', label: '工作牌' },
            { href: '/company/records', label: '人员奖惩记录' },
            { href: '/company/objections', label: '信息异议' },
            { href: '/company/complaints', label: '业主投诉和表扬' },
            { href: '/company/data-requests', label: '信息查询申请' },
            { href: '/company/rectifications', label: '整改通知' },
          ],
        },
      ]}>
      {children}
    </AreaShell>
  );
}
