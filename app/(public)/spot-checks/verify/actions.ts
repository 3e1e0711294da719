'use server';

import { headers } from 'next/headers';
import { getDb } from '@/db';
import { isFormData, NOT_A_FORM_MESSAGE } from '@/lib/actions/form-data';
import { textOf } from '@/lib/actions/form-files';
import { getActor } from '@/lib/auth/actor';
import { clientIp } from '@/lib/auth/client-ip';
import { rerunPastedDraw } from '@/lib/services/spot-checks';

export interface PasteState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: { seed: string; inputs: string };
  /** The draw: each item's rank, name, district, weight and inspectors. */
  rows?: { rank: number; id: string; name: string; districtName: string | null; weight: number; inspectors: string[] }[];
  populationSize?: number;
}

/** Anyone: the draw of a pasted seed and inputs (bounded, throttled per client address). */
export async function rerunPastedAction(_prev: PasteState, fd: FormData): Promise<PasteState> {
  if (!isFormData(fd)) return { message: NOT_A_FORM_MESSAGE };
  const raw = { seed: textOf(fd, 'seed'), inputs: textOf(fd, 'inputs') };
  // Echo back only what fits the form's bounds (a huge paste is not sent back to the page).
  const values = { seed: raw.seed.slice(0, 200), inputs: raw.inputs.length <= 400_000 ? raw.inputs : '' };
  const result = await rerunPastedDraw(getDb(), await getActor(), raw, { ip: clientIp(await headers()) });
  if (!result.ok) return { message: result.message, fieldErrors: result.fieldErrors, values };
  const { inputs, result: r } = result.data;
  const c = new Map(inputs.candidates.map((x) => [x.id, x]));
  const p = new Map(inputs.inspectors.map((x) => [x.id, x]));
  return {
    values,
    populationSize: inputs.candidates.length,
    rows: r.items.map((it) => ({
      rank: it.rank,
      id: it.candidateId,
      name: c.get(it.candidateId)?.name ?? it.candidateId,
      districtName: c.get(it.candidateId)?.districtName ?? null,
      weight: c.get(it.candidateId)?.weight ?? 0,
      inspectors: it.inspectorIds.map((id) => p.get(id)?.name ?? id),
    })),
  };
}
