import type { Metadata } from 'next';
import Link from 'next/link';
import { WhoAmI } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '部门工作台', robots: { index: false } };

export default async function DepartmentHome() {
  const actor = await requireActor(['department'], '/department');
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={`${actor.organisationName ?? '本部门'}提交的信息查询申请和不良行为线索`} />
      <section aria-labelledby="about-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="about-heading" className="text-lg font-semibold">
          部门可办理的事项
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          <li>
            <Link href="/department/requests" className="text-brand-800 underline">
              凭公函申请查询从业人员信息
            </Link>
            ，须写明用途、目的和范围并承诺保护个人信息（《遂宁市物业服务从业人员执业管理办法》第二十条）。
          </li>
          <li>在履职中发现从业人员不良行为的，3 日内报送线索和证据（第十四条）。</li>
        </ul>
      </section>
    </div>
  );
}
