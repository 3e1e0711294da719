import 'server-only';
/**
 * The first city administrator (SPEC §5: outside demo mode no account exists until `npm run user:create-admin`
 * runs). The script and tests/integration/first-day.test.ts both call this, so the test walks the same code.
 */
import type { Db } from '@/db';
import { usernameTaken } from '@/db/queries/accounts';
import { findOrCreateOrganisation, insertStaffUser } from '@/db/queries/role-accounts';
import { audit } from '@/lib/audit';
import { hashPassword } from '@/lib/auth/passwords';
import { temporaryPassword } from '@/lib/auth/temp-password';

export const ADMIN_USERNAME = /^[a-z0-9_.-]{3,64}$/i;

/** Creates the administrator with a fresh temporary password; null when the name is taken (nothing changes). */
export async function createFirstAdmin(db: Db, a: { username: string; name: string; org: string }): Promise<{ userId: string; temporaryPassword: string } | null> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await usernameTaken(tx, a.username)) return null;
    const org = await findOrCreateOrganisation(tx, { kind: 'city_bureau', name: a.org, regionId: null });
    const userId = await insertStaffUser(tx, { username: a.username, displayName: a.name, passwordHash, role: 'city', districtId: null, organisationId: org.id });
    if (!userId) return null;
    await audit(tx, { label: 'command line' }, { action: 'user.created', objectType: 'user', objectId: userId, after: { username: a.username, role: 'city' } });
    return { userId, temporaryPassword: password };
  });
}
