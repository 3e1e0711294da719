'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { issueBureauCreditReport } from '@/lib/services/credit-reports';

/** A bureau prints the credit report of a company in its scope: issue, then open the A4 print page. */
export async function issueBureauCreditReportAction(fd: FormData): Promise<void> {
  const result = await issueBureauCreditReport(getDb(), await getActor(), { uscc: textOf(fd, 'uscc'), purpose: textOf(fd, 'purpose') });
  if (!result.ok) redirect(`/bureau/credit/report?error=${result.code}`);
  redirect(`/bureau/credit/report/${result.data.code}`);
}
