import 'server-only';
/**
 * A practitioner's short public statement beside their own good or bad record (SPEC §3.7: the subject may
 * attach a short public statement, shown beside the record). No account: the person is identified by the code
 * of the notice they were given plus their name and ID number (the neutral message on any mismatch). A new
 * statement replaces the earlier one; each is audited with what it replaced. Limited per client and per notice
 * code (./anonymous-limits); a mismatch is audited.
 */
import type { Db } from '@/db';
import { findPractitionerRecordByNotice, setPractitionerRecordStatement } from '@/db/queries/record-objections';
import { fail, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { hashIdNumber, idKeysFrom, type IdKeys } from '@/lib/security/id-crypto';
import { recordStatementSchema } from '@/lib/validation/objections';
import { inTransaction, Rollback } from './errors';
import { admit, clientKey, LIMITS } from './anonymous-limits';
import { auditNoticeMismatch, NOTICE_NO_MATCH_MESSAGE, RECORD_NOT_ACTIVE_MESSAGE } from './record-objections';

export async function fileRecordStatement(
  db: Db,
  _actor: Actor | null,
  data: unknown,
  opts: { keys?: IdKeys; ip?: string | null; at?: Date } = {},
): Promise<ActionResult<{ recordId: string; statement: string }>> {
  const at = opts.at ?? clockNow();
  const client = await admit(db, opts.ip, [{ limit: LIMITS.filingClient, key: clientKey(opts.ip) }], at);
  if (!client.ok) return client;
  const parsed = recordStatementSchema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const target = await admit(db, opts.ip, [{ limit: LIMITS.ownTarget, key: `notice:${d.noticeCode.toUpperCase()}` }], at);
  if (!target.ok) return target;
  const keys = opts.keys ?? idKeysFrom(env());
  const rec = await findPractitionerRecordByNotice(db, d.noticeCode);
  if (!rec || rec.name.trim() !== d.name || rec.idNumberHash !== hashIdNumber(d.idNumber, keys)) {
    await auditNoticeMismatch(db, opts.ip, rec?.recordId ?? null);
    return fail('INVALID', NOTICE_NO_MATCH_MESSAGE);
  }
  if (rec.status !== 'approved') return fail('CONFLICT', RECORD_NOT_ACTIVE_MESSAGE);
  return inTransaction(db, async (tx) => {
    if (!(await setPractitionerRecordStatement(tx, rec.recordId, d.statement))) throw new Rollback(fail('CONFLICT', RECORD_NOT_ACTIVE_MESSAGE));
    await audit(
      tx,
      { label: '记录当事人', ip: opts.ip ?? null },
      {
        action: 'record.statement',
        objectType: 'practitioner_record',
        objectId: rec.recordId,
        before: { statement: rec.statement },
        after: { statement: d.statement, name: rec.name, idNumber: rec.idNumberMasked },
      },
    );
    return ok({ recordId: rec.recordId, statement: d.statement });
  });
}
