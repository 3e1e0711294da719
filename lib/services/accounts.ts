import 'server-only';
/**
 * The city opens operator accounts for property-service companies (SPEC §1: the city manages users). A company
 * new to the platform is created as a draft from its credit code and name; the operator completes the filing.
 */
import { z } from 'zod';
import type { Db } from '@/db';
import { findCompanyByUscc, insertCompanyOperator, insertDraftCompany, usernameTaken } from '@/db/queries/accounts';
import { clearAccountBackoff, findAccountBackoff, lockLoginName } from '@/db/queries/auth';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/passwords';
import { can, type Actor } from '@/lib/auth/policy';
import { temporaryPassword } from '@/lib/auth/temp-password';
import { companyAccountSchema } from '@/lib/validation/accounts';
import { inTransaction, Rollback } from './errors';

export interface CreatedAccount {
  username: string;
  /** Shown once to the city, which hands it to the operator; it must be changed at first sign-in. */
  temporaryPassword: string;
  companyId: string;
  companyName: string;
  newCompany: boolean;
}

export async function createCompanyAccount(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<CreatedAccount>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const parsed = companyAccountSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  if (await usernameTaken(db, d.username)) return fieldError('username', '该账号已被使用，请换一个');
  const existing = await findCompanyByUscc(db, d.uscc);
  if (!existing && d.companyName.length < 2) return fieldError('companyName', '新登记的企业请填写企业名称（与营业执照一致）');
  if (existing?.filingStatus === 'revoked') return fieldError('uscc', '该企业备案已被撤销，不能开设账号');

  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (tx) => {
    const companyId = existing?.id ?? (await insertDraftCompany(tx, { uscc: d.uscc, name: d.companyName, districtId: d.districtId }));
    if (!companyId) throw new Rollback(fieldError('uscc', '该企业刚刚已被登记，请刷新后重试'));
    const userId = await insertCompanyOperator(tx, { username: d.username, displayName: d.displayName, passwordHash, companyId });
    if (!userId) throw new Rollback(fieldError('username', '该账号已被使用，请换一个'));
    if (!existing) {
      await audit(tx, actor, { action: 'company.registered', objectType: 'company', objectId: companyId, after: { uscc: d.uscc, name: d.companyName, districtId: d.districtId } });
    }
    await audit(tx, actor, {
      action: 'user.created',
      objectType: 'user',
      objectId: userId,
      after: { username: d.username, displayName: d.displayName, role: 'company', companyId },
    });
    return ok({
      username: d.username,
      temporaryPassword: password,
      companyId,
      companyName: existing?.name ?? d.companyName,
      newCompany: !existing,
    });
  });
}

const unlockSchema = z.object({ userId: z.uuid() });

/**
 * The city lifts a sign-in lock (per-account backoff and every address's lock) on any account. Another role, or
 * a user still on a first-time password, gets NOT_FOUND and an out-of-scope audit row; nothing changes.
 */
export async function unlockAccount(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ username: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  const parsed = unlockSchema.safeParse(input);
  if (!can(actor, 'user.manage')) {
    await audit(db, actor, { action: 'access.out_of_scope', objectType: 'user', objectId: parsed.success ? parsed.data.userId : null });
    return fail('NOT_FOUND');
  }
  if (!parsed.success) return fail('NOT_FOUND');
  return inTransaction(db, async (tx) => {
    const before = await findAccountBackoff(tx, parsed.data.userId);
    if (!before) return fail('NOT_FOUND');
    // Serialised with sign-in attempts on this account name (lib/auth/login.ts).
    await lockLoginName(tx, before.username);
    await clearAccountBackoff(tx, before.id, before.username);
    await audit(tx, actor, {
      action: 'user.unlocked',
      objectType: 'user',
      objectId: before.id,
      before: { failedLogins: before.failedLogins, lockedUntil: before.lockedUntil?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
    });
    return ok({ username: before.username });
  });
}
