import type { Metadata } from 'next';
import { SubPage } from '@/components/area/sub-page';
import { getDb } from '@/db';
import { listCompanyProjects } from '@/db/queries/practitioner-review';
import { requireActor } from '@/lib/auth/actor';
import { ReEntryForm } from '@/components/practitioner/move-forms';

export const metadata: Metadata = { title: '重新执业', robots: { index: false } };

export default async function ReEntryPage() {
  const actor = await requireActor(['company'], '/company/moves/re-entry');
  const projects = await listCompanyProjects(getDb(), actor.companyId!);
  return (
    <SubPage back={{ href: '/company/moves', label: '返回人员变动' }} title={'重新执业'}>
      <div className="rounded-lg bg-white p-4 text-sm shadow-sm">
        <p>
          已退出物业服务行业并归档的人员重新入职的，由新入职企业申请重启其档案并更新信息，区县住建部门审核通过后恢复在职（SN 17）。原有档案和任职经历保留，无需重新录入。
        </p>
        <p className="mt-2 text-slate-600">
          信息采集的目的和用途：用于物业服务从业人员实名制管理和信用管理。姓名、照片、性别、年龄、岗位、资格证书和良好/不良行为记录向业主公开；身份证号码、出生日期、民族、籍贯、政治面貌、学历和普通岗位人员的手机号码不公开（SN 19）。
        </p>
      </div>
      <ReEntryForm projects={projects} />
    </SubPage>
  );
}
