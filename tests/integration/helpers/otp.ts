import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { IdKeys } from '../../../lib/security/id-crypto';
import { outboxSender } from '../../../lib/messaging/sender';
import { startIdentityCheck, verifyIdentityCode } from '../../../lib/services/identity-check';
import { rowsOf } from './db';

/** The code in the newest one-time-code SMS queued for `mobile` at `at` (what the person reads on their phone). */
export async function codeSentTo(db: Db, mobile: string, at: Date): Promise<string | null> {
  const rows = rowsOf<{ body: string }>(
    await db.execute(sql`select body from outbox_messages where recipient = ${mobile} and purpose = 'identity.otp' and created_at = ${at.toISOString()} order by id desc limit 1`),
  );
  return rows[0]?.body.match(/验证码为 (\d{6})/)?.[1] ?? null;
}

/** Both steps of the identity check as the person does them: the three items, then the code from the SMS. */
export async function verifiedBySms(db: Db, who: { name: string; idNumber: string; mobile: string }, opts: { keys: IdKeys; at: Date; ip?: string }) {
  const started = await startIdentityCheck(db, who, { ...opts, sender: outboxSender });
  if (!started.ok) throw new Error(`identity check refused: ${started.message}`);
  const code = await codeSentTo(db, who.mobile, opts.at);
  if (!code) throw new Error('no code sent');
  const verified = await verifyIdentityCode(db, { challenge: started.data.challenge, code }, opts);
  if (!verified.ok) throw new Error(`code refused: ${verified.message}`);
  return { challenge: started.data.challenge, code, token: verified.data.token, name: verified.data.name };
}
