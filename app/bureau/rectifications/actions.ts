'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { SupervisionState } from '@/components/supervision/forms';
import { getDb } from '@/db';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { decideRectificationOrder, escalateRectificationOrder, issueRectificationOrder, recordRectificationInterview } from '@/lib/services/supervision';

const texts = (fd: FormData, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, textOf(fd, k)])) as Record<string, string>;
const refresh = () => {
  revalidatePath('/bureau/rectifications');
  revalidatePath('/company/rectifications');
  revalidatePath('/bureau/roster-checks');
};

/** A plain form: the district (the city) orders a company to rectify (SN 24). */
export async function issueRectificationOrderAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = { ...texts(fd, ['companyId', 'ground', 'facts', 'dueOn', 'verificationId']), projectIds: fd.getAll('projectIds').filter((v): v is string => typeof v === 'string') };
  const result = await issueRectificationOrder(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  refresh();
  redirect(`/bureau/rectifications/${result.data.id}?done=issued`);
}

/** Acceptance (after its confirmation page) or return with the reason. */
export async function decideRectificationOrderAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = texts(fd, ['orderId', 'version', 'outcome', 'reason']);
  const result = await decideRectificationOrder(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  refresh();
  redirect(`/bureau/rectifications/${result.data.id}?done=${result.data.status}`);
}

/** 通报批评 of an overdue order (after its confirmation page). */
export async function escalateRectificationOrderAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = texts(fd, ['orderId', 'version']);
  const result = await escalateRectificationOrder(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  refresh();
  revalidatePath('/companies', 'layout');
  redirect(`/bureau/rectifications/${result.data.id}?done=criticised`);
}

/** The 约谈 record. */
export async function recordRectificationInterviewAction(_prev: SupervisionState, fd: FormData): Promise<SupervisionState> {
  const data = texts(fd, ['orderId', 'version', 'heldOn', 'place', 'attendees', 'summary']);
  const result = await recordRectificationInterview(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  refresh();
  redirect(`/bureau/rectifications/${result.data.id}?done=interview`);
}
