import 'server-only';
/**
 * Data-use requests (SN 20–21, SPEC §3.11; decision 031).
 *
 * Filing (signed in): a company about its own staff (tender, hiring); an owners' committee about a candidate
 * company's staff, which that company must consent to on the platform; a department by official letter (an
 * upload) stating use, purpose and scope. Every requester promises to protect the information (SN 20.4, 21).
 * The deciding district is the 属地 of lib/domain/data-use `decidingDistrict`; the city may decide any.
 *
 * Deciding: the district approves with the people (current staff of the company concerned), the field groups and
 * an expiry (at most MAX_GRANT_DAYS), or refuses with a reason the requester reads. Optimistic lock on the request.
 *
 * Viewing: one granted person at a time, only while today ≤ expiry; the read and its `data_grant.viewed` audit row
 * (object = the practitioner, with who asked and why) are one transaction. Nothing here exports or lists records
 * in bulk. Out of scope behaves as missing and is audited (`access.out_of_scope`).
 */
import type { Db } from '@/db';
import {
  currentStaffAmong,
  dataRequestExists,
  findFiledCompanyByUscc,
  getCompanyBasics,
  getDataRequestInScope,
  getEstateOfCommittee,
  getOrganisationName,
  insertDataRequest,
  insertLetter,
  practitionerExistsForGrant,
  readGrantedPerson,
  setConsent,
  setDecision,
  type DataRequestRow,
  type GrantedPerson,
  type RequestView,
  type StaffChoice,
} from '@/db/queries/data-use';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import {
  decidingDistrict,
  FIELD_GROUP_LABELS,
  initialStatus,
  isExpiryAllowed,
  isGrantOpen,
  latestExpiry,
  mayConsent,
  mayDecide,
  normaliseGroups,
  parseNameList,
  type FieldGroup,
  type RequestKind,
} from '@/lib/domain/data-use';
import { committeeRequestSchema, companyRequestSchema, consentSchema, decisionSchema, departmentRequestSchema, grantViewSchema } from '@/lib/validation/data-use';
import { inTransaction, LostRace } from './errors';
import { cleanEvidence, type EvidenceInput, type EvidenceUpload } from './objections';
import { admitImages } from './upload-limits';

export const LOST_RACE = '该申请已被他人处理，请刷新后查看最新状态';
export const ALREADY_DONE = '该申请已办结';
export const LETTER_REQUIRED = '请上传加盖公章的正式公函（1 个 PDF 或图片文件）';
export const COMPANY_NOT_FOUND = '未找到该统一社会信用代码对应的已备案物业服务企业，请核对';
export const NOT_STAFF = '所选人员中有人目前不是该企业在职人员，请刷新后重新选择';

export interface DataRequestInput {
  data: unknown;
  /** A department's official letter (exactly one file). */
  letter?: EvidenceInput;
}

function bureauName(actor: Actor): string {
  return actor.organisationName ?? (actor.role === 'city' ? '遂宁市住房和城乡建设局' : `${actor.districtName ?? ''}住房和城乡建设局`);
}

const readUploads = async (files: EvidenceInput | undefined): Promise<EvidenceUpload[]> =>
  !files ? [] : Array.isArray(files) ? files : await files.read();

