import type { Metadata } from 'next';
import { OrderList } from '@/components/supervision/order-list';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '整改通知', robots: { index: false } };

export default async function CompanyRectificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['company'], '/company/rectifications');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">整改通知</h1>
      <p className="text-slate-700">
        住建部门责令本企业限期整改的事项。请在期限内整改并报送整改情况和证明材料；逾期未整改的，会被通报批评（在企业信用档案页面公示）并约谈（《遂宁市物业服务从业人员执业管理办法》第二十四条）。
      </p>
      <OrderList actor={actor} basePath="/company/rectifications" sp={await searchParams} />
    </div>
  );
}
