import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/actor';
import { CREDIT_REPORT_ERRORS, CreditReportForm } from '@/components/documents/credit-report-form';
import { CREDIT_REPORT_VALID_DAYS } from '@/lib/domain/credit-report';
import { issueBureauCreditReportAction } from './actions';

export const metadata: Metadata = { title: '打印信用报告', robots: { index: false } };

export default async function CreditReportIssuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireActor(['city', 'district'], '/bureau/credit/report');
  const raw = (await searchParams).error;
  const error = typeof raw === 'string' ? (CREDIT_REPORT_ERRORS[raw] ?? CREDIT_REPORT_ERRORS.INVALID) : null;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/bureau/credit" className="text-brand-800 underline">
          返回企业信用记录
        </Link>
      </p>
      <h1 className="text-2xl font-bold">打印信用报告</h1>
      <p className="max-w-3xl text-slate-700">
        为管辖范围内的已备案企业出具信用报告（信用等级、当前信用分及其说明、红黑榜状态、出具当日的招投标信用资格），带核验码和二维码。报告自出具之日起 {CREDIT_REPORT_VALID_DAYS} 日内有效；其间所载信息发生变化的，核验时会提示“内容已变化”。
      </p>
      <CreditReportForm action={issueBureauCreditReportAction} withUscc={true} error={error} />
    </div>
  );
}