/** SN 20.2–20.4: a company, a committee or a department files a request. */
export async function fileDataRequest(db: Db, actor: Actor | null, input: DataRequestInput, opts: { now?: Date } = {}): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'datarequest.file')) return fail('FORBIDDEN');
  const kind = actor.role as Extract<RequestKind, 'company' | 'committee' | 'department'>;
  const at = opts.now ?? clockNow();

  let company: { id: string; name: string; districtId: string | null } | null;
  let requesterName: string;
  let projectId: string | null = null;
  let districtId: string | null;
  let letterRef: string | null = null;
  let common: { subjects: 'all_current' | 'listed'; names: string; useMatter: string; purpose: string; scopeText: string };

  if (kind === 'committee') {
    const parsed = committeeRequestSchema.safeParse(input?.data);
    if (!parsed.success) return invalid(parsed.error);
    if (!actor.projectId || !actor.organisationId) return fail('FORBIDDEN');
    const estate = await getEstateOfCommittee(db, actor.projectId);
    if (!estate) return fail('FORBIDDEN');
    company = await findFiledCompanyByUscc(db, parsed.data.companyUscc);
    if (!company) return fieldError('companyUscc', COMPANY_NOT_FOUND);
    requesterName = (await getOrganisationName(db, actor.organisationId)) ?? actor.organisationName ?? '业主委员会';
    projectId = estate.id;
    districtId = decidingDistrict('committee', { estateDistrictId: estate.districtId });
    common = parsed.data;
  } else if (kind === 'company') {
    const parsed = companyRequestSchema.safeParse(input?.data);
    if (!parsed.success) return invalid(parsed.error);
    company = actor.companyId ? await getCompanyBasics(db, actor.companyId) : null;
    if (!company) return fail('FORBIDDEN');
    requesterName = company.name;
    districtId = decidingDistrict('company', { companyDistrictId: company.districtId });
    common = parsed.data;
  } else {
    const parsed = departmentRequestSchema.safeParse(input?.data);
    if (!parsed.success) return invalid(parsed.error);
    if (!actor.organisationId) return fail('FORBIDDEN');
    if (!input.letter || (!Array.isArray(input.letter) && input.letter.count === 0)) return fieldError('letter', LETTER_REQUIRED);
    if (!Array.isArray(input.letter) && input.letter.count > 1) return fieldError('letter', '公函只需上传 1 个文件');
    company = await findFiledCompanyByUscc(db, parsed.data.companyUscc);
    if (!company) return fieldError('companyUscc', COMPANY_NOT_FOUND);
    requesterName = (await getOrganisationName(db, actor.organisationId)) ?? actor.organisationName ?? '政府部门';
    districtId = decidingDistrict('department', { companyDistrictId: company.districtId });
    letterRef = parsed.data.letterRef;
    common = parsed.data;
  }
  if (!districtId) return fail('CONFLICT', '无法确定负责审批的区县住建部门，请联系市住建局');

  let letter: Awaited<ReturnType<typeof cleanEvidence>> | null = null;
  if (kind === 'department') {
    const uploads = (await readUploads(input.letter)).filter((u) => u.bytes.byteLength > 0);
    if (uploads.length !== 1) return fieldError('letter', uploads.length === 0 ? LETTER_REQUIRED : '公函只需上传 1 个文件');
    const admitted = await admitImages(db, actor, { letter: uploads }, { at });
    if (!admitted.ok) return admitted;
    letter = await cleanEvidence(uploads);
    if (!letter.ok) return { ...letter, fieldErrors: { letter: letter.fieldErrors?.evidence ?? [letter.message] } };
  }

  const names = common.subjects === 'listed' ? parseNameList(common.names) : [];
  const status = initialStatus(kind);
  return inTransaction(db, async (tx) => {
    const id = await insertDataRequest(tx, {
      kind,
      status,
      requesterUserId: actor.userId,
      requesterOrgId: kind === 'company' ? null : actor.organisationId,
      requesterCompanyId: kind === 'company' ? actor.companyId : null,
      requesterName,
      projectId,
      companyId: company!.id,
      districtId: districtId!,
      subjects: common.subjects,
      requestedNames: names,
      useMatter: common.useMatter,
      purpose: common.purpose,
      scopeText: common.scopeText,
      letterRef,
      protectionPromised: true,
      createdAt: at,
      updatedAt: at,
    });
    let letterId: string | null = null;
    if (letter?.ok) {
      const f = letter.data[0]!;
      letterId = await insertLetter(tx, id, { ...f, filename: `公函.${f.extension}` }, actor.userId);
    }
    await audit(tx, actor, {
      action: 'data_request.filed',
      objectType: 'data_request',
      objectId: id,
      after: { kind, status, companyId: company!.id, districtId, subjects: common.subjects, names: names.length, purpose: common.purpose, letterId },
    });
    return ok({ id, status });
  });
}

/** The request in the actor's scope for `view`, or null; an existing request out of scope is audited. */
export async function dataRequestInScope(db: Db, actor: Actor, id: string, view: RequestView): Promise<DataRequestRow | null> {
  const r = await getDataRequestInScope(db, actor, id, view);
  if (r) return r;
  if (await dataRequestExists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'data_request', objectId: id });
  return null;
}

/** SN 20.3: the company concerned consents to a committee's request, or refuses with a reason. */
export async function answerDataConsent(db: Db, actor: Actor | null, input: unknown, opts: { now?: Date } = {}): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'datarequest.consent')) return fail('FORBIDDEN');
  const parsed = consentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const r = await dataRequestInScope(db, actor, d.requestId, 'consent');
  if (!r) return fail('NOT_FOUND');
  if (!mayConsent(r)) return fail('CONFLICT', ALREADY_DONE);
  if (r.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const at = opts.now ?? clockNow();
  const consent = d.answer === 'consent';
  return inTransaction(db, async (tx) => {
    const row = await setConsent(tx, { id: r.id, expectedVersion: d.version, consent, reason: consent ? null : d.reason, by: actor.userId, at });
    if (!row) throw new LostRace(LOST_RACE);
    await audit(tx, actor, {
      action: consent ? 'data_request.consented' : 'data_request.consent_refused',
      objectType: 'data_request',
      objectId: r.id,
      before: { status: r.status },
      after: { status: row.status, reason: consent ? null : d.reason },
    });
    return ok({ id: r.id, status: row.status });
  });
}

export interface DecisionPreview {
  outcome: 'approve' | 'refuse';
  requesterName: string;
  people: StaffChoice[];
  fields: FieldGroup[];
  fieldLabels: string[];
  expiresOn: string | null;
  reason: string | null;
}

