import type { Metadata } from 'next';
import { PickAndFile } from '@/components/records/pick-and-file';
import { RecordFilingForm } from '@/components/records/record-filing-form';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { loadFilingPicker } from '@/lib/records/load';
import { fileGoodRecordAction } from '../actions';
import { BackLink } from '@/components/area/sub-page';

export const metadata: Metadata = { title: '登记优良信息', robots: { index: false } };

export default async function NewGoodRecordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/records/new-good');
  const { search, picker, settings } = await loadFilingPicker(actor, await searchParams);
  return (
    <div className="space-y-5">
      <BackLink href="/company/records">返回人员奖惩记录</BackLink>
      <h1 className="text-2xl font-bold">登记从业人员优良信息</h1>
      <p className="text-slate-700">
        收到表彰或表扬文件、或发生从业表现突出事项后 {settings.goodRecordFilingDays} 日内录入并上传证明材料，由区县住建部门审核后记录（《遂宁市物业服务从业人员执业管理办法》第十二条）。
      </p>
      <PickAndFile
        path="/company/records/new-good"
        search={search}
        estates={picker.estates}
        results={picker.results}
        selected={picker.selected}
        scopeNote="只能为本企业在岗且已审核登记的从业人员登记。"
        formHeading="第二步：填写优良信息"
        renderForm={(practitionerId) => <RecordFilingForm action={fileGoodRecordAction} mode="good" practitionerId={practitionerId} today={today()} limitDays={settings.goodRecordFilingDays} />}
      />
    </div>
  );
}
