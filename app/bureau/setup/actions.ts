'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { importEstates, importRegions, type ImportInput } from '@/lib/services/city-setup';
import type { ImportState } from './_components/import-panel';

/** The form's fields: the file (preview or confirm), or at confirmation the rows the preview read. */
async function inputOf(formData: FormData): Promise<ImportInput> {
  const file = formData.get('file');
  const rowsJson = formData.get('rowsJson');
  return {
    file: file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null,
    rowsJson: typeof rowsJson === 'string' ? rowsJson : null,
    confirm: formData.get('confirm') === '1',
  };
}

export async function importRegionsAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const r = await importRegions(getDb(), await getActor(), await inputOf(formData));
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors };
  if (r.data.confirmed) revalidatePath('/bureau/setup');
  return {
    report: {
      confirmed: r.data.confirmed,
      counts: { total: r.data.total, refused: r.data.refused, inserted: r.data.inserted, updated: r.data.updated, unchanged: r.data.unchanged },
      rows: r.data.rows.map((x) => ({ row: x.row, label: `${x.code} ${x.name}`, outcome: x.outcome, errors: x.errors })),
      rowsJson: r.data.confirmed || r.data.refused ? '' : JSON.stringify(r.data.input),
    },
  };
}

export async function importEstatesAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const r = await importEstates(getDb(), await getActor(), await inputOf(formData));
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors };
  if (r.data.confirmed) revalidatePath('/bureau/setup');
  return {
    report: {
      confirmed: r.data.confirmed,
      counts: { total: r.data.total, refused: r.data.refused, inserted: r.data.inserted, updated: r.data.updated, unchanged: r.data.unchanged },
      rows: r.data.rows.map((x) => ({ row: x.row, label: `${x.name}（${x.district}）`, outcome: x.outcome, errors: x.errors })),
      rowsJson: r.data.confirmed || r.data.refused ? '' : JSON.stringify(r.data.input),
    },
  };
}