/**
 * The district decides. Step 'review' checks everything and answers what exactly will be visible, to whom, until
 * when (nothing is written); step 'confirm' decides.
 */
export async function decideDataRequest(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; status: string; decided: boolean; preview: DecisionPreview }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'datarequest.decide')) return fail('FORBIDDEN');
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const r = await dataRequestInScope(db, actor, d.requestId, 'bureau');
  if (!r || !can(actor, 'datarequest.decide', { districtId: r.districtId })) return fail('NOT_FOUND');
  if (!mayDecide(r)) return fail('CONFLICT', r.status === 'awaiting_consent' ? '企业尚未同意，暂不能审批' : ALREADY_DONE);
  if (r.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const on = opts.today ?? clockToday();
  const approve = d.outcome === 'approve';
  let people: StaffChoice[] = [];
  const fields = approve ? normaliseGroups(d.fields) : [];
  if (approve) {
    if (!isExpiryAllowed(d.expiresOn, on)) return fieldError('expiresOn', `授权截止日期须在今天（${on}）至 ${latestExpiry(on)} 之间`);
    const ids = [...new Set(d.practitionerIds)];
    people = r.companyId ? await currentStaffAmong(db, r.companyId, ids) : [];
    if (people.length !== ids.length) return fieldError('practitionerIds', NOT_STAFF);
  }
  const preview: DecisionPreview = {
    outcome: d.outcome,
    requesterName: r.requesterName,
    people,
    fields,
    fieldLabels: fields.map((g) => FIELD_GROUP_LABELS[g]),
    expiresOn: approve ? d.expiresOn : null,
    reason: approve ? null : d.reason,
  };
  if (d.step === 'review') return ok({ id: r.id, status: r.status, decided: false, preview });
  const at = opts.now ?? clockNow();
  return inTransaction(db, async (tx) => {
    const row = await setDecision(tx, {
      id: r.id,
      expectedVersion: d.version,
      approve,
      practitionerIds: people.map((p) => p.id),
      fields,
      expiresOn: approve ? d.expiresOn : null,
      reason: approve ? null : d.reason,
      by: actor.userId,
      byName: bureauName(actor),
      at,
    });
    if (!row) throw new LostRace(LOST_RACE);
    await audit(tx, actor, {
      action: approve ? 'data_request.approved' : 'data_request.refused',
      objectType: 'data_request',
      objectId: r.id,
      before: { status: r.status },
      after: approve ? { status: row.status, people: people.length, fields, expiresOn: d.expiresOn } : { status: row.status, reason: d.reason },
    });
    return ok({ id: r.id, status: row.status, decided: true, preview });
  });
}

export type GrantView =
  | { state: 'open'; request: DataRequestRow; person: GrantedPerson }
  | { state: 'expired'; request: DataRequestRow; expiresOn: string | null };

/**
 * The requester views one granted person. The request must be the requester's, the person in the grant and the
 * grant open today; the read and its audit row are one transaction. Past expiry: nothing is read.
 */
export async function viewGrantedPerson(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<GrantView>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'datarequest.file')) return fail('FORBIDDEN');
  const parsed = grantViewSchema.safeParse(input);
  if (!parsed.success) return fail('NOT_FOUND');
  const { requestId, practitionerId } = parsed.data;
  const r = await dataRequestInScope(db, actor, requestId, 'requester');
  if (!r) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  if (!isGrantOpen(r, on)) return r.status === 'approved' ? ok({ state: 'expired', request: r, expiresOn: r.expiresOn }) : fail('NOT_FOUND');
  if (!r.grantedPractitionerIds.includes(practitionerId)) {
    if (await practitionerExistsForGrant(db, practitionerId)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId, after: { requestId } });
    }
    return fail('NOT_FOUND');
  }
  return inTransaction(db, async (tx) => {
    const person = await readGrantedPerson(tx, practitionerId, r.grantedFields, on);
    if (!person) return fail('NOT_FOUND');
    await audit(tx, actor, {
      action: 'data_grant.viewed',
      objectType: 'practitioner',
      objectId: practitionerId,
      after: { requestId, requester: r.requesterName, purpose: r.purpose, fields: r.grantedFields, expiresOn: r.expiresOn },
    });
    return ok({ state: 'open', request: r, person });
  });
}

/** A company's page of one request: its own request, or a committee's about its staff (consent); else audited null. */
export async function companyRequestInScope(db: Db, actor: Actor, id: string): Promise<{ view: 'requester' | 'consent'; r: DataRequestRow } | null> {
  const own = await getDataRequestInScope(db, actor, id, 'requester');
  if (own) return { view: 'requester', r: own };
  const asked = await getDataRequestInScope(db, actor, id, 'consent');
  if (asked) return { view: 'consent', r: asked };
  if (await dataRequestExists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType: 'data_request', objectId: id });
  return null;
}
