import type { Metadata } from 'next';
import { today } from '@/lib/clock';
import { CreditEntryPage } from '../_components/entry-page';
import { VetoForm } from './_components/veto-form';

export const metadata: Metadata = { title: '录入一票否决', robots: { index: false } };

export default async function NewVetoPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <CreditEntryPage
      path="/bureau/credit/new-veto"
      title="录入一票否决"
      intro="物业服务企业有“红黑榜”管理办法第十一条规定情形之一的，信用评定实行一票否决：录入即生效，企业当日列入黑榜，并取消当年综合信用评价资格。"
      searchParams={searchParams}
      form={(company, estates) => <VetoForm companyId={company.id} estates={estates} today={today()} />}
    />
  );
}
