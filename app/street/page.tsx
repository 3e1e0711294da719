import type { Metadata } from 'next';
import Link from 'next/link';
import { WhoAmI } from '@/components/area/area-shell';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '街道 / 社区工作台', robots: { index: false } };

export default async function StreetHome() {
  const actor = await requireActor(['street'], '/street');
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope={`${actor.organisationName ?? '本单位'}辖区内的物业服务项目`} />
      <section aria-labelledby="about-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="about-heading" className="text-lg font-semibold">
          街道、社区可办理的事项
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
          <li>
            <Link href="/street/reports" className="text-brand-700 underline">
              报送从业人员不良行为线索
            </Link>
            ：自收到（出具）相关证明资料或信息之日起 3 日内提供给属地住建部门（《遂宁市物业服务从业人员执业管理办法》第十四条）。
          </li>
          <li>
            <Link href="/street/warnings" className="text-brand-700 underline">
              采集物业服务企业警示信用信息
            </Link>
            ：通过日常监管采集，并提出记分建议，由住建部门核准确定分值（“红黑榜”管理办法第八条）。
          </li>
        </ul>
      </section>
    </div>
  );
}
