/**
 * `npm run audit:verify [-- --checkpoint FILE ...]`: exit 0 when the audit chain is intact (and every given
 * checkpoint, exported by the city from /bureau/audit, is signed with AUDIT_CHECKPOINT_KEY and its row still has
 * the hash it had then); exit 1 naming the first problem otherwise.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../db/audit-verify';
import { verifyCheckpoint } from '../lib/audit-checkpoint';
import { env } from '../lib/env';
import { describeDb, withDb } from './open-db';

const { values } = parseArgs({ options: { checkpoint: { type: 'string', multiple: true } } });
const files = values.checkpoint ?? [];

await withDb(async (h) => {
  const check = await verifyAuditChain(h.db);
  if (check.ok) {
    console.log(`Audit log intact: ${check.rows} rows verified on ${describeDb()}.`);
  } else {
    console.error(`Audit log BROKEN at row seq=${check.firstBrokenSeq} (${check.problem}); ${check.rows} rows checked on ${describeDb()}.`);
    process.exitCode = 1;
  }
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      console.error(`Checkpoint ${file}: cannot read (${(err as Error).message}).`);
      process.exitCode = 1;
      continue;
    }
    const r = await verifyCheckpoint(h.db, env().AUDIT_CHECKPOINT_KEY, raw);
    if (r.ok) console.log(`Checkpoint ${file}: row seq=${r.seq} unchanged since it was exported.`);
    else {
      console.error(`Checkpoint ${file}: FAILED — ${r.problem}.`);
      process.exitCode = 1;
    }
  }
});
