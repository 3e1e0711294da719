import 'server-only';
/**
 * Real-name entry of a practitioner by the employing company (SPEC §3.3; SN 4–8). The person, the certificates,
 * the cleaned photo, a pending employment and the district's review submission are written in one transaction.
 * The ID number is stored only encrypted, hashed and masked. A person has at most one open employment: an ID
 * that is current or pending elsewhere is refused with the path to take (transfer, or wait for the review).
 */
import type { Db } from '@/db';
import { hasGreenChannel } from '@/db/queries/company-filing';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  findPractitionerStanding,
  getProjectForEntry,
  insertCertificates,
  insertEntrySubmission,
  insertPendingEmployment,
  insertPhoto,
  insertPractitioner,
  setPractitionerPhoto,
} from '@/db/queries/practitioner-entry';
import { getPractitionerState, replaceCertificates, updatePractitionerLocked } from '@/db/queries/practitioner-review';
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
import { practitionerEntrySchema, type PractitionerEntryInput } from '@/lib/validation/practitioner';
import { inTransaction, isUniqueViolation, Rollback } from './errors';
import { admitImages, type ImportImagePass } from './upload-limits';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

export interface EntryResult {
  practitionerId: string;
  submissionId: string;
  deadline: string;
  late: boolean;
  workingDaysOverdue: number;
}

export interface EntryInput {
  data: unknown;
  photo?: { bytes: Uint8Array } | null;
}

/** An entry's estate (one the company serves now) and its dates (none in the future), for a first entry and a correction alike. */
export async function entryProject(db: Db, actor: Actor, d: PractitionerEntryInput, on: string) {
  const project = await getProjectForEntry(db, d.projectId);
  if (!project || project.currentCompanyId !== actor.companyId) return fieldError('projectId', '只能为本企业在管的项目登记人员');
  if (d.labourContractOn > on) return fieldError('labourContractOn', '劳动合同签订日期不能晚于今天');
  if (d.hiredOn > on) return fieldError('hiredOn', '入职时间不能晚于今天');
  return ok(project);
}

/** The person's columns an entry writes (gender and birth date read from the ID number). */
export function personColumns(d: PractitionerEntryInput, id: { gender: string; birthDate: string }) {
  return {
    name: d.name,
    gender: id.gender,
    birthDate: id.birthDate,
    ethnicity: d.ethnicity,
    nativePlace: d.nativePlace,
    politicalStatus: d.politicalStatus,
    mobile: d.mobile,
    school: d.school,
    major: d.major,
    education: d.education,
    skills: d.skills,
    hiredOn: d.hiredOn,
    labourContractOn: d.labourContractOn,
  };
}

