/** `npm run audit:verify`: exit 0 when the audit chain is intact, 1 naming the first broken row otherwise. */
import { verifyAuditChain } from '../db/audit-verify';
import { describeDb, withDb } from './open-db';

const check = await withDb((h) => verifyAuditChain(h.db));
if (check.ok) {
  console.log(`Audit log intact: ${check.rows} rows verified on ${describeDb()}.`);
} else {
  console.error(
    `Audit log BROKEN at row seq=${check.firstBrokenSeq} (${check.problem}); ${check.rows} rows checked on ${describeDb()}.`,
  );
  process.exitCode = 1;
}
