'use server';
/** Thin server actions of the quarterly ratings: read the session, call the service, revalidate. */
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { publishQuarter, recordRectificationInspection, saveQuarterRatings } from '@/lib/services/ratings';

export interface RatingsFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was sent (estate id → text), to refill the table after an error. */
  values?: Record<string, string>;
  saved?: { saved: number; removed: number; at: number };
}

const SCORE_PREFIX = 'score.';

export async function saveRatingsAction(_prev: RatingsFormState, fd: FormData): Promise<RatingsFormState> {
  const scores: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (k.startsWith(SCORE_PREFIX) && typeof v === 'string') scores[k.slice(SCORE_PREFIX.length)] = v;
  const result = await saveQuarterRatings(getDb(), await getActor(), { quarter: fd.get('quarter'), scores });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: scores };
  revalidatePath('/bureau/ratings');
  return { saved: { saved: result.data.saved, removed: result.data.removed, at: Date.now() } };
}

export interface PublishFormState {
  message?: string;
  published?: { quarter: string; rated: number; triggered: Record<string, number> };
}

/** The second confirmation of the check-your-answers page: the quarter and the fingerprint of the plan shown. */
export async function publishQuarterAction(_prev: PublishFormState, fd: FormData): Promise<PublishFormState> {
  const result = await publishQuarter(getDb(), await getActor(), { quarter: fd.get('quarter'), fingerprint: fd.get('fingerprint') ?? undefined });
  if (!result.ok) return { message: result.fieldErrors?.quarter?.[0] ?? result.fieldErrors?.fingerprint?.[0] ?? result.message };
  revalidatePath('/bureau/ratings');
  revalidatePath('/bureau/ratings/rectifications');
  return { published: result.data };
}

export interface InspectionFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  done?: string;
}

export async function inspectRectificationAction(_prev: InspectionFormState, fd: FormData): Promise<InspectionFormState> {
  const input = { entryId: fd.get('entryId'), seenStatus: fd.get('seenStatus'), result: fd.get('result') ?? undefined, note: fd.get('note') ?? '' };
  const result = await recordRectificationInspection(getDb(), await getActor(), input);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors };
  revalidatePath('/bureau/ratings/rectifications');
  return { done: result.data.result === 'passed' ? '已记录：整改合格，项目已移出黑榜。' : `已记录：转为市场禁入，至 ${result.data.bannedUntil}。` };
}
