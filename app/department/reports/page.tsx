import type { Metadata } from 'next';
import { ReportDesk } from '@/components/records/report-desk';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { loadReportDesk } from '@/lib/records/load';
import { fileDepartmentReportAction } from './actions';

export const metadata: Metadata = { title: '从业人员不良行为线索', robots: { index: false } };

export default async function DepartmentReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['department'], '/department/reports');
  const d = await loadReportDesk(actor, await searchParams);
  return (
    <ReportDesk
      path="/department/reports"
      heading="报送从业人员不良行为线索"
      intro={`在履职中发现物业服务从业人员有《遂宁市物业服务从业人员执业管理办法》第十三条所列行为的，请自收到（出具）相关证明资料或信息之日起 ${d.settings.badConductReportDays} 日内报送属地住建部门（第十四条）。`}
      scopeNote={`可按小区名称和姓名查找全市在岗且已审核登记的从业人员。`}
      action={fileDepartmentReportAction}
      today={today()}
      desk={d}
    />
  );
}
