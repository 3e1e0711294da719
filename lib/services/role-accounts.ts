import 'server-only';
/**
 * Accounts of every role (SPEC §1: the city manages users; issue 18 item 1). The city opens an account with its
 * scope — a district reviewer for a district, a street office for a street or community, an owners' committee for
 * an estate, a department or the association by the organisation's name, another city administrator — each with a
 * temporary password shown once that must be changed at first sign-in. It deactivates (every session ends at
 * once), reactivates, resets a password (a new temporary one, sessions end) and changes the scope; every step
 * is one transaction with its audit row. Nobody deactivates themself, nor the last active city administrator.
 */
import type { Db, Tx } from '@/db';
import { usernameTaken } from '@/db/queries/accounts';
import {
  findCityBureau,
  findEstateForCommittee,
  findManagedUser,
  findOrCreateOrganisation,
  findRegionById,
  insertStaffUser,
  lockActiveCityAdmins,
  setTemporaryPassword,
  setUserDisabled,
  setUserScope,
} from '@/db/queries/role-accounts';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/passwords';
import { can, ROLE_LABELS, type Actor, type Role } from '@/lib/auth/policy';
import { temporaryPassword } from '@/lib/auth/temp-password';
import { accountIdSchema, accountScopeSchema, roleAccountSchema, type StaffRole } from '@/lib/validation/role-accounts';
import { inTransaction, Rollback } from './errors';

export const DEFAULT_CITY_BUREAU = '遂宁市住房和城乡建设局';

interface Scope {
  districtId: string | null;
  organisationId: string | null;
  /** The scope in words, for the city's confirmation. */
  label: string;
}

/** The organisation's name of a street office, town government or community committee. */
export function streetOrganisationName(level: 'street' | 'community', name: string): string {
  if (level === 'community') return name.endsWith('社区') ? `${name}居民委员会` : `${name}村民委员会`;
  return name.endsWith('街道') ? `${name}办事处` : `${name}人民政府`;
}

/**
 * Resolves the scope fields of a role into the user's districtId and organisation (created when absent, with an
 * audit row). A refusal is thrown as a Rollback with the field's message.
 */
async function resolveScope(tx: Tx, actor: Actor, role: Role, v: { districtId: string; regionId: string; projectId: string; organisationName: string }): Promise<Scope> {
  const refuse = (field: string, message: string) => new Rollback(fieldError(field, message));
  let org: { kind: Parameters<typeof findOrCreateOrganisation>[1]['kind']; name: string; regionId: string | null; projectId?: string | null };
  let districtId: string | null = null;
  let label: string;
  switch (role) {
    case 'district': {
      const region = /^\d{6}$/.test(v.districtId) ? await findRegionById(tx, v.districtId) : null;
      if (region?.level !== 'district') throw refuse('districtId', '该区县未在平台登记，请先导入区划');
      districtId = region.id;
      org = { kind: 'district_bureau', name: `${region.name}住房和城乡建设局`, regionId: region.id };
      label = region.name;
      break;
    }
    case 'street': {
      const region = /^\d{9}(\d{3})?$/.test(v.regionId) ? await findRegionById(tx, v.regionId) : null;
      if (region?.level !== 'street' && region?.level !== 'community') throw refuse('regionId', '该街道乡镇或社区未在平台登记，请先导入区划');
      const street = region.level === 'street' ? region : await findRegionById(tx, region.parentId ?? '');
      districtId = street?.parentId ?? null;
      org = { kind: region.level === 'street' ? 'street_office' : 'community', name: streetOrganisationName(region.level, region.name), regionId: region.id };
      label = region.level === 'street' ? region.name : `${street?.name ?? ''}${region.name}`;
      break;
    }
    case 'committee': {
      const estate = await findEstateForCommittee(tx, v.projectId);
      if (!estate) throw refuse('projectId', '未找到该项目，请先导入项目');
      org = { kind: 'owners_committee', name: `${estate.name}业主委员会`, regionId: estate.communityId ?? estate.streetId ?? estate.districtId, projectId: estate.id };
      label = estate.name;
      break;
    }
    case 'department':
    case 'association':
      org = { kind: role, name: v.organisationName, regionId: null };
      label = v.organisationName;
      break;
    case 'city': {
      const bureau = v.organisationName ? null : await findCityBureau(tx);
      if (bureau) return { districtId: null, organisationId: bureau.id, label: bureau.name };
      org = { kind: 'city_bureau', name: v.organisationName || DEFAULT_CITY_BUREAU, regionId: null };
      label = org.name;
      break;
    }
    default:
      throw refuse('role', '企业操作员请用“为物业服务企业开设操作员账号”表单开设');
  }
  const found = await findOrCreateOrganisation(tx, org);
  if (found.created) {
    await audit(tx, actor, { action: 'organisation.created', objectType: 'organisation', objectId: found.id, after: { kind: org.kind, name: org.name, regionId: org.regionId, projectId: org.projectId ?? null } });
  }
  return { districtId, organisationId: found.id, label: role === 'committee' ? found.name : label };
}

export interface CreatedRoleAccount {
  userId: string;
  username: string;
  role: StaffRole;
  scope: string;
  /** Shown once to the city, which hands it over; it must be changed at first sign-in. */
  temporaryPassword: string;
}

