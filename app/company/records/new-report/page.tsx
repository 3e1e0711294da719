import type { Metadata } from 'next';
import { PickAndFile } from '@/components/records/pick-and-file';
import { RecordFilingForm } from '@/components/records/record-filing-form';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { loadFilingPicker } from '@/lib/records/load';
import { fileReportAction } from '../actions';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '报送不良行为线索', robots: { index: false } };

export default async function NewReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/records/new-report');
  const { search, picker, settings } = await loadFilingPicker(actor, await searchParams);
  return (
    <div className="space-y-5">
      <BackLink href="/company/records">返回人员奖惩记录</BackLink>
      <h1 className="text-2xl font-bold">报送从业人员不良行为线索</h1>
      <p className="text-slate-700">
        本企业从业人员有《遂宁市物业服务从业人员执业管理办法》第十三条所列行为的，应自收到（出具）相关证明资料之日起 {settings.badConductReportDays} 日内报送属地住建部门，由其核实后录入（第十四条）。
      </p>
      <PickAndFile
        path="/company/records/new-report"
        search={search}
        estates={picker.estates}
        results={picker.results}
        selected={picker.selected}
        scopeNote="只能报送本企业在岗且已审核登记的从业人员。"
        formHeading="第二步：填写线索"
        renderForm={(practitionerId) => <RecordFilingForm action={fileReportAction} mode="report" practitionerId={practitionerId} today={today()} limitDays={settings.badConductReportDays} />}
      />
    </div>
  );
}
