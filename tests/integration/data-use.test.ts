/**
 * Data-use requests (SN 20–21, issue 17 item 1): a committee's request with the company's consent, a department's
 * by letter, a company's own; the district's decision with its review step; viewing a grant one person at a time
 * until it expires, each view audited in the read's transaction; and the abuse cases (anonymous, wrong role, out of
 * scope, forged consent, ids outside the grant, expiry) answering nothing and changing nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { getDataRequestInScope, listFullViewsOfPerson, listGrantsCoveringPerson, listOwnDataRequests, listConsentRequests, listDataRequestsInScope } from '@/db/queries/data-use';
import type { Actor } from '@/lib/auth/policy';
import { NEVER_GRANTED } from '@/lib/domain/data-use';
import { answerDataConsent, decideDataRequest, fileDataRequest, LETTER_REQUIRED, NOT_STAFF, viewGrantedPerson } from '@/lib/services/data-use';
import { findDocumentByCode } from '@/db/queries/verify';
import { verifyView } from '@/lib/domain/verify';
import { decryptIdNumber, keysFromBase64 } from '@/lib/security/id-crypto';
import { ownRecordsByToken } from '@/lib/services/record-objections';
import { fileOwnFullRecordRequest, issueOwnFullRecord, OWN_NOT_OPEN_MESSAGE, OWN_OPEN_MESSAGE } from '@/lib/services/data-use';
import { openAttachment } from '@/lib/services/attachments';
import { actorFor } from './helpers/actors';
import { verifiedBySms } from './helpers/otp';
import { DRIVERS, openSeededDb, rowsOf, type TestDb } from './helpers/db';

const TODAY = '2026-11-20';
/** 30 days on: the grant's last day, and the day after. */
const EXPIRES = '2026-12-20';
const AFTER = '2026-12-21';
const NOW = new Date('2026-11-20T02:00:00.000Z');
const pdf = () => ({ bytes: new TextEncoder().encode('%PDF-1.4\n% x\n%%EOF'), filename: '公函.pdf' });

