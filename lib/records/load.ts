import 'server-only';
/**
 * The record pages of the signed-in areas (detail and printable notice): one record in the actor's scope, or
 * 404 — and an attempt on a record outside the scope is written to the audit log (SPEC §1).
 */
import { notFound } from 'next/navigation';
import { ownRecordObjectionUrl } from '@/lib/domain/records';
import QRCode from 'qrcode';
import { getDb } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { getRecordInScope, listPersonRecords, listRecords, loadStaffPicker, recordExists } from '@/db/queries/practitioner-records';
import { recordsUnderObjection } from '@/db/queries/record-flags';
import { recordOutOfScope } from '@/lib/auth/actor';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { isUuid } from '@/lib/validation/ids';
import { parseStaffSearch } from '@/lib/validation/records';

export async function loadRecordPage(actor: Actor, id: string, opts: { decide?: boolean } = {}) {
  if (!isUuid(id)) notFound();
  const db = getDb();
  const { settings } = await getCurrentPolicy(db);
  const limits = { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays };
  const record = await getRecordInScope(db, actor, id, limits, opts);
  if (!record) {
    if (await recordExists(db, id)) await recordOutOfScope(actor, 'practitioner_record', id);
    notFound();
  }
  const objectionOpen = (await recordsUnderObjection(db, 'practitioner_record', [id])).has(id);
  return { record, objectionOpen };
}

/** The printable notice of an entered bad record: 404 for anything that has none. */
export async function loadRecordNotice(actor: Actor, id: string) {
  const { record } = await loadRecordPage(actor, id);
  if (record.kind !== 'bad' || !record.noticeCode) notFound();
  const siteUrl = env().siteUrl;
  // The QR opens the objection form for this very record (the person still proves who they are there).
  const qrSvg = await QRCode.toString(ownRecordObjectionUrl(siteUrl, record.noticeCode), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { record, siteUrl, qrSvg };
}

/** A company's filing page (good record, report): its person search, the picker for it and the policy settings. */
export async function loadFilingPicker(actor: Actor, sp: Record<string, string | string[] | undefined>) {
  const db = getDb();
  const { search, pid } = parseStaffSearch(sp);
  const [picker, { settings }] = await Promise.all([loadStaffPicker(db, actor, search, pid), getCurrentPolicy(db)]);
  return { search, picker, settings };
}

/** The reporting desk of a filer organisation: its person search and the reports it filed. */
export async function loadReportDesk(actor: Actor, sp: Record<string, string | string[] | undefined>) {
  const db = getDb();
  const { search, pid } = parseStaffSearch(sp);
  const { settings } = await getCurrentPolicy(db);
  const limits = { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays };
  const [picker, { rows, total }] = await Promise.all([
    loadStaffPicker(db, actor, search, pid),
    listRecords(db, actor, { kind: 'all', status: 'all', type: null, lateOnly: false, q: '', page: 1 }, limits),
  ]);
  const underObjection = await recordsUnderObjection(db, 'practitioner_record', rows.map((r) => r.id));
  const filed = typeof sp.filed === 'string' ? Number(sp.late) || 0 : null;
  return { search, picker, rows, total, underObjection, settings, filedLateDays: filed };
}

/** A person's records as the actor may see them, with the objection flags (internal person pages). */
export async function loadPersonRecords(actor: Actor, practitionerId: string) {
  const db = getDb();
  const { settings } = await getCurrentPolicy(db);
  const rows = await listPersonRecords(db, actor, practitionerId, { good: settings.goodRecordFilingDays, bad: settings.badConductReportDays });
  const underObjection = await recordsUnderObjection(db, 'practitioner_record', rows.map((r) => r.id));
  return { rows, underObjection };
}
