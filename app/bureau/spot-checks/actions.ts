'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { drawSpotCheck, enterSpotCheckResult, publishSpotCheck, type DrawPreview } from '@/lib/services/spot-checks';

export interface DrawState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** The check-your-answers step: what the draw will be made from. */
  preview?: DrawPreview;
}

const DRAW_FIELDS = ['title', 'quarter', 'population', 'districtId', 'sampleSize', 'perItem', 'avoidOwnDistrict', 'publicSeed', 'confirm'] as const;

/** Step 1 (check your answers) and step 2 (the draw, final) of the city's 双随机 draw. */
export async function drawSpotCheckAction(_prev: DrawState, fd: FormData): Promise<DrawState> {
  if (!isFormData(fd)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(DRAW_FIELDS.map((k) => [k, textOf(fd, k)]));
  // 返回修改: back to the first step with what was entered (nothing is checked or written).
  if (textOf(fd, 'back') === '1') return { values: { ...data, confirm: '' } };
  const result = await drawSpotCheck(getDb(), await getActor(), data);
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  if (result.data.stage === 'confirm') return { preview: result.data, values: data };
  revalidatePath('/bureau/spot-checks');
  redirect(`/bureau/spot-checks/${result.data.id}?drawn=1`);
}

/** The city publishes a draw (one click, a plain form). */
export async function publishSpotCheckAction(fd: FormData): Promise<void> {
  if (!isFormData(fd)) redirect('/bureau/spot-checks');
  const data = { id: textOf(fd, 'id'), version: textOf(fd, 'version') };
  const result = await publishSpotCheck(getDb(), await getActor(), data);
  const id = /^[0-9a-f-]{36}$/i.test(data.id) ? data.id : '';
  if (!result.ok) redirect(id && result.code !== 'NOT_FOUND' ? `/bureau/spot-checks/${id}?error=${result.code === 'CONFLICT' ? 'published' : 'refused'}` : '/bureau/spot-checks');
  revalidatePath('/bureau/spot-checks');
  redirect(`/bureau/spot-checks/${id}?published=1`);
}

export interface ResultState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** The city or the item's district enters an inspection's result (and so the quarter's rating of an estate). */
export async function enterResultAction(_prev: ResultState, fd: FormData): Promise<ResultState> {
  if (!isFormData(fd)) return { message: NOT_A_FORM_MESSAGE };
  const data = Object.fromEntries(['itemId', 'version', 'checkedOn', 'score', 'findings'].map((k) => [k, textOf(fd, k)]));
  const inspectorIds = fd
    .getAll('inspectorIds')
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 20);
  const result = await enterSpotCheckResult(getDb(), await getActor(), { ...data, inspectorIds });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values: data };
  revalidatePath('/bureau/spot-checks');
  revalidatePath('/bureau/ratings');
  redirect(`/bureau/spot-checks/${result.data.drawId}?saved=${result.data.itemId}#item-${result.data.itemId}`);
}
