/**
 * `npm run user:create-admin -- --username NAME --name 显示名 [--org 单位名称]`
 * Creates a city administrator with a random temporary password that must be changed at first sign-in
 * (SPEC §5: outside demo mode no account exists until this is run). Prints the password once.
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { organisations, users } from '../db/schema';
import { audit } from '../lib/audit';
import { hashPassword } from '../lib/auth/passwords';
import { temporaryPassword } from '../lib/auth/temp-password';
import { describeDb, withDb } from './open-db';

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    name: { type: 'string' },
    org: { type: 'string', default: '遂宁市住房和城乡建设局' },
  },
});
const username = values.username?.trim();
const name = values.name?.trim();
if (!username || !/^[a-z0-9_.-]{3,64}$/i.test(username) || !name) {
  console.error('Usage: npm run user:create-admin -- --username NAME --name 显示名 [--org 单位名称]');
  console.error('The username is 3–64 letters, digits, dots, dashes or underscores.');
  process.exit(2);
}

const password = temporaryPassword();

const created = await withDb(async (h) => {
  const passwordHash = await hashPassword(password);
  return h.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing) return null;
    let [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, values.org!));
    if (!org) {
      [org] = await tx.insert(organisations).values({ kind: 'city_bureau', name: values.org! }).returning({ id: organisations.id });
    }
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: name, passwordHash, role: 'city', organisationId: org!.id, mustChangePassword: true })
      .returning({ id: users.id });
    await audit(tx, { label: 'command line' }, { action: 'user.created', objectType: 'user', objectId: user!.id, after: { username, role: 'city' } });
    return user!.id;
  });
});

if (!created) {
  console.error(`An account named "${username}" already exists; nothing changed.`);
  process.exit(1);
}
console.log(`City administrator "${username}" created on ${describeDb()}.`);
console.log(`Temporary password (shown once; must be changed at first sign-in): ${password}`);
