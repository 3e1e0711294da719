import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PickAndFile } from '@/components/records/pick-and-file';
import { RecordFilingForm } from '@/components/records/record-filing-form';
import { getDb } from '@/db';
import { loadStaffPicker } from '@/db/queries/practitioner-records';
import { requireActor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { parseStaffSearch } from '@/lib/validation/records';
import { enterBadRecordAction } from '../actions';

export const metadata: Metadata = { title: '录入不良行为记录', robots: { index: false } };

export default async function NewBadRecordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/records/new-bad');
  if (!can(actor, 'record.bad.enter')) notFound();
  const { search, pid } = parseStaffSearch(await searchParams);
  const picker = await loadStaffPicker(getDb(), actor, search, pid);
  return (
    <div className="space-y-5">
      <p>
        <Link href="/bureau/records" className="text-brand-800 underline">
          返回人员奖惩记录
        </Link>
      </p>
      <h1 className="text-2xl font-bold">直接录入不良行为记录</h1>
      <p className="text-slate-700">
        根据日常监管工作实际录入（《遂宁市物业服务从业人员执业管理办法》第十四条）。录入即生效并在平台公开，同时通知所在企业并生成送达本人的告知书。
      </p>
      <PickAndFile
        path="/bureau/records/new-bad"
        search={search}
        estates={picker.estates}
        results={picker.results}
        selected={picker.selected}
        scopeNote={actor.role === 'city' ? '可查找全市在岗且已审核登记的从业人员。' : `可查找${actor.districtName ?? '本辖区'}小区在岗且已审核登记的从业人员。`}
        formHeading="第二步：填写记录"
        renderForm={(practitionerId) => <RecordFilingForm action={enterBadRecordAction} mode="entry" practitionerId={practitionerId} today={today()} defaultIssuer={actor.organisationName ?? undefined} />}
      />
    </div>
  );
}
