import type { Metadata } from 'next';
import { currentPolicy } from '@/lib/policy';
import { WARNING_TYPES } from '@/db/seed/names';
import { today } from '@/lib/clock';
import { CreditEntryPage } from '../_components/entry-page';
import { WarningEntryForm } from '../_components/warning-entry-form';

export const metadata: Metadata = { title: '录入警示信息', robots: { index: false } };

/** The form, with the penalty publication deadline of the current policy. */
async function Form({ companyId, estates }: { companyId: string; estates: { id: string; name: string; districtName: string }[] }) {
  const policy = await currentPolicy();
  return (
    <WarningEntryForm
      companyId={companyId}
      estates={estates}
      suggestions={WARNING_TYPES.map(([t]) => t)}
      today={today()}
      penaltyDays={policy.settings.penaltyPublicationWorkingDays}
    />
  );
}

export default async function NewWarningPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <CreditEntryPage
      path="/bureau/credit/new-warning"
      title="录入警示信息"
      intro="区县、市住建部门在日常监管中直接录入的警示信用信息，录入即确认生效；行政处罚信息在处罚决定作出之日起 7 个工作日内公布。"
      searchParams={searchParams}
      form={(company, estates) => <Form companyId={company.id} estates={estates} />}
    />
  );
}
