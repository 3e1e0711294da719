/**
 * Who may do what, on which scope (SPEC §1). Pure: no I/O, so every rule is unit-tested.
 *
 * Queries carry the same scope in their WHERE clause (db/queries/scope.ts); `can` is the second check
 * that actions make on the object they loaded.
 */
export const ROLES = ['city', 'district', 'company', 'association', 'committee', 'department', 'street'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  city: '市住建主管部门',
  district: '区县住建主管部门',
  company: '物业服务企业',
  association: '行业协会',
  committee: '业主委员会',
  department: '政府部门',
  street: '街道办事处 / 社区',
};

/** Each role's own area: where it lands after sign-in. */
export const ROLE_HOME: Record<Role, string> = {
  city: '/bureau',
  district: '/bureau',
  company: '/company',
  association: '/association',
  committee: '/committee',
  department: '/department',
  street: '/street',
};

export interface Actor {
  userId: string;
  sessionId: string;
  username: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  /** Scope of a district reviewer. */
  districtId: string | null;
  districtName: string | null;
  /** Scope of a company operator. */
  companyId: string | null;
  companyName: string | null;
  /** Scope of an owners' committee. */
  projectId: string | null;
  /** The region of the actor's organisation: the street or community of a `street` user. */
  regionId: string | null;
  projectName: string | null;
  /** A first-time or reset password must be changed before anything else is allowed. */
  mustChangePassword: boolean;
  ip: string | null;
}

/** The scope-relevant facts of an object. */
export interface Scoped {
  districtId?: string | null;
  companyId?: string | null;
  projectId?: string | null;
  /** For objects owned by an organisation (association awards, department requests). */
  organisationId?: string | null;
  /** Street and community of an estate: the scope of a `street` user. */
  streetId?: string | null;
  communityId?: string | null;
}

