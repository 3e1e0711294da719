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
  documentCodeOf,
  fullRecordContent,
  getOwnRequest,
  insertFullRecordDocument,
  listFullViewsOfPerson,
  listGrantsCoveringPerson,
  listOwnRequestsOfPerson,
  personPlace,
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
  REQUEST_STATUS_LABELS,
  parseNameList,
  type FieldGroup,
  type RequestKind,
} from '@/lib/domain/data-use';
import { committeeRequestSchema, companyRequestSchema, consentSchema, decisionSchema, departmentRequestSchema, grantViewSchema, ownFullRecordSchema, ownPrintSchema } from '@/lib/validation/data-use';
import { newTrackingCode } from '@/lib/domain/objections';
import { env } from '@/lib/env';
import { idKeysFrom, type IdKeys } from '@/lib/security/id-crypto';
import { verifyIdentity } from '@/lib/security/identity-token';
import { admit, clientKey, LIMITS } from './anonymous-limits';
import { inTransaction, LostRace } from './errors';
import { addInboxItem } from '@/db/queries/inbox';
import { cleanEvidence, type EvidenceInput, type EvidenceUpload } from './objections';
import { admitImages } from './upload-limits';

export const TOKEN_EXPIRED_MESSAGE = '身份确认已失效（超过 30 分钟或无效），请重新填写姓名、身份证号码和手机号码。';
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
/** Where each kind of requester reads its request. */
const REQUESTER_PATH: Partial<Record<string, string>> = { committee: '/committee/requests', company: '/company/data-requests', department: '/department/requests' };

/** The deciding district's inbox item for a request ready for its decision. */
const decideItem = (id: string, districtId: string, requesterName: string, at: Date) => ({
  audience: 'district' as const,
  audienceId: districtId,
  kind: 'data_request',
  title: `${requesterName}的信息查询申请待审批`,
  link: `/bureau/data-requests/${id}`,
  dedupeKey: `data_request:${id}:decide`,
  createdAt: at,
});

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
    // Whose move it is next: the company's consent (SN 20.3) or the district's decision.
    if (status === 'awaiting_consent') {
      await addInboxItem(tx, {
        audience: 'company',
        audienceId: company!.id,
        kind: 'consent_request',
        title: `${requesterName}申请查阅本企业从业人员的执业信息，请表示是否同意`,
        link: `/company/data-requests/${id}`,
        dedupeKey: `data_request:${id}:consent`,
        createdAt: at,
      });
    } else {
      await addInboxItem(tx, decideItem(id, districtId!, requesterName, at));
    }
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
    if (consent) await addInboxItem(tx, decideItem(r.id, r.districtId, r.requesterName, at));
    if (r.requesterUserId) {
      await addInboxItem(tx, {
        audience: 'user',
        audienceId: r.requesterUserId,
        kind: 'data_request_answered',
        title: consent ? '企业已同意您的信息查询申请，等待住建部门审批' : `企业不同意您的信息查询申请：${d.reason}`,
        link: `/committee/requests/${r.id}`,
        dedupeKey: `data_request:${r.id}:consent_answer`,
        createdAt: at,
      });
    }
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
    if (r.kind === 'own') {
      // The person's own record: the grant covers the person and nobody else.
      if (ids.length !== 1 || ids[0] !== r.requesterPractitionerId) return fieldError('practitionerIds', '本人申请只能授权本人');
      people = [{ id: r.requesterPractitionerId, name: r.requesterName, post: '本人', projectName: null }];
    } else {
      people = r.companyId ? await currentStaffAmong(db, r.companyId, ids) : [];
      if (people.length !== ids.length) return fieldError('practitionerIds', NOT_STAFF);
    }
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
    const requesterPath = REQUESTER_PATH[r.kind];
    // A company's request reaches every account of the company; a committee's or department's the account that filed it.
    const to = r.kind === 'company' && r.requesterCompanyId ? { audience: 'company' as const, audienceId: r.requesterCompanyId } : r.requesterUserId ? { audience: 'user' as const, audienceId: r.requesterUserId } : null;
    if (to && requesterPath) {
      await addInboxItem(tx, {
        ...to,
        kind: 'data_request_decided',
        title: approve ? `信息查询申请已批准，可查阅至 ${d.expiresOn}` : `信息查询申请未获批准：${d.reason}`,
        link: `${requesterPath}/${r.id}`,
        dedupeKey: `data_request:${r.id}:decided`,
        createdAt: at,
      });
    }
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

// ---------------------------------------------------------------------------------------------------------
// Kind 'own' (SN 20.1) and the person's right of access, through the own-record look-up (proof of identity by SMS)

export const OWN_OPEN_MESSAGE = '您已有一件打印申请正在审批，请等待区县住建部门审批后再查看。';
export const OWN_NOT_OPEN_MESSAGE = '该申请尚未批准或授权已到期，不能打印。';
const PERSON = (ip: string | null | undefined) => ({ label: '从业人员本人（短信验证）', ip: ip ?? null });

