import type { Metadata } from 'next';
import Link from 'next/link';
import { OrderList } from '@/components/supervision/order-list';
import { requireActor } from '@/lib/auth/actor';

export const metadata: Metadata = { title: '责令限期整改', robots: { index: false } };

export default async function BureauRectificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor(['city', 'district'], '/bureau/rectifications');
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">责令限期整改</h1>
      <p className="text-slate-700">
        企业未按规定录入从业人员信息，或录入信息弄虚作假、泄露隐私的，责令限期整改；逾期未整改的，予以通报批评并约谈（《遂宁市物业服务从业人员执业管理办法》第二十四条）。
      </p>
      <p>
        <Link href="/bureau/rectifications/new" className="font-medium text-brand-800 underline">
          下发整改通知
        </Link>
      </p>
      <OrderList actor={actor} basePath="/bureau/rectifications" sp={await searchParams} />
    </div>
  );
}