const PERMISSIONS = {
  'area.bureau': ['city', 'district'],
  'area.company': ['company'],
  'area.association': ['association'],
  'area.committee': ['committee'],
  'area.department': ['department'],
  'area.street': ['street'],
  /** Read companies, projects and staff with internal fields. */
  'registry.read': ['city', 'district', 'company'],
  'company.file': ['company'],
  'company.filing.decide': ['city'],
  'project.contract.file': ['company'],
  'project.contract.confirm': ['city', 'district'],
  'practitioner.enter': ['company'],
  /** SPEC §3.11: the company prints its own staff's badges (工牌). */
  'practitioner.badge.issue': ['company'],
  'practitioner.idnumber.view': ['city', 'district', 'company'],
  'submission.decide': ['city', 'district'],
  /** SN 14: the district (or the city directly) enters a bad record, or turns a report into one. */
  'record.bad.enter': ['city', 'district'],
  /** SN 14: companies, departments, street offices and communities report bad conduct; the association reports its public censures (SN 13.4). */
  'record.bad.report': ['company', 'department', 'street', 'association'],
  'record.good.file': ['company'],
  /** SN 10: association commendations, capped per year. */
  'record.association.file': ['association'],
  /** SN 12: the district approves good records. */
  'record.decide': ['city', 'district'],
  /** DW 8.1.3: the company reports its performance information with evidence. */
  'credit.performance.file': ['company'],
  /** DW 8.1.2: streets and communities collect warning information in daily supervision, with proposed points. */
  'credit.warning.report': ['street'],
  /** DW 8.1.4, ZJ 10: other departments submit a company's penalty, warning or commendation information with evidence. */
  'credit.department.submit': ['department'],
  /** The bureau enters performance or warning records itself, with points. */
  'credit.warning.enter': ['city', 'district'],
  /** DW 8.2: the bureau confirms the points of collected records. */
  'credit.confirm': ['city', 'district'],
  /** Credit repair: the company applies after the minimum window; the bureau decides in 3 working days. */
  'credit.repair.apply': ['company'],
  'credit.repair.decide': ['city', 'district'],
  /** A company attaches a short public statement to its own records. */
  'record.statement': ['company'],
  /** DW 9: verify an objection about a published record, correct it publicly or explain. */
  'objection.record.handle': ['city', 'district'],
  'rating.enter': ['city', 'district'],
  'rating.publish': ['city'],
  'evaluation.run': ['city'],
  'list.publish': ['city'],
  'policy.edit': ['city'],
  'spotcheck.run': ['city'],
  'audit.read': ['city'],
  'user.manage': ['city'],
  'datarequest.file': ['company', 'committee', 'department'],
  'datarequest.decide': ['city', 'district'],
  'rectification.issue': ['city', 'district'],
  'project.contract.notice': ['company'],
  'project.contract.exit': ['company'],
  'project.board.edit': ['company'],
  'project.oversee': ['city', 'district'],
  /** SPEC §3.10: the serving company answers an owner's complaint (and receives a praise); the district decides. */
  'complaint.answer': ['company'],
  'complaint.decide': ['city', 'district'],
  /** Verify an objection about a practitioner's own data and correct or explain (SN 18). */
  'objection.handle': ['city', 'district', 'company'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasRole(actor: Pick<Actor, 'role'> | null | undefined, roles: readonly Role[]): boolean {
  return !!actor && roles.includes(actor.role);
}

/** Whether `actor` is within the scope of `object` (ignoring permission). */
export function inScope(actor: Actor, object: Scoped): boolean {
  switch (actor.role) {
    case 'city':
      return true;
    case 'district':
      return !!actor.districtId && object.districtId === actor.districtId;
    case 'company':
      return !!actor.companyId && object.companyId === actor.companyId;
    case 'committee':
      return !!actor.projectId && object.projectId === actor.projectId;
    case 'association':
    case 'department':
      return !!actor.organisationId && object.organisationId === actor.organisationId;
    case 'street':
      return (
        (!!actor.organisationId && object.organisationId === actor.organisationId) ||
        (!!actor.regionId && (object.streetId === actor.regionId || object.communityId === actor.regionId))
      );
  }
}

export function can(actor: Actor | null | undefined, permission: Permission, object?: Scoped): boolean {
  if (!actor || actor.mustChangePassword) return false;
  const roles: readonly Role[] = PERMISSIONS[permission];
  if (!roles.includes(actor.role)) return false;
  return object ? inScope(actor, object) : true;
}

/**
 * Every session ends 8 hours after sign-in, and earlier when left idle: 30 minutes for the bureaus (they reach
 * every person's file and decide what the public sees), 2 hours for everyone else (a company clerk working
 * through a roster, a committee member reading the estate's file). Idle = no request to the platform.
 */
export const SESSION_MAX_SECONDS = 8 * 60 * 60;
export const BUREAU_IDLE_SECONDS = 30 * 60;
export const DEFAULT_IDLE_SECONDS = 2 * 60 * 60;

export function idleLimitSeconds(role: Role): number {
  return role === 'city' || role === 'district' ? BUREAU_IDLE_SECONDS : DEFAULT_IDLE_SECONDS;
}

/** Sign-in throttling per account and client address: 5 failures in 15 minutes lock that pair for 15 minutes. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_LOCK_MINUTES = 15;

/**
 * Per-account backoff, whatever the address: after 8 failures in a row the account is locked for 15 minutes,
 * and each further failure (once a lock has run out) doubles the lock, up to 24 hours. A success or the city's
 * unlock starts afresh. The same rule applies to account names that do not exist.
 */
export const ACCOUNT_MAX_FAILURES = 8;
export const ACCOUNT_LOCK_BASE_MINUTES = 15;
export const ACCOUNT_LOCK_MAX_MINUTES = 24 * 60;

/** Minutes an account stays locked after `failuresInARow` failures, or null when it is not locked. */
export function accountLockMinutes(failuresInARow: number): number | null {
  if (failuresInARow < ACCOUNT_MAX_FAILURES) return null;
  return Math.min(ACCOUNT_LOCK_BASE_MINUTES * 2 ** (failuresInARow - ACCOUNT_MAX_FAILURES), ACCOUNT_LOCK_MAX_MINUTES);
}

/** When the lock that `failuresInARow` failures, the last at `lastAt`, put on an account ends; null: none. */
export function accountLockedUntil(failuresInARow: number, lastAt: Date | null): Date | null {
  const minutes = accountLockMinutes(failuresInARow);
  return minutes === null || !lastAt ? null : new Date(lastAt.getTime() + minutes * 60_000);
}
