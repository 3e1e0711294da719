'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { createEstate, decideEstateProposal, editEstate, proposeEstate } from '@/lib/services/estates';

export interface EstateFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  done?: string;
}

const FIELDS = ['name', 'address', 'districtId', 'streetId', 'communityId', 'type', 'households', 'floorArea'] as const;
function valuesOf(formData: FormData, extra: readonly string[] = []) {
  const v: Record<string, string> = Object.create(null);
  for (const k of [...FIELDS, ...extra]) {
    const x = formData.get(k);
    v[k] = typeof x === 'string' ? x : '';
  }
  v.hasOwnersCommittee = formData.get('hasOwnersCommittee') === 'on' ? 'true' : 'false';
  return v;
}

function answer(r: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }, values: Record<string, string>, done: string): EstateFormState {
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  revalidatePath('/bureau/estates');
  return { done };
}

export async function createEstateAction(_prev: EstateFormState, formData: FormData): Promise<EstateFormState> {
  const values = valuesOf(formData);
  return answer(await createEstate(getDb(), await getActor(), values), values, `已登记项目“${values.name}”。`);
}

export async function proposeEstateAction(_prev: EstateFormState, formData: FormData): Promise<EstateFormState> {
  const values = valuesOf(formData);
  return answer(await proposeEstate(getDb(), await getActor(), values), values, `已申报项目“${values.name}”，等待市住建部门确认。`);
}

export async function editEstateAction(_prev: EstateFormState, formData: FormData): Promise<EstateFormState> {
  const values = valuesOf(formData, ['id', 'version']);
  const r = await editEstate(getDb(), await getActor(), values);
  if (r.ok) revalidatePath(`/bureau/estates/${values.id}`);
  return answer(r, values, '已保存。');
}

export async function decideProposalAction(_prev: EstateFormState, formData: FormData): Promise<EstateFormState> {
  const values = Object.fromEntries(['id', 'version', 'decision', 'reason'].map((k) => [k, String(formData.get(k) ?? '')]));
  const r = await decideEstateProposal(getDb(), await getActor(), values);
  return answer(r, values, values.decision === 'confirm' ? '已确认，项目已登记。' : '已退回区县。');
}
