import 'server-only';
/**
 * The city edits the credit policy (SPEC §4). Every save is a new version (who, when, why) on top of the version
 * the editor saw; if someone saved in between, the save is refused rather than silently overwriting their change.
 */
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import { creditPolicies } from '@/db/schema';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { checkPolicyReason, checkPolicySettings, policyChanges } from '@/lib/domain/credit-policy-edit';
import { inTransaction, isUniqueViolation, LostRace, Rollback } from './errors';

export const POLICY_CONFLICT_MESSAGE = '政策已被他人修改，请刷新后重试';

export interface SavePolicyInput {
  /** Settings as numbers, or as the form sends them (strings; the bond share as a percentage). */
  settings: unknown;
  reason: unknown;
  /** The version the editor started from. */
  baseVersion: unknown;
}

export async function savePolicyVersion(db: Db, actor: Actor | null, input: SavePolicyInput): Promise<ActionResult<{ version: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'policy.edit')) return fail('FORBIDDEN');

  const base = typeof input.baseVersion === 'string' ? Number(input.baseVersion) : input.baseVersion;
  if (typeof base !== 'number' || !Number.isInteger(base) || base < 0) return fail('INVALID', '缺少所依据的政策版本，请刷新后重试');

  const checked = checkPolicySettings(input.settings);
  const fieldErrors: Record<string, string[]> = checked.ok ? {} : { ...checked.fieldErrors };
  const reasonError = checkPolicyReason(input.reason);
  if (reasonError) fieldErrors.reason = [reasonError];
  if (!checked.ok || reasonError) return { ok: false, code: 'INVALID', message: '填写的内容有误，请按提示修改', fieldErrors };
  const settings = checked.settings;
  const reason = String(input.reason).trim();

  try {
    return await inTransaction(db, async (tx) => {
      const current = await getCurrentPolicy(tx);
      if (current.version !== base) throw new LostRace(POLICY_CONFLICT_MESSAGE);
      if (policyChanges(current.settings, settings).length === 0) throw new Rollback(fail('INVALID', '没有修改任何设置'));
      const version = base + 1;
      await tx.insert(creditPolicies).values({ version, settings, reason, createdBy: actor.userId });
      await audit(tx, actor, {
        action: 'credit_policy.saved',
        objectType: 'credit_policy',
        objectId: String(version),
        before: { version: current.version, settings: current.settings },
        after: { version, settings, reason },
      });
      return ok({ version });
    });
  } catch (e) {
    // Two saves on the same base: the second insert of the same version number loses.
    if (isUniqueViolation(e)) return fail('CONFLICT', POLICY_CONFLICT_MESSAGE);
    throw e;
  }
}
