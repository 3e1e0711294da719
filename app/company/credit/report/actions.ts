'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { issueOwnCreditReport } from '@/lib/services/credit-reports';

/** The company prints its own credit report: issue, then open the A4 print page. */
export async function issueCompanyCreditReportAction(fd: FormData): Promise<void> {
  const result = await issueOwnCreditReport(getDb(), await getActor(), { purpose: textOf(fd, 'purpose') });
  if (!result.ok) redirect(`/company/credit/report?error=${result.code}`);
  redirect(`/company/credit/report/${result.data.code}`);
}