export async function submitEntry(
  db: Db,
  actor: Actor | null,
  input: EntryInput,
  opts: {
    today?: string;
    now?: Date;
    keys?: IdKeys;
    allowMissingPhoto?: boolean;
    /** The roster import's admission of its pictures, instead of the per-account limit on single entries. */
    imagePass?: ImportImagePass;
  } = {},
): Promise<ActionResult<EntryResult>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = practitionerEntrySchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const on = opts.today ?? clockToday();

  const checked = await entryProject(db, actor, d, on);
  if (!checked.ok) return checked;
  const project = checked.data;

  // The roster import may enter a row without a photo: the company adds it later, and review waits for it.
  const photoMissing = !input.photo || input.photo.bytes.byteLength === 0;
  if (photoMissing && !opts.allowMissingPhoto) return fieldError('photo', '请上传证件照');
  const admitted = await admitImages(db, actor, { photo: input.photo }, { at: opts.now, pass: opts.imagePass });
  if (!admitted.ok) return admitted;
  let photo: Awaited<ReturnType<typeof cleanPhoto>> | null = null;
  try {
    if (!photoMissing) photo = await cleanPhoto(input.photo!.bytes);
  } catch (e) {
    if (e instanceof UploadError) return fieldError('photo', e.message);
    throw e;
  }

  const keys = opts.keys ?? idKeysFrom(env());
  const hash = hashIdNumber(d.idNumber, keys);
  const standing = await findPractitionerStanding(db, hash);
  if (standing) {
    const mine = standing.open.find((o) => o.companyId === actor.companyId);
    const elsewhere = standing.open.find((o) => o.companyId !== actor.companyId);
    if (mine) return fieldError('idNumber', mine.status === 'current' ? '该人员已在本企业在职登记' : '该人员已在本企业提交登记，正在审核', 'CONFLICT');
    if (elsewhere?.status === 'current') {
      return fieldError('idNumber', `该人员目前在${elsewhere.companyName}在职登记。如已到本企业工作，请办理跨企业流动（须原企业同意或区县住建部门核实）`, 'CONFLICT');
    }
    if (elsewhere) return fieldError('idNumber', '该人员已有其他企业提交的登记正在审核，请待审核结束后再办理', 'CONFLICT');
    if (standing.status === 'archived') return fieldError('idNumber', '该人员已退出行业并归档，请办理重新执业（恢复档案），无需重新录入', 'CONFLICT');
    // A person whose every entry was rejected is entered again on the same row (the history is kept).
    if (standing.status !== 'pending') return fieldError('idNumber', '该身份证号码已在平台登记', 'CONFLICT');
  }
  const reuseId = standing?.id ?? null;

  const policy = await getCurrentPolicy(db);
  await ensureHolidayCalendar(db);
  const timing = entryTiming(d.labourContractOn, on, policy.settings);
  const id = parseIdNumber(d.idNumber);
  if (!id.ok) return fieldError('idNumber', id.error);
  const priority = (await hasGreenChannel(db, actor.companyId, on)) ? 1 : 0;

  try {
    return await inTransaction(db, async (tx) => {
      const fields = personColumns(d, id);
      let practitionerId: string | null;
      if (reuseId) {
        // Optimistic lock on the person's version: of concurrent re-entries exactly one takes the row.
        const state = await getPractitionerState(tx, reuseId);
        practitionerId = state?.status === 'pending' ? await updatePractitionerLocked(tx, reuseId, state.version, fields) : null;
      } else {
        practitionerId = await insertPractitioner(tx, { ...protectIdNumber(d.idNumber, keys), ...fields });
      }
      if (!practitionerId) throw new Rollback(fieldError('idNumber', '该身份证号码刚刚已由他人登记，请刷新后查看', 'CONFLICT'));
      if (reuseId) await replaceCertificates(tx, practitionerId, d.certificates);
      else await insertCertificates(tx, practitionerId, d.certificates);
      if (photo) {
        const photoId = await insertPhoto(tx, { practitionerId, kind: 'photo', content: photo.photo.content, sha256: photo.photo.sha256, uploadedBy: actor.userId });
        await insertPhoto(tx, { practitionerId, kind: 'thumb', content: photo.thumb.content, sha256: photo.thumb.sha256, uploadedBy: actor.userId });
        await setPractitionerPhoto(tx, practitionerId, photoId);
      }
      const employmentId = await insertPendingEmployment(tx, {
        practitionerId,
        companyId: actor.companyId!,
        projectId: project.id,
        post: d.post,
        startDate: d.hiredOn,
      });
      const payload = { employmentId, post: d.post, labourContractOn: d.labourContractOn, enteredOn: on, ...timing, ...(photo ? {} : { photoMissing: true }) };
      const submissionId = await insertEntrySubmission(tx, {
        companyId: actor.companyId!,
        districtId: project.districtId,
        projectId: project.id,
        practitionerId,
        payload,
        dueOn: timing.deadline,
        policyVersion: policyRef(policy.version),
        priority,
        submittedBy: actor.userId,
      });
      // The audit row names the person by the masked number only.
      await audit(tx, actor, {
        action: 'practitioner.entered',
        objectType: 'practitioner',
        objectId: practitionerId,
        after: { name: d.name, idNumber: protectIdNumber(d.idNumber, keys).idNumberMasked, projectId: project.id, post: d.post, submissionId, reentered: !!reuseId, ...timing },
      });
      return ok({ practitionerId, submissionId, deadline: timing.deadline, late: timing.late, workingDaysOverdue: timing.workingDaysOverdue });
    });
  } catch (e) {
    // Two entries of one ID at the same moment: the unique index on the hash decides, the loser is told.
    if (isUniqueViolation(e)) return fieldError('idNumber', '该身份证号码刚刚已由他人登记，请刷新后查看', 'CONFLICT');
    throw e;
  }
}

