import { AreaShell } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';

export default async function BureauLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor(['city', 'district'], '/bureau');
  const nav = [{ href: '/bureau', label: '工作台' }];
  if (can(actor, 'project.contract.confirm')) nav.push({ href: '/bureau/contracts', label: '合同确认' });
  if (can(actor, 'project.oversee')) nav.push({ href: '/bureau/projects', label: '小区' });
  if (can(actor, 'submission.decide')) nav.push({ href: '/bureau/staff', label: '从业人员审核' });
  if (can(actor, 'record.decide')) nav.push({ href: '/bureau/records', label: '人员奖惩记录' });
  if (can(actor, 'credit.confirm')) nav.push({ href: '/bureau/credit', label: '企业信用记录' });
  if (can(actor, 'rating.enter')) nav.push({ href: '/bureau/ratings', label: '季度评定' });
  if (can(actor, 'rating.enter')) nav.push({ href: '/bureau/evaluations', label: '年度评价' });
  if (can(actor, 'objection.handle')) nav.push({ href: '/bureau/objections', label: '信息异议' });
  if (can(actor, 'project.oversee')) nav.push({ href: '/bureau/roster', label: '名册完整性' });
  if (can(actor, 'company.filing.decide')) nav.push({ href: '/bureau/filings', label: '企业备案审核' });
  if (can(actor, 'submission.decide')) nav.push({ href: '/bureau/transfers', label: '调出协调' });
  if (can(actor, 'user.manage')) nav.push({ href: '/bureau/accounts', label: '企业账号' });
  if (can(actor, 'policy.edit')) nav.push({ href: '/bureau/policy', label: '信用政策' });
  if (can(actor, 'policy.edit')) nav.push({ href: '/bureau/calendar', label: '节假日安排' });
  if (can(actor, 'audit.read')) nav.push({ href: '/bureau/audit', label: '审计日志' });
  if (actor.role === 'city') nav.push({ href: '/bureau/outbox', label: '短信发件箱' });
  return (
    <AreaShell actor={actor} title={actor.role === 'city' ? '市住建局' : `${actor.districtName ?? ''}住建局`} nav={nav}>
      {children}
    </AreaShell>
  );
}
