'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { issueEstateBadges, reissueBadge } from '@/lib/services/badges';

/**
 * Plain forms (work without JavaScript): the answer is a redirect back to the sheet, a failure as a fixed code the
 * page maps to its own words (what the URL says is never shown as text).
 */
const back = (projectId: string, query: string) => `/company/badges/${encodeURIComponent(projectId)}?${query}`;

/** Makes the badges of everyone on the estate's sheet who has none yet. */
export async function issueEstateBadgesAction(fd: FormData): Promise<void> {
  const projectId = textOf(fd, 'projectId');
  const result = await issueEstateBadges(getDb(), await getActor(), { projectId });
  if (!result.ok) redirect(result.code === 'NOT_FOUND' || result.code === 'INVALID' ? '/company/badges?error=NOT_FOUND' : back(projectId, `error=${result.code}`));
  revalidatePath('/company/badges');
  redirect(back(projectId, `issued=${result.data.issued}`));
}

/** Makes one person's badge anew; the previous code stops verifying. */
export async function reissueBadgeAction(fd: FormData): Promise<void> {
  const practitionerId = textOf(fd, 'practitionerId');
  const result = await reissueBadge(getDb(), await getActor(), { practitionerId });
  if (!result.ok) redirect(`/company/badges?error=${result.code}`);
  revalidatePath('/company/badges');
  redirect(back(result.data.projectId, `p=${encodeURIComponent(practitionerId)}&reissued=1`));
}
