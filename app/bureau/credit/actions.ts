'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { DecideState } from '@/components/forms/decision-form';
import { getDb } from '@/db';
import { textOf, uploadsOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { confirmCreditRecord, previewRecordConfirmation, type RecordConfirmationPreview, enterPerformanceRecord, enterWarningRecord, publishPenalty, rejectCreditRecord } from '@/lib/services/credit-records';
import { decideRepair } from '@/lib/services/credit-repair';
import { publishErrorCode } from '@/lib/actions/publish-error';

export interface BureauCreditState {
  message?: string;
  conflict?: boolean;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** A warning's check-your-answers step: what confirming will make public, and the fingerprint to confirm it. */
  preview?: RecordConfirmationPreview;
}

function revalidateCredit() {
  revalidatePath('/bureau/credit');
  revalidatePath('/bureau');
  revalidatePath('/company/credit');
  revalidatePath('/street/warnings');
  revalidatePath('/companies', 'layout');
}

/**
 * DW 8.2: the bureau confirms a report's points (and a warning's severity). A warning goes through its
 * check-your-answers step first (intent=preview), then is confirmed with the fingerprint of what was shown;
 * intent=edit goes back to the points and severity.
 */
export async function confirmRecordAction(_prev: BureauCreditState, fd: FormData): Promise<BureauCreditState> {
  const input = { id: textOf(fd, 'id'), expectedVersion: textOf(fd, 'expectedVersion'), points: textOf(fd, 'points'), severity: textOf(fd, 'severity'), fingerprint: textOf(fd, 'fingerprint') };
  const intent = textOf(fd, 'intent');
  if (intent === 'preview' || intent === 'edit') {
    // Authorizes like the confirmation (the service checks who, which record, which version).
    const preview = await previewRecordConfirmation(getDb(), await getActor(), input);
    if (!preview.ok) return { message: preview.message, conflict: preview.code === 'CONFLICT', fieldErrors: preview.fieldErrors, values: input };
    return intent === 'edit' ? { values: input } : { preview: preview.data, values: input };
  }
  const result = await confirmCreditRecord(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, conflict: result.code === 'CONFLICT', fieldErrors: result.fieldErrors, values: input };
  revalidateCredit();
  redirect(`/bureau/credit?done=confirmed`);
}

/** The bureau declines a report, with its reason. */
export async function rejectRecordAction(_prev: BureauCreditState, fd: FormData): Promise<BureauCreditState> {
  const input = { id: textOf(fd, 'id'), expectedVersion: textOf(fd, 'expectedVersion'), reason: textOf(fd, 'reason') };
  const result = await rejectCreditRecord(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, conflict: result.code === 'CONFLICT', fieldErrors: result.fieldErrors, values: input };
  revalidateCredit();
  redirect(`/bureau/credit?done=rejected`);
}

const BACK = /^\/bureau(\/credit(\/[0-9a-f-]{36})?)?$/;

/** "发布": publishes a confirmed penalty that waited (a one-button form, works without JavaScript). */
export async function publishPenaltyAction(fd: FormData): Promise<void> {
  const back = BACK.test(textOf(fd, 'back')) ? textOf(fd, 'back') : '/bureau/credit';
  const result = await publishPenalty(getDb(), await getActor(), { id: textOf(fd, 'id'), expectedVersion: textOf(fd, 'expectedVersion') });
  if (result.ok) revalidateCredit();
  const q = result.ok ? `published=${result.data.late ? 'late' : 'ok'}` : `publishError=${publishErrorCode(result)}`;
  redirect(`${back}?${q}#penalties-heading`);
}

const WARNING_FIELDS = ['companyId', 'projectId', 'type', 'occurredOn', 'issuer', 'description', 'severity', 'points', 'isPenalty', 'decisionOn', 'publishNow'] as const;

/** A district or the city enters a warning record (possibly an administrative penalty) directly. */
export async function enterWarningAction(_prev: BureauCreditState, fd: FormData): Promise<BureauCreditState> {
  const data = Object.fromEntries(WARNING_FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await enterWarningRecord(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidateCredit();
  redirect(`/bureau/credit/${result.data.id}?entered=1`);
}

const PERFORMANCE_FIELDS = ['companyId', 'projectId', 'type', 'occurredOn', 'issuer', 'description', 'points'] as const;

/** A district or the city enters a performance record directly, with its points. */
export async function enterPerformanceAction(_prev: BureauCreditState, fd: FormData): Promise<BureauCreditState> {
  const data = Object.fromEntries(PERFORMANCE_FIELDS.map((k) => [k, textOf(fd, k)]));
  const result = await enterPerformanceRecord(getDb(), await getActor(), { data, evidence: await uploadsOf(fd, 'evidence') });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidateCredit();
  redirect(`/bureau/credit/${result.data.id}?entered=1`);
}

/** The decision on a credit-repair application (DecisionForm: approve, or reject with a reason). */
export async function decideRepairAction(_prev: DecideState, fd: FormData): Promise<DecideState> {
  const input = { id: textOf(fd, 'id'), expectedVersion: textOf(fd, 'expectedVersion'), decision: textOf(fd, 'decision') || undefined, reason: textOf(fd, 'reason') };
  const result = await decideRepair(getDb(), await getActor(), input);
  if (!result.ok) {
    return { message: result.message, conflict: result.code === 'CONFLICT', fieldErrors: result.fieldErrors, reason: input.reason, decision: input.decision };
  }
  revalidateCredit();
  redirect(`/bureau/credit?done=${result.data.status === 'approved' ? 'repaired' : 'repair-rejected'}`);
}
