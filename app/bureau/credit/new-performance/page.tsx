import type { Metadata } from 'next';
import { PERFORMANCE_TYPES } from '@/db/seed/names';
import { today } from '@/lib/clock';
import { CreditEntryPage } from '../_components/entry-page';
import { PerformanceEntryForm } from '../_components/performance-entry-form';

export const metadata: Metadata = { title: '录入业绩信息', robots: { index: false } };

export default async function NewPerformancePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <CreditEntryPage
      path="/bureau/credit/new-performance"
      title="录入业绩信息"
      intro="住建部门直接录入企业获得的奖励和良好管理信息，确定分值后即公布，公示 1 年。"
      searchParams={searchParams}
      form={(company, estates) => <PerformanceEntryForm companyId={company.id} estates={estates} suggestions={PERFORMANCE_TYPES.map(([t]) => t)} today={today()} />}
    />
  );
}
