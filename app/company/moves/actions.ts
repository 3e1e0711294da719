'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import type { ActionResult } from '@/lib/actions/result';
import { formObject } from '@/lib/actions/form-data';
import { getActor } from '@/lib/auth/actor';
import {
  answerTransfer,
  requestExit,
  requestPostChange,
  requestReEntry,
  requestTransfer,
  submitTransferUpdate,
  withdrawMove,
} from '@/lib/services/practitioner-moves';

/** What a plain move form shows after a failed submit: the message, field errors and what was typed. */
export interface MoveFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, unknown>;
}

/** Nothing a signed-out request sends is parsed (CONVENTIONS: who is asking, then parse). */
const SIGNED_OUT: MoveFormState = { message: '登录已失效，请重新登录。' };

function failed(result: Extract<ActionResult<unknown>, { ok: false }>, values: Record<string, unknown>): MoveFormState {
  return { message: result.message, fieldErrors: result.fieldErrors, values };
}

function done(path: string): never {
  revalidatePath('/company/moves');
  revalidatePath('/company/staff');
  revalidatePath('/bureau/staff');
  redirect(path);
}

export async function requestTransferAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd);
  const r = await requestTransfer(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves/${r.data.submissionId}?filed=transfer`);
}

export async function requestReEntryAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd, { booleans: ['informed'], lists: ['update.certificates'] });
  const r = await requestReEntry(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves/${r.data.submissionId}?filed=re_entry`);
}

export async function requestPostChangeAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd);
  const r = await requestPostChange(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves/${r.data.submissionId}?filed=post_change`);
}

export async function requestExitAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd);
  const r = await requestExit(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves/${r.data.submissionId}?filed=exit`);
}

export async function answerTransferAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd);
  const r = await answerTransfer(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves?answered=${r.data.consent}`);
}

export async function submitTransferUpdateAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd, { booleans: ['informed'], lists: ['update.certificates'] });
  const r = await submitTransferUpdate(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done(`/company/moves/${r.data.submissionId}?filed=update`);
}

export async function withdrawMoveAction(_prev: MoveFormState, fd: FormData): Promise<MoveFormState> {
  const actor = await getActor();
  if (!actor) return SIGNED_OUT;
  const values = formObject(fd);
  const r = await withdrawMove(getDb(), actor, values);
  if (!r.ok) return failed(r, values);
  done('/company/moves?withdrawn=1');
}
