/**
 * `npm run user:create-admin -- --username NAME --name 显示名 [--org 单位名称]`
 * Creates a city administrator with a random temporary password that must be changed at first sign-in
 * (SPEC §5: outside demo mode no account exists until this is run). Prints the password once.
 */
import { parseArgs } from 'node:util';
import { ADMIN_USERNAME, createFirstAdmin } from '../lib/services/first-admin';
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
if (!username || !ADMIN_USERNAME.test(username) || !name) {
  console.error('Usage: npm run user:create-admin -- --username NAME --name 显示名 [--org 单位名称]');
  console.error('The username is 3–64 letters, digits, dots, dashes or underscores.');
  process.exit(2);
}

const created = await withDb((h) => createFirstAdmin(h.db, { username, name, org: values.org! }));

if (!created) {
  console.error(`An account named "${username}" already exists; nothing changed.`);
  process.exit(1);
}
console.log(`City administrator "${username}" created on ${describeDb()}.`);
console.log(`Temporary password (shown once; must be changed at first sign-in): ${created.temporaryPassword}`);