describe.each(DRIVERS)('data-use requests and grants (%s)', (driver) => {
  let t: TestDb;
  let db: Db;
  let committee: Actor, otherCommittee: Actor, company: Actor, company2: Actor, department: Actor, chuanshan: Actor, shehong: Actor, city: Actor, street: Actor;
  let companyUscc: string;
  let company2Uscc: string;
  let staff: { id: string; name: string }[];
  let stranger: string;

  const q = async <T,>(s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));
  const footprint = async () => ({
    requests: await q(sql`select id, status, version, consent_at, decided_at, granted_practitioner_ids::text as g from data_requests order by id`),
    attachments: (await q<{ n: number }>(sql`select count(*)::int as n from attachments`))[0]!.n,
  });
  const auditCount = async (action: string, objectId?: string) =>
    (await q<{ n: number }>(sql`select count(*)::int as n from audit_events where action = ${action} and (${objectId ?? null}::text is null or object_id = ${objectId ?? null})`))[0]!.n;
  const committeeForm = (over: Record<string, unknown> = {}) => ({
    companyUscc,
    subjects: 'all_current',
    names: '',
    useMatter: '选聘物业服务企业',
    purpose: '业主大会选聘物业服务企业，了解候选企业项目团队的执业情况',
    scopeText: '仅供业主委员会委员在选聘评审中使用',
    protectionPromised: 'on',
    ...over,
  });
  const fileCommittee = async (over: Record<string, unknown> = {}, who: Actor = committee) => {
    const r = await fileDataRequest(db, who, { data: committeeForm(over) }, { now: NOW });
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return r.data.id;
  };
  const version = async (id: string) => (await q<{ version: number }>(sql`select version from data_requests where id = ${id}`))[0]!.version;
  const consent = async (id: string, who: Actor | null = company, answer = 'consent', reason = '') =>
    answerDataConsent(db, who, { requestId: id, version: await version(id), answer, reason }, { now: NOW });
  const decide = async (id: string, over: Record<string, unknown> = {}, who: Actor | null = chuanshan) =>
    decideDataRequest(
      db,
      who,
      { requestId: id, version: await version(id), outcome: 'approve', practitionerIds: staff.slice(0, 2).map((p) => p.id), fields: ['posts', 'records'], expiresOn: EXPIRES, reason: '', step: 'confirm', ...over },
      { today: TODAY, now: NOW },
    );
  const approved = async () => {
    const id = await fileCommittee();
    expect((await consent(id)).ok).toBe(true);
    const r = await decide(id);
    if (!r.ok) throw new Error(`${r.code} ${r.message} ${JSON.stringify(r.fieldErrors)}`);
    return id;
  };

  beforeAll(async () => {
    t = await openSeededDb(driver);
    db = t.handle.db;
    [committee, company, company2, department, chuanshan, shehong, city, street] = await Promise.all(
      ['committee', 'company', 'company2', 'department', 'chuanshan', 'shehong', 'city', 'street'].map((u) => actorFor(db, u)),
    );
    [{ uscc: companyUscc }] = await q<{ uscc: string }>(sql`select uscc from companies where id = ${company.companyId}`) as [{ uscc: string }];
    [{ uscc: company2Uscc }] = await q<{ uscc: string }>(sql`select uscc from companies where id = ${company2.companyId}`) as [{ uscc: string }];
    staff = await q<{ id: string; name: string }>(sql`select p.id, p.name from employments e join practitioners p on p.id = e.practitioner_id
      where e.company_id = ${company.companyId} and e.status = 'current' and p.status = 'active' order by p.id limit 3`);
    [{ id: stranger }] = await q<{ id: string }>(sql`select p.id from employments e join practitioners p on p.id = e.practitioner_id
      where e.company_id = ${company2.companyId} and e.status = 'current' order by p.id limit 1`) as [{ id: string }];
    // A second owners' committee, of another estate: it must see nothing of the first one's requests.
    const [{ id: project }] = await q<{ id: string }>(sql`select id from projects where id <> ${committee.projectId} order by id limit 1`) as [{ id: string }];
    const [{ id: org }] = await q<{ id: string }>(sql`insert into organisations (kind, name, project_id) values ('owners_committee', '另一小区业主委员会', ${project}) returning id`) as [{ id: string }];
    await db.execute(sql`insert into users (username, display_name, password_hash, role, organisation_id) values ('committee-other', '另一业委会', 'x', 'committee', ${org})`);
    otherCommittee = await actorFor(db, 'committee-other');
  });
  afterAll(() => t.cleanup());

  it('committee → the company consents → 船山区 approves for 30 days → the committee sees exactly the granted people, each view audited', async () => {
    const id = await fileCommittee();
    const filed = await getDataRequestInScope(db, committee, id, 'requester');
    expect(filed).toMatchObject({ status: 'awaiting_consent', districtId: '510903', companyId: company.companyId, requesterName: committee.organisationName });
    // Not decidable before consent.
    expect(await decide(id)).toMatchObject({ ok: false, code: 'CONFLICT' });
    // The company sees it among the requests it must answer; consents.
    expect((await listConsentRequests(db, company)).rows.map((r) => r.id)).toContain(id);
    expect(await consent(id)).toMatchObject({ ok: true, data: { status: 'submitted' } });
    expect(await auditCount('data_request.consented', id)).toBe(1);
    // The district's review step writes nothing and says what will be visible, to whom, until when.
    const before = await footprint();
    const review = await decide(id, { step: 'review' });
    expect(review).toMatchObject({ ok: true, data: { decided: false, preview: { outcome: 'approve', expiresOn: EXPIRES, fields: ['posts', 'records'], requesterName: committee.organisationName } } });
    expect(review.ok && review.data.preview.people.map((p) => p.id).sort()).toEqual(staff.slice(0, 2).map((p) => p.id).sort());
    expect(await footprint()).toEqual(before);
    expect(await decide(id)).toMatchObject({ ok: true, data: { status: 'approved', decided: true } });
    expect(await auditCount('data_request.approved', id)).toBe(1);
    // In the queue of 船山区 and the city, not of 射洪市.
    expect((await listDataRequestsInScope(db, chuanshan, { status: 'approved', kind: 'all', page: 1 })).rows.map((r) => r.id)).toContain(id);
    expect((await listDataRequestsInScope(db, shehong, { status: 'all', kind: 'all', page: 1 })).rows.map((r) => r.id)).not.toContain(id);

    const person = staff[0]!;
    const views = await auditCount('data_grant.viewed', person.id);
    const seen = await viewGrantedPerson(db, committee, { requestId: id, practitionerId: person.id }, { today: TODAY });
    expect(seen.ok && seen.data.state).toBe('open');
    if (!seen.ok || seen.data.state !== 'open') throw new Error('not open');
    expect(seen.data.person).toMatchObject({ id: person.id, name: person.name });
    // Only the granted groups; never the private fields.
    expect(Object.keys(seen.data.person).sort()).toEqual(['age', 'gender', 'id', 'idNumberMasked', 'name', 'posts', 'records']);
    for (const k of NEVER_GRANTED) expect(seen.data.person).not.toHaveProperty(k);
    expect(seen.data.person.idNumberMasked).toMatch(/\*{4,}/);
    expect(await auditCount('data_grant.viewed', person.id)).toBe(views + 1);
    const [row] = await q<{ actor_id: string; after: { requestId: string; purpose: string } }>(sql`select actor_id, after from audit_events where action = 'data_grant.viewed' and object_id = ${person.id} order by seq desc limit 1`);
    expect(row).toMatchObject({ actor_id: committee.userId, after: { requestId: id } });

    // The last day still shows; the day after shows nothing and writes no view.
    expect((await viewGrantedPerson(db, committee, { requestId: id, practitionerId: person.id }, { today: EXPIRES })).ok).toBe(true);
    const atExpiry = await auditCount('data_grant.viewed', person.id);
    const late = await viewGrantedPerson(db, committee, { requestId: id, practitionerId: person.id }, { today: AFTER });
    expect(late).toMatchObject({ ok: true, data: { state: 'expired', expiresOn: EXPIRES } });
    expect(late.ok && 'person' in late.data).toBe(false);
    expect(await auditCount('data_grant.viewed', person.id)).toBe(atExpiry);

    // The person's right of access: the grant and the view are listed.
    expect((await listGrantsCoveringPerson(db, person.id)).map((g) => g.id)).toContain(id);
    const fullViews = await listFullViewsOfPerson(db, person.id);
    expect(fullViews.filter((v) => v.action === 'data_grant.viewed').length).toBe(atExpiry);
    expect(fullViews[0]).toMatchObject({ who: committee.organisationName, why: committee && expect.stringContaining('选聘') });
  });

  it('each step reaches the inbox of whoever acts next: the company to consent, the district to decide, the committee the outcome', async () => {
    const items = async (id: string) =>
      q<{ audience: string; audience_id: string; kind: string; link: string }>(
        sql`select audience, audience_id, kind, link from inbox_items where dedupe_key like ${`data_request:${id}:%`} order by created_at, kind`,
      );
    const id = await fileCommittee();
    expect(await items(id)).toEqual([{ audience: 'company', audience_id: company.companyId, kind: 'consent_request', link: `/company/data-requests/${id}` }]);
    expect((await consent(id)).ok).toBe(true);
    expect((await items(id)).map((i) => [i.audience, i.audience_id, i.kind])).toEqual(
      expect.arrayContaining([
        ['district', '510903', 'data_request'],
        ['user', committee.userId, 'data_request_answered'],
      ]),
    );
    // The review step writes nothing; the decision tells the committee's account.
    expect((await decide(id, { step: 'review' })).ok).toBe(true);
    expect(await items(id)).toHaveLength(3);
    expect((await decide(id)).ok).toBe(true);
    expect(await items(id)).toContainEqual({ audience: 'user', audience_id: committee.userId, kind: 'data_request_decided', link: `/committee/requests/${id}` });
    // Nothing reached another company.
    const [{ n }] = (await q<{ n: number }>(sql`select count(*)::int as n from inbox_items where dedupe_key like ${`data_request:${id}:%`} and audience = 'company' and audience_id <> ${company.companyId}`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('a person outside the grant (an id changed in the URL) is a 404, audited as out of scope, and reads nothing', async () => {
    const id = await approved();
    const views = await auditCount('data_grant.viewed');
    for (const other of [staff[2]!.id, stranger]) {
      const oos = await auditCount('access.out_of_scope', other);
      expect(await viewGrantedPerson(db, committee, { requestId: id, practitionerId: other }, { today: TODAY })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await auditCount('access.out_of_scope', other)).toBe(oos + 1);
    }
    expect(await auditCount('data_grant.viewed')).toBe(views);
  });

  it('anonymous, wrong role and out of scope (another committee, another company, another district) get nothing and change nothing', async () => {
    const id = await approved();
    const person = staff[0]!.id;
    const before = await footprint();
    const views = await auditCount('data_grant.viewed');
    expect(await viewGrantedPerson(db, null, { requestId: id, practitionerId: person }, { today: TODAY })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await viewGrantedPerson(db, street, { requestId: id, practitionerId: person }, { today: TODAY })).toMatchObject({ code: 'FORBIDDEN' });
    for (const who of [otherCommittee, company, company2, department]) {
      expect(await viewGrantedPerson(db, who, { requestId: id, practitionerId: person }, { today: TODAY })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await getDataRequestInScope(db, who, id, 'requester')).toBeNull();
    }
    expect((await listOwnDataRequests(db, otherCommittee)).rows).toEqual([]);
    expect(await auditCount('data_grant.viewed')).toBe(views);
    // Filing: anonymous and the wrong roles.
    expect(await fileDataRequest(db, null, { data: committeeForm() })).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const who of [street, chuanshan, city]) expect(await fileDataRequest(db, who, { data: committeeForm() })).toMatchObject({ code: 'FORBIDDEN' });
    // Deciding: 射洪市 has it out of scope; the company and the committee may not decide.
    const open = await fileCommittee();
    expect((await consent(open)).ok).toBe(true);
    const mid = await footprint();
    expect(await decide(open, {}, shehong)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await decide(open, {}, committee)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await decide(open, {}, company)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await decide(open, {}, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await footprint()).toEqual(mid);
    // Only `open` was added: the refused filings wrote nothing.
    expect(mid.requests.length).toBe(before.requests.length + 1);
  });

  it('consent: only the company concerned gives it; the committee cannot forge it; a refusal carries its reason', async () => {
    const id = await fileCommittee();
    const before = await footprint();
    expect(await consent(id, company2)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await consent(id, committee)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await consent(id, department)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await consent(id, chuanshan)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await consent(id, null)).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Filing with consent fields set changes nothing: the request still waits for the company.
    const forged = await fileCommittee({ status: 'submitted', consentAt: NOW.toISOString(), consentBy: committee.userId });
    expect((await getDataRequestInScope(db, committee, forged, 'requester'))?.status).toBe('awaiting_consent');
    expect((await footprint()).requests.find((r) => (r as { id: string }).id === id)).toEqual(before.requests.find((r) => (r as { id: string }).id === id));
    // A refusal needs a reason, and the committee reads it.
    expect(await consent(id, company, 'refuse', '')).toMatchObject({ code: 'INVALID', fieldErrors: { reason: [expect.any(String)] } });
    expect(await consent(id, company, 'refuse', '本企业未参加该小区的选聘')).toMatchObject({ ok: true, data: { status: 'consent_refused' } });
    expect(await getDataRequestInScope(db, committee, id, 'requester')).toMatchObject({ status: 'consent_refused', consentRefusal: '本企业未参加该小区的选聘' });
    expect(await decide(id)).toMatchObject({ code: 'CONFLICT' });
    // Answered once: a second answer is refused.
    expect(await consent(id, company)).toMatchObject({ code: 'CONFLICT' });
  });

  it('a department asks by official letter; the district approves; the department views; the letter is required', async () => {
    const form = {
      companyUscc: company2Uscc,
      letterRef: '遂市监函〔2026〕12 号',
      subjects: 'all_current',
      names: '',
      useMatter: '行政执法调查',
      purpose: '核查某小区消防安全管理人员的从业资格',
      scopeText: '仅限本案调查人员使用',
      protectionPromised: 'on',
    };
    expect(await fileDataRequest(db, department, { data: form })).toMatchObject({ code: 'INVALID', fieldErrors: { letter: [LETTER_REQUIRED] } });
    expect(await fileDataRequest(db, department, { data: { ...form, protectionPromised: '' }, letter: [pdf()] })).toMatchObject({ code: 'INVALID', fieldErrors: { protectionPromised: [expect.any(String)] } });
    const r = await fileDataRequest(db, department, { data: form, letter: [pdf()] }, { now: NOW });
    expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const id = r.ok ? r.data.id : '';
    const [letter] = await q<{ id: string; owner_type: string; kind: string }>(sql`select a.id, a.owner_type, a.kind from data_requests d join attachments a on a.id = d.letter_attachment_id where d.id = ${id}`);
    expect(letter).toMatchObject({ owner_type: 'data_request', kind: 'letter' });
    // The letter: the department that sent it and the deciding bureau; nobody else.
    for (const who of [department, chuanshan, city]) expect((await openAttachment(db, who, letter!.id)).ok).toBe(true);
    for (const who of [committee, company2, shehong]) expect(await openAttachment(db, who, letter!.id)).toMatchObject({ code: 'NOT_FOUND' });
    const people = await q<{ id: string }>(sql`select practitioner_id as id from employments where company_id = ${company2.companyId} and status = 'current' order by practitioner_id limit 1`);
    // Company2 is registered in 船山区: 船山区 decides.
    expect(await decide(id, { practitionerIds: people.map((p) => p.id) }, shehong)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await decide(id, { practitionerIds: people.map((p) => p.id), fields: ['certificates'] })).toMatchObject({ ok: true, data: { status: 'approved' } });
    const seen = await viewGrantedPerson(db, department, { requestId: id, practitionerId: people[0]!.id }, { today: TODAY });
    expect(seen.ok && seen.data.state === 'open' && Object.keys(seen.data.person).sort()).toEqual(['age', 'certificates', 'gender', 'id', 'idNumberMasked', 'name']);
    expect(await viewGrantedPerson(db, committee, { requestId: id, practitionerId: people[0]!.id }, { today: TODAY })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the decision: a refusal shows its reason; the expiry is bounded; only current staff of the company; the lock', async () => {
    const r = await fileDataRequest(db, company, { data: { subjects: 'listed', names: `${staff[0]!.name}\n${staff[1]!.name}`, useMatter: '参加投标', purpose: '参加某小区物业服务项目投标，需提供项目团队执业情况', scopeText: '投标文件', protectionPromised: 'on' } }, { now: NOW });
    expect(r).toMatchObject({ ok: true, data: { status: 'submitted' } });
    const id = r.ok ? r.data.id : '';
    expect(await decide(id, { expiresOn: '2027-02-19' })).toMatchObject({ code: 'INVALID', fieldErrors: { expiresOn: [expect.any(String)] } });
    expect(await decide(id, { expiresOn: '2026-11-19' })).toMatchObject({ code: 'INVALID' });
    expect((await decide(id, { expiresOn: '2027-02-18', step: 'review' })).ok).toBe(true);
    expect(await decide(id, { practitionerIds: [stranger] })).toMatchObject({ code: 'INVALID', fieldErrors: { practitionerIds: [NOT_STAFF] } });
    expect(await decide(id, { outcome: 'refuse', reason: '' })).toMatchObject({ code: 'INVALID', fieldErrors: { reason: [expect.any(String)] } });
    const stale = (await version(id)) - 1 || 99;
    expect(await decideDataRequest(db, chuanshan, { requestId: id, version: stale + 100, outcome: 'refuse', reason: '用途不明确', step: 'confirm' }, { today: TODAY })).toMatchObject({ code: 'CONFLICT' });
    expect(await decide(id, { outcome: 'refuse', reason: '用途与投标无关，请补充项目名称后重新申请' })).toMatchObject({ ok: true, data: { status: 'refused' } });
    expect(await getDataRequestInScope(db, company, id, 'requester')).toMatchObject({ status: 'refused', refusalReason: '用途与投标无关，请补充项目名称后重新申请', requestedNames: [staff[0]!.name, staff[1]!.name] });
    expect(await viewGrantedPerson(db, company, { requestId: id, practitionerId: staff[0]!.id }, { today: TODAY })).toMatchObject({ code: 'NOT_FOUND' });
    // Decided once.
    expect(await decide(id)).toMatchObject({ code: 'CONFLICT' });
  });

  it('kind 1: the person (proven by SMS) asks, the district approves, the person prints a document that /verify confirms and flags once the record changes; the right of access lists grants and views', async () => {
    const keys = keysFromBase64(process.env.ID_ENCRYPTION_KEY!, process.env.ID_HASH_KEY!);
    const person = staff[0]!;
    const [row] = await q<{ enc: string; mobile: string; name: string }>(sql`select id_number_enc as enc, mobile, name from practitioners where id = ${person.id}`);
    const at = new Date('2026-11-20T03:00:00.000Z');
    const proof = await verifiedBySms(db, { name: row!.name.trim(), idNumber: decryptIdNumber(row!.enc, keys), mobile: row!.mobile.trim() }, { keys, at, ip: '10.9.9.9' });
    const opts = { keys, at, ip: '10.9.9.9' };
    // A forged proof files nothing.
    const before = await footprint();
    expect(await fileOwnFullRecordRequest(db, null, { token: `${stranger}.${proof.token.split('.').slice(1).join('.')}`, purpose: '求职应聘' }, opts)).toMatchObject({ ok: false, code: 'INVALID' });
    expect(await footprint()).toEqual(before);
    const filed = await fileOwnFullRecordRequest(db, null, { token: proof.token, purpose: '求职应聘' }, opts);
    expect(filed.ok).toBe(true);
    const id = filed.ok ? filed.data.id : '';
    expect(await fileOwnFullRecordRequest(db, null, { token: proof.token, purpose: '求职应聘' }, opts)).toMatchObject({ code: 'CONFLICT', message: OWN_OPEN_MESSAGE });
    // Not printable before approval.
    expect(await issueOwnFullRecord(db, null, { token: proof.token, requestId: id }, { ...opts, today: TODAY })).toMatchObject({ code: 'CONFLICT', message: OWN_NOT_OPEN_MESSAGE });
    // The district of the person's estate decides (here the city, which may decide any); the grant covers the person only.
    const [{ district_id: district }] = (await q<{ district_id: string }>(sql`select district_id from data_requests where id = ${id}`)) as [{ district_id: string }];
    const [{ district_id: estateDistrict }] = (await q<{ district_id: string }>(sql`select p.district_id from employments e join projects p on p.id = e.project_id
      where e.practitioner_id = ${person.id} and e.status = 'current'`)) as [{ district_id: string }];
    expect(district).toBe(estateDistrict);
    expect(await decide(id, { practitionerIds: [staff[1]!.id] }, city)).toMatchObject({ code: 'INVALID' });
    expect(await decide(id, { practitionerIds: [person.id], fields: ['posts', 'employment', 'certificates', 'records'] }, city)).toMatchObject({ ok: true, data: { status: 'approved' } });
    // Another person's proof cannot print it.
    expect(await issueOwnFullRecord(db, null, { token: proof.token.replace(person.id, stranger), requestId: id }, { ...opts, today: TODAY })).toMatchObject({ ok: false });
    const printed = await issueOwnFullRecord(db, null, { token: proof.token, requestId: id }, { ...opts, today: TODAY });
    expect(printed.ok).toBe(true);
    const code = printed.ok ? printed.data.code : '';
    // Printing again gives the same document.
    expect(await issueOwnFullRecord(db, null, { token: proof.token, requestId: id }, { ...opts, today: TODAY })).toMatchObject({ ok: true, data: { code } });
    const doc = await findDocumentByCode(db, code);
    expect(doc).toMatchObject({ kind: 'full_record', fullRecordChanged: false });
    const summary = JSON.stringify(doc!.summary);
    const idNumber = decryptIdNumber(row!.enc, keys);
    expect(summary).not.toContain(idNumber);
    expect(summary).not.toContain(row!.mobile.trim());
    for (const k of ['ethnicity', 'nativePlace', 'politicalStatus', 'birthDate', 'education', 'idNumberMasked']) expect(doc!.summary).not.toHaveProperty(k);
    const view = verifyView(doc!, TODAY);
    expect(view.status).toBe('valid');
    expect(view.rows.map(([k]) => k)).toContain('当事人');
    expect(view.rows.find(([k]) => k === '当事人')![1]).not.toBe(row!.name.trim());
    // The record changes (a certificate added): the paper is no longer current.
    await db.execute(sql`insert into certificates (practitioner_id, name, number, issuer) values (${person.id}, '物业管理师', 'WY-2026-001', '四川省物业管理协会')`);
    const changed = await findDocumentByCode(db, code);
    expect(changed?.fullRecordChanged).toBe(true);
    expect(verifyView(changed!, TODAY).status).toBe('record-changed');
    // Past the grant's expiry: no printing.
    expect(await issueOwnFullRecord(db, null, { token: proof.token, requestId: id }, { ...opts, today: AFTER })).toMatchObject({ code: 'CONFLICT' });

    // The right of access, through the same look-up: the print request, the committee's grants and their views.
    const lookup = await ownRecordsByToken(db, proof.token, { keys, nowMs: at.getTime() });
    expect(lookup.ok).toBe(true);
    if (!lookup.ok) return;
    expect(lookup.data.dataUse.requests.map((r) => r.id)).toContain(id);
    expect(lookup.data.dataUse.grants.some((g) => g.requesterName === committee.organisationName)).toBe(true);
    expect(lookup.data.dataUse.views.some((v) => v.who === committee.organisationName && v.what === '按授权查看执业信息' && v.why)).toBe(true);
  });
});
