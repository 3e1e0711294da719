import type { Metadata } from 'next';
import { WhoAmI } from '@/components/area/area-shell';
import { getDb } from '@/db';
import { countAssociationCommendations } from '@/db/queries/area-home';
import { currentPolicy } from '@/lib/policy';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';

export const metadata: Metadata = { title: '行业协会工作台', robots: { index: false } };

export default async function AssociationHome() {
  const actor = await requireActor(['association'], '/association');
  const year = Number(today().slice(0, 4));
  const db = getDb();
  const [used, policy] = await Promise.all([countAssociationCommendations(db, year), currentPolicy()]);
  const cap = policy.settings.associationCommendationsPerYear;
  return (
    <div className="space-y-6">
      <WhoAmI actor={actor} scope="本协会提交的行业协会表彰和公开谴责" />
      <section aria-labelledby="quota-heading" className="rounded-lg bg-white p-5 shadow-sm">
        <h2 id="quota-heading" className="text-lg font-semibold">
          {year} 年度行业协会表彰名额
        </h2>
        <p className="mt-2">
          已使用 <strong>{used}</strong> 人次，上限 {cap} 人次（《遂宁市物业服务从业人员执业管理办法》第十条），剩余{' '}
          <strong>{Math.max(0, cap - used)}</strong> 人次。
        </p>
        <p className="mt-1 text-sm text-slate-600">按政策第 {policy.version} 版计算。</p>
      </section>
    </div>
  );
}
