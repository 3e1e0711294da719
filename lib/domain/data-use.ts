/**
 * Data-use requests (SN 20–21, SPEC §3.11; decision 031). Pure rules: the four kinds, who decides, which groups of
 * 执业信息 a grant may show, the longest grant, and whether a grant is open on a given day. No I/O.
 */
import { addCalendarDays as addDays } from './working-days';

export const REQUEST_KINDS = ['own', 'company', 'committee', 'department'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  own: '本人申请打印完整执业信息',
  company: '企业申请查询本企业人员信息',
  committee: '业主委员会申请查询选聘企业人员信息',
  department: '相关部门凭公函申请查询',
};

export const REQUEST_STATUSES = ['awaiting_consent', 'consent_refused', 'submitted', 'approved', 'refused', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  awaiting_consent: '等待企业同意',
  consent_refused: '企业不同意',
  submitted: '等待区县住建部门审批',
  approved: '已批准',
  refused: '不予批准',
  withdrawn: '已撤回',
};

/**
 * What a grant may show, by group (SN 19 and SN 7, decision 031). Name, gender, age and the masked ID number
 * are always shown so that the viewer knows whom the page is about; the full ID number, ethnicity, native place,
 * political status, birth date and the personal mobile are never shown through a grant.
 */
export const FIELD_GROUPS = ['posts', 'employment', 'certificates', 'education', 'records'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

export const FIELD_GROUP_LABELS: Record<FieldGroup, string> = {
  posts: '现任岗位（所在企业、项目、岗位）',
  employment: '从业经历（历任企业、项目、岗位和起止日期）',
  certificates: '资格证书',
  education: '学历和专业技能',
  records: '优良信息和不良信息',
};

/** The fields that no grant ever shows (checked by the unit test against the viewing DTO's keys). */
export const NEVER_GRANTED = ['idNumber', 'idNumberEnc', 'birthDate', 'ethnicity', 'nativePlace', 'politicalStatus', 'mobile'] as const;

/** Grants are short: 30 days by default, 90 at most (decision 031). */
export const DEFAULT_GRANT_DAYS = 30;
export const MAX_GRANT_DAYS = 90;

/** The latest expiry the district may set when deciding on `today`. */
export function latestExpiry(today: string): string {
  return addDays(today, MAX_GRANT_DAYS);
}

export function defaultExpiry(today: string): string {
  return addDays(today, DEFAULT_GRANT_DAYS);
}

/** An expiry is acceptable when it is today or later and no later than the maximum. */
export function isExpiryAllowed(expiresOn: string, today: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(expiresOn) && expiresOn >= today && expiresOn <= latestExpiry(today);
}

/** A grant shows something only when approved and `today` is on or before its expiry (the expiry day included). */
export function isGrantOpen(r: { status: string; expiresOn: string | null }, today: string): boolean {
  return r.status === 'approved' && !!r.expiresOn && today <= r.expiresOn;
}

/** The first status of a new request: a committee's waits for the company's consent (SN 20.3). */
export function initialStatus(kind: RequestKind): RequestStatus {
  return kind === 'committee' ? 'awaiting_consent' : 'submitted';
}

/** The company concerned may consent or refuse only while the request waits for it. */
export function mayConsent(r: { kind: string; status: string }): boolean {
  return r.kind === 'committee' && r.status === 'awaiting_consent';
}

/** The district decides a request once it is submitted (after consent, for a committee's). */
export function mayDecide(r: { status: string }): boolean {
  return r.status === 'submitted';
}

/** The requester may withdraw before a decision. */
export function mayWithdraw(r: { status: string }): boolean {
  return r.status === 'awaiting_consent' || r.status === 'submitted';
}

/**
 * Which district bureau decides (属地, decision 031): a committee's → the district of its estate; a company's own
 * and a department's → the district where the company concerned is registered; the person's own → the district of
 * their current (else latest) estate. The city may decide any.
 */
export function decidingDistrict(
  kind: RequestKind,
  facts: { estateDistrictId?: string | null; companyDistrictId?: string | null; personDistrictId?: string | null },
): string | null {
  switch (kind) {
    case 'committee':
      return facts.estateDistrictId ?? null;
    case 'company':
    case 'department':
      return facts.companyDistrictId ?? null;
    case 'own':
      return facts.personDistrictId ?? null;
  }
}

/** The field groups a decision names, deduplicated in the canonical order; unknown names are dropped. */
export function normaliseGroups(groups: readonly string[]): FieldGroup[] {
  return FIELD_GROUPS.filter((g) => groups.includes(g));
}

/** Age in whole years on `today` from a birth date (the grant shows the age, never the birth date). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Names typed one per line (or separated by commas): trimmed, unique, at most `max`. */
export function parseNameList(text: string, max = 200): string[] {
  const names = text
    .split(/[\n,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)].slice(0, max);
}
