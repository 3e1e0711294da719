import type { Metadata } from 'next';
import Link from 'next/link';
import { WhoAmI } from '@/components/area/area-shell';
import { getDb } from '@/db';
import { listDepartmentSubmissions } from '@/db/queries/credit-records';
import { requireActor } from '@/lib/auth/actor';
import { cite } from '@/lib/domain/regulations';

export const metadata: Metadata = { title: '部门工作台', robots: { index: false } };

export default async function DepartmentHome() {
  const actor = await requireActor(['department'], '/department');
  const submissions = await listDepartmentSubmissions(getDb(), actor);
  const waiting = submissions.filter((r) => r.status === 'submitted').length;
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={`${actor.organisationName ?? '本部门'}报送的企业信用信息、不良行为线索和信息查询申请`} />
      <section aria-labelledby="about-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="about-heading" className="text-lg font-semibold">
          部门可办理的事项
        </h2>
        <ul className="mt-3 space-y-4">
          <li>
            <Link href="/department/credit" className="font-medium text-brand-800 underline">
              报送企业信用信息
            </Link>
            <p className="text-sm text-slate-700">
              本部门对物业服务企业作出的行政处罚、警示信息和表彰，附文号和证据报送住建部门，核定后记入企业信用档案并公布（{cite('DW', '第八条')}）。
              {submissions.length > 0 && ` 已报送 ${submissions.length} 条，其中 ${waiting} 条待住建部门核定。`}
            </p>
          </li>
          <li>
            <Link href="/department/reports" className="font-medium text-brand-800 underline">
              报送从业人员不良行为线索
            </Link>
            <p className="text-sm text-slate-700">在履职中发现从业人员不良行为的，3 日内报送线索和证据（{cite('SN', '第十四条')}）。</p>
          </li>
          <li>
            <span className="font-medium">申请查询从业人员信息</span>
            <p className="text-sm text-slate-700">
              凭公函申请，须写明用途、目的和范围并承诺保护个人信息（{cite('SN', '第二十条')}）。平台上的申请尚未开通，请以公函向住建部门申请。
            </p>
          </li>
        </ul>
      </section>
    </div>
  );
}
