import type { Metadata } from 'next';
import { getDb } from '@/db';
import { listDistricts } from '@/db/queries/ratings';
import { requireActor } from '@/lib/auth/actor';
import { today } from '@/lib/clock';
import { quarterFromIndex, quarterIndex, quarterKey, quarterLabel, quarterOf } from '@/lib/domain/credit-rating';
import { DrawForm } from './draw-form';

export const metadata: Metadata = { title: '新建双随机抽查', robots: { index: false } };

/** The city's draw: the form, then check your answers, then the final draw. */
export default async function NewSpotCheckPage() {
  await requireActor(['city'], '/bureau/spot-checks/new');
  const current = quarterOf(today());
  const quarters = [0, 1, 2, 3].map((i) => quarterFromIndex(quarterIndex(current) - i)).map((q) => ({ value: quarterKey(q), label: quarterLabel(q) }));
  const districts = await listDistricts(getDb());
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">新建双随机抽查</h1>
      <p className="text-slate-700">
        系统按风险给每个对象一个权重（信用等级D、C级，黑榜，重点监管的抽中机会更大；红榜、守信激励、绿色通道、A级的更小），再用随机种子抽取对象和检查人员。抽取前会请您核对；抽取后结果不能更改。
      </p>
      <DrawForm quarters={quarters} defaultQuarter={quarterKey(current)} districts={districts} />
    </div>
  );
}