export async function createRoleAccount(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<CreatedRoleAccount>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = roleAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  if (await usernameTaken(db, d.username)) return fieldError('username', '该账号已被使用，请换一个');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const scope = await resolveScope(tx, actor, d.role, d);
    const userId = await insertStaffUser(tx, { username: d.username, displayName: d.displayName, passwordHash, role: d.role, districtId: scope.districtId, organisationId: scope.organisationId });
    if (!userId) throw new Rollback(fieldError('username', '该账号已被使用，请换一个'));
    await audit(tx, actor, {
      action: 'user.created',
      objectType: 'user',
      objectId: userId,
      after: { username: d.username, displayName: d.displayName, role: d.role, districtId: scope.districtId, organisationId: scope.organisationId, scope: scope.label },
    });
    return ok({ userId, username: d.username, role: d.role, scope: scope.label, temporaryPassword: password });
  });
}

const NOT_YOURSELF = '不能对自己的账号进行此操作';

/** Deactivate: sign-in refused and every session ends at once. */
export async function deactivateAccount(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ username: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = accountIdSchema.safeParse(input);
  if (!parsed.success) return fail('NOT_FOUND');
  if (parsed.data.userId === actor.userId) return fail('INVALID', '不能停用自己的账号');
  return inTransaction(db, async (tx) => {
    const admins = await lockActiveCityAdmins(tx);
    const u = await findManagedUser(tx, parsed.data.userId, true);
    if (!u) return fail('NOT_FOUND');
    if (u.disabledAt) return fail('CONFLICT', '该账号已经停用');
    if (u.role === 'city' && admins.filter((id) => id !== u.id).length === 0) return fail('CONFLICT', '这是最后一个启用的市级管理员账号，不能停用');
    await setUserDisabled(tx, u.id, true);
    await audit(tx, actor, { action: 'user.deactivated', objectType: 'user', objectId: u.id, before: { disabledAt: null }, after: { username: u.username, role: u.role, disabled: true } });
    return ok({ username: u.username });
  });
}

export async function reactivateAccount(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ username: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = accountIdSchema.safeParse(input);
  if (!parsed.success) return fail('NOT_FOUND');
  return inTransaction(db, async (tx) => {
    const u = await findManagedUser(tx, parsed.data.userId, true);
    if (!u) return fail('NOT_FOUND');
    if (!u.disabledAt) return fail('CONFLICT', '该账号是启用状态');
    await setUserDisabled(tx, u.id, false);
    await audit(tx, actor, { action: 'user.reactivated', objectType: 'user', objectId: u.id, before: { disabledAt: u.disabledAt.toISOString() }, after: { username: u.username, role: u.role, disabled: false } });
    return ok({ username: u.username });
  });
}

/** A new temporary password, shown once; the old one stops working and every session ends. */
export async function resetAccountPassword(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ username: string; temporaryPassword: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = accountIdSchema.safeParse(input);
  if (!parsed.success) return fail('NOT_FOUND');
  if (parsed.data.userId === actor.userId) return fail('INVALID', `${NOT_YOURSELF}：请在“修改密码”页修改自己的密码`);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const u = await findManagedUser(tx, parsed.data.userId, true);
    if (!u) return fail('NOT_FOUND');
    await setTemporaryPassword(tx, u.id, passwordHash);
    // Never the password, nor its hash.
    await audit(tx, actor, { action: 'user.password_reset', objectType: 'user', objectId: u.id, after: { username: u.username, role: u.role, mustChangePassword: true } });
    return ok({ username: u.username, temporaryPassword: password });
  });
}

/** Roles whose scope the city can change (a company operator belongs to its company; the city has none). */
const SCOPED_ROLES: readonly Role[] = ['district', 'street', 'committee', 'department', 'association'];

export async function changeAccountScope(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ username: string; scope: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = accountScopeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  return inTransaction(db, async (tx) => {
    const u = await findManagedUser(tx, d.userId, true);
    if (!u) return fail('NOT_FOUND');
    if (!SCOPED_ROLES.includes(u.role)) return fail('INVALID', `${ROLE_LABELS[u.role]}账号没有可更改的辖区`);
    const fields = { district: 'districtId', street: 'regionId', committee: 'projectId', department: 'organisationName', association: 'organisationName' } as const;
    const field = fields[u.role as keyof typeof fields];
    if (!d[field] || (field === 'organisationName' && d[field].length < 2)) return fieldError(field, '请选择或填写新的辖区');
    const scope = await resolveScope(tx, actor, u.role, d);
    if (scope.districtId === u.districtId && scope.organisationId === u.organisationId) return fieldError(field, '辖区没有变化');
    await setUserScope(tx, u.id, { districtId: scope.districtId, organisationId: scope.organisationId });
    await audit(tx, actor, {
      action: 'user.scope_changed',
      objectType: 'user',
      objectId: u.id,
      before: { districtId: u.districtId, organisationId: u.organisationId },
      after: { districtId: scope.districtId, organisationId: scope.organisationId, scope: scope.label },
    });
    return ok({ username: u.username, scope: scope.label });
  });
}
