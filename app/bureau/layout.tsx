import { AreaShell, type NavGroup } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';

export default async function BureauLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['city', 'district'], '/bureau');
  const item = (on: boolean, href: string, label: string) => (on ? [{ href, label }] : []);
  const nav: NavGroup[] = [
    { items: [{ href: '/bureau', label: '工作台' }] },
    {
      label: '审核',
      items: [
        ...item(can(actor, 'submission.decide'), '/bureau/staff', '从业人员审核'),
        ...item(can(actor, 'company.filing.decide'), '/bureau/filings', '企业备案审核'),
        ...item(can(actor, 'project.contract.confirm'), '/bureau/contracts', '合同确认'),
        ...item(can(actor, 'submission.decide'), '/bureau/transfers', '调出协调'),
        ...item(can(actor, 'objection.handle'), '/bureau/objections', '信息异议'),
        ...item(can(actor, 'complaint.decide'), '/bureau/complaints', '业主投诉'),
        ...item(can(actor, 'datarequest.decide'), '/bureau/data-requests', '信息查询申请'),
      ],
    },
    {
      label: '记录与评价',
      items: [
        ...item(can(actor, 'record.decide'), '/bureau/records', '人员奖惩记录'),
        ...item(can(actor, 'credit.confirm'), '/bureau/credit', '企业信用记录'),
        ...item(can(actor, 'rating.enter'), '/bureau/ratings', '季度评定'),
        ...item(can(actor, 'rating.enter'), '/bureau/evaluations', '年度评价'),
      ],
    },
    {
      label: '小区监管',
      items: [
        ...item(can(actor, 'project.oversee'), '/bureau/projects', '小区'),
        ...item(can(actor, 'project.oversee'), '/bureau/roster', '名册完整性'),
        ...item(can(actor, 'supervision.verify'), '/bureau/roster-checks', '年度名册核查'),
        ...item(can(actor, 'rectification.order'), '/bureau/rectifications', '责令限期整改'),
        ...item(can(actor, 'spotcheck.result'), '/bureau/spot-checks', '双随机抽查'),
        ...item(can(actor, 'spotcheck.run'), '/bureau/inspectors', '检查人员名册'),
      ],
    },
    {
      label: '管理',
      items: [
        ...item(can(actor, 'estate.edit'), '/bureau/estates', '物业项目登记'),
        ...item(can(actor, 'user.manage'), '/bureau/setup', '区划与项目导入'),
        ...item(can(actor, 'user.manage'), '/bureau/accounts', '账号管理'),
        ...item(can(actor, 'policy.edit'), '/bureau/policy', '信用政策'),
        ...item(can(actor, 'policy.edit'), '/bureau/calendar', '节假日安排'),
        ...item(can(actor, 'audit.read'), '/bureau/audit', '审计日志'),
        ...item(actor.role === 'city', '/bureau/outbox', '短信与邮件发件箱'),
      ],
    },
  ];
  return (
    <AreaShell actor={actor} title={actor.role === 'city' ? '市住建局' : `${actor.districtName ?? ''}住建局`} nav={nav}>
      {children}
    </AreaShell>
  );
}