export interface OwnDataUse {
  /** The person's own requests to print their full record. */
  requests: { id: string; status: string; statusText: string; createdAt: string; decidedByName: string | null; refusalReason: string | null; expiresOn: string | null; documentCode: string | null; printable: boolean }[];
  /** Every approved grant covering the person (other than their own). */
  grants: { kind: string; requesterName: string; purpose: string; decidedByName: string | null; expiresOn: string | null }[];
  /** Every full view of the person's data: who, when, why. */
  views: { at: string; who: string; what: string; why: string | null }[];
}

/** What the person sees of the use of their data: their own requests, the grants covering them, the full views. */
export async function ownDataUse(db: Db, practitionerId: string, today: string = clockToday()): Promise<OwnDataUse> {
  const [requests, grants, views] = await Promise.all([listOwnRequestsOfPerson(db, practitionerId), listGrantsCoveringPerson(db, practitionerId), listFullViewsOfPerson(db, practitionerId)]);
  return {
    requests: requests.map((r) => ({
      id: r.id,
      status: r.status,
      statusText: r.status === 'approved' && r.expiresOn ? (isGrantOpen(r, today) ? `已批准，可在 ${r.expiresOn} 前打印` : `已于 ${r.expiresOn} 到期`) : REQUEST_STATUS_LABELS[r.status],
      createdAt: r.createdAt.toISOString(),
      decidedByName: r.decidedByName,
      refusalReason: r.refusalReason,
      expiresOn: r.expiresOn,
      documentCode: r.documentCode,
      printable: isGrantOpen(r, today),
    })),
    grants: grants.filter((g) => g.kind !== 'own').map(({ kind, requesterName, purpose, decidedByName, expiresOn }) => ({ kind, requesterName, purpose, decidedByName, expiresOn })),
    views: views.map((v) => ({ at: v.at.toISOString(), who: v.who, what: v.action === 'data_grant.viewed' ? '按授权查看执业信息' : '查看完整身份证号', why: v.why })),
  };
}

/** SN 20.1: the person (proven by SMS) asks the district to let them print their full record. */
export async function fileOwnFullRecordRequest(
  db: Db,
  _actor: Actor | null,
  input: unknown,
  opts: { ip?: string | null; at?: Date; keys?: IdKeys } = {},
): Promise<ActionResult<{ id: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = ownFullRecordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const who = verifyIdentity(parsed.data.token, opts.keys ?? idKeysFrom(env()), at.getTime());
  if (!who) return fail('INVALID', TOKEN_EXPIRED_MESSAGE);
  const place = await personPlace(db, who);
  if (!place) return fail('INVALID', TOKEN_EXPIRED_MESSAGE);
  const districtId = decidingDistrict('own', { personDistrictId: place.districtId });
  if (!districtId) return fail('CONFLICT', '平台上没有您的从业记录，无法确定审批部门，请联系所在区县住建部门');
  if ((await listOwnRequestsOfPerson(db, who)).some((r) => r.status === 'submitted')) return fail('CONFLICT', OWN_OPEN_MESSAGE);
  return inTransaction(db, async (tx) => {
    const id = await insertDataRequest(tx, {
      kind: 'own',
      status: 'submitted',
      requesterPractitionerId: who,
      requesterName: place.name,
      companyId: place.companyId,
      districtId,
      subjects: 'listed',
      requestedNames: [place.name],
      useMatter: '本人打印完整执业信息',
      purpose: parsed.data.purpose,
      scopeText: '本人使用',
      protectionPromised: true,
      createdAt: at,
      updatedAt: at,
    });
    await audit(tx, PERSON(opts.ip), { action: 'data_request.filed', objectType: 'data_request', objectId: id, after: { kind: 'own', districtId, practitionerId: who } });
    return ok({ id });
  });
}

/**
 * The person prints their approved full record: a `documents` row of kind 'full_record' whose summary (what the
 * paper says, and a fingerprint of it) is fixed at issue; printing again while the grant is open gives the same code.
 */
export async function issueOwnFullRecord(
  db: Db,
  _actor: Actor | null,
  input: unknown,
  opts: { ip?: string | null; at?: Date; today?: string; keys?: IdKeys } = {},
): Promise<ActionResult<{ code: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = ownPrintSchema.safeParse(input);
  if (!parsed.success) return fail('NOT_FOUND');
  const who = verifyIdentity(parsed.data.token, opts.keys ?? idKeysFrom(env()), at.getTime());
  if (!who) return fail('INVALID', TOKEN_EXPIRED_MESSAGE);
  const r = await getOwnRequest(db, who, parsed.data.requestId);
  if (!r) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  if (!isGrantOpen(r, on)) return fail('CONFLICT', OWN_NOT_OPEN_MESSAGE);
  if (r.documentId) {
    const code = await documentCodeOf(db, r.documentId);
    if (code) return ok({ code });
  }
  const record = await fullRecordContent(db, who, on);
  if (!record) return fail('NOT_FOUND');
  const code = newTrackingCode();
  return inTransaction(db, async (tx) => {
    const summary = { title: '从业人员完整执业信息', issuedOn: on, approvedBy: r.decidedByName, ...record.content, fingerprint: record.fingerprint };
    const documentId = await insertFullRecordDocument(tx, { code, practitionerId: who, summary, at }, r.id);
    await audit(tx, PERSON(opts.ip), { action: 'full_record.issued', objectType: 'practitioner', objectId: who, after: { requestId: r.id, documentId, code } });
    return ok({ code });
  });
}
