import 'server-only';
/**
 * The company's side after review (SPEC §3.3): correcting an entry the district returned, and adding the
 * photo of a person who has none (bulk-imported rows may lack one; approval needs it).
 */
import type { Db } from '@/db';
import { insertPhoto, setPractitionerPhoto } from '@/db/queries/practitioner-entry';
import {
  findSubmissionEmployment,
  getPractitionerState,
  hashTakenByOther,
  practitionerExists,
  practitionerInScope,
  replaceCertificates,
  setPhotoIfMissing,
  setSubmissionPlace,
  updatePendingEmployment,
  updatePractitionerLocked,
} from '@/db/queries/practitioner-review';
import { findSubmissionInScope, resubmit, submissionExists } from '@/db/queries/submissions';
import { getCurrentPolicy } from '@/db/queries/policy';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { parseIdNumber } from '@/lib/domain/id-number';
import { policyRef } from '@/lib/domain/credit-policy';
import { entryTiming } from '@/lib/domain/practitioner';
import { env } from '@/lib/env';
import { hashIdNumber, protectIdNumber, type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import { cleanPhoto, UploadError } from '@/lib/uploads/files';
import { practitionerEntrySchema } from '@/lib/validation/practitioner';
import { practitionerRefSchema } from '@/lib/validation/practitioner-review';
import { z } from 'zod';
import { inTransaction, isUniqueViolation, LostRace } from './errors';
import { entryProject, personColumns } from './practitioner-entry';
import { admitImages } from './upload-limits';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

type Photo = { bytes: Uint8Array } | null | undefined;

async function readPhoto(photo: Photo) {
  if (!photo || photo.bytes.byteLength === 0) return { photo: null };
  try {
    return { photo: await cleanPhoto(photo.bytes) };
  } catch (e) {
    if (e instanceof UploadError) return { error: fieldError('photo', e.message) };
    throw e;
  }
}

/** The day an entry was first filed (for its lateness), in the city's time zone. */
function enteredOnOf(payload: unknown, submittedAt: Date | null, fallback: string) {
  const p = payload as { enteredOn?: unknown } | null;
  if (typeof p?.enteredOn === 'string') return p.enteredOn;
  if (!submittedAt) return fallback;
  return new Date(submittedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const resubmitMeta = z.object({ submissionId: z.uuid('无效的申请编号'), expectedVersion: z.coerce.number().int().min(1) });

/** The company corrects an entry returned for correction and sends it again (optional new photo). */
export async function resubmitEntry(
  db: Db,
  actor: Actor | null,
  input: { submissionId: unknown; expectedVersion: unknown; data: unknown; photo?: Photo },
  opts: { today?: string; now?: Date; keys?: IdKeys } = {},
): Promise<ActionResult<{ practitionerId: string; submissionId: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  const meta = resubmitMeta.safeParse(input);
  if (!meta.success) return invalid(meta.error);
  const parsed = practitionerEntrySchema.safeParse(input.data);
  if (!parsed.success) return invalid(parsed.error);
  const submission = await findSubmissionInScope(db, actor, meta.data.submissionId, ['practitioner_entry']);
  if (!submission || !submission.subjectId) {
    if (await submissionExists(db, meta.data.submissionId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'submission', objectId: meta.data.submissionId });
    return fail('NOT_FOUND');
  }
  if (submission.status !== 'returned' || submission.version !== meta.data.expectedVersion) return fail('CONFLICT', '该登记不在退回修改状态或已更新，请刷新后查看');
  const d = parsed.data;
  const on = opts.today ?? clockToday();
  const checked = await entryProject(db, actor, d, on);
  if (!checked.ok) return checked;
  const project = checked.data;
  const admitted = await admitImages(db, actor, { photo: input.photo }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const photo = await readPhoto(input.photo);
  if (photo.error) return photo.error;
  const id = parseIdNumber(d.idNumber);
  if (!id.ok) return fieldError('idNumber', id.error);
  const keys = opts.keys ?? idKeysFrom(env());
  const personId = submission.subjectId;
  if (await hashTakenByOther(db, hashIdNumber(d.idNumber, keys), personId)) {
    return fieldError('idNumber', '该身份证号码已属于平台上的另一人员，请核对；如该人员确需登记，请另行办理', 'CONFLICT');
  }
  const policy = await getCurrentPolicy(db);
  const enteredOn = enteredOnOf(submission.payload, submission.submittedAt, on);
  await ensureHolidayCalendar(db);
  const timing = entryTiming(d.labourContractOn, enteredOn, policy.settings);

  try {
    return await inTransaction(db, async (tx) => {
      const employment = await findSubmissionEmployment(tx, submission);
      const person = await getPractitionerState(tx, personId);
      if (!employment || employment.status !== 'pending' || !person) throw new LostRace('该登记已变化，请刷新后查看');
      const protectedId = protectIdNumber(d.idNumber, keys);
      const updated = await updatePractitionerLocked(
        tx,
        personId,
        person.version,
        {
          ...protectedId,
          ...personColumns(d, id),
        },
        { allowOpenEmploymentId: employment.id },
      );
      if (!updated) throw new LostRace('该人员信息已在别处被修改，请刷新后再试');
      await replaceCertificates(tx, personId, d.certificates);
      if (photo.photo) {
        const photoId = await insertPhoto(tx, { practitionerId: personId, kind: 'photo', content: photo.photo.photo.content, sha256: photo.photo.photo.sha256, uploadedBy: actor.userId });
        await insertPhoto(tx, { practitionerId: personId, kind: 'thumb', content: photo.photo.thumb.content, sha256: photo.photo.thumb.sha256, uploadedBy: actor.userId });
        await setPractitionerPhoto(tx, personId, photoId);
      }
      await updatePendingEmployment(tx, employment.id, { projectId: project.id, post: d.post, startDate: d.hiredOn });
      const payload = { employmentId: employment.id, post: d.post, labourContractOn: d.labourContractOn, enteredOn, ...timing };
      const row = await resubmit(tx, { id: submission.id, expectedVersion: meta.data.expectedVersion, payload, submittedBy: actor.userId, policyVersion: policyRef(policy.version) });
      if (!row) throw new LostRace('该登记已在别处被修改或处理，请刷新后查看');
      if (project.id !== submission.projectId) await setSubmissionPlace(tx, submission.id, { projectId: project.id, districtId: project.districtId });
      await audit(tx, actor, {
        action: 'practitioner.entry.resubmitted',
        objectType: 'submission',
        objectId: submission.id,
        before: { status: submission.status, payload: submission.payload },
        after: { status: row.status, name: d.name, idNumber: protectedId.idNumberMasked, projectId: project.id, post: d.post, newPhoto: !!photo.photo, ...timing },
      });
      return ok({ practitionerId: personId, submissionId: submission.id });
    });
  } catch (e) {
    if (isUniqueViolation(e)) return fieldError('idNumber', '该身份证号码已属于平台上的另一人员，请核对', 'CONFLICT');
    throw e;
  }
}

/** The company adds the photo of a person it employs (or has entered) who has none. */
export async function addPractitionerPhoto(
  db: Db,
  actor: Actor | null,
  input: { practitionerId: unknown; photo?: Photo },
  opts: { now?: Date } = {},
): Promise<ActionResult<{ practitionerId: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = practitionerRefSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { practitionerId } = parsed.data;
  if (!(await practitionerInScope(db, actor, practitionerId))) {
    if (await practitionerExists(db, practitionerId)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId });
    return fail('NOT_FOUND');
  }
  if (!input.photo || input.photo.bytes.byteLength === 0) return fieldError('photo', '请上传证件照');
  const admitted = await admitImages(db, actor, { photo: input.photo }, { at: opts.now });
  if (!admitted.ok) return admitted;
  const photo = await readPhoto(input.photo);
  if (photo.error) return photo.error;
  const cleaned = photo.photo!;
  return inTransaction(db, async (tx) => {
    const photoId = await insertPhoto(tx, { practitionerId, kind: 'photo', content: cleaned.photo.content, sha256: cleaned.photo.sha256, uploadedBy: actor.userId });
    await insertPhoto(tx, { practitionerId, kind: 'thumb', content: cleaned.thumb.content, sha256: cleaned.thumb.sha256, uploadedBy: actor.userId });
    if (!(await setPhotoIfMissing(tx, practitionerId, photoId))) throw new LostRace('该人员已有证件照，请刷新后查看');
    await audit(tx, actor, { action: 'practitioner.photo.added', objectType: 'practitioner', objectId: practitionerId, after: { photoId } });
    return ok({ practitionerId });
  });
}
