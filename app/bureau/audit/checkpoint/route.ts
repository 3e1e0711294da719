import { getDb } from '@/db';
import { getActor } from '@/lib/auth/actor';
import { exportAuditCheckpoint } from '@/lib/services/audit-checkpoint';

/** The city downloads a signed checkpoint of the audit chain's head, to keep outside the database. Others: 404. */
export async function GET() {
  const actor = await getActor();
  const r = actor && !actor.mustChangePassword ? await exportAuditCheckpoint(getDb(), actor) : null;
  if (!r || !r.ok) return new Response('Not Found', { status: 404, headers: { 'cache-control': 'no-store' } });
  const name = `audit-checkpoint-${r.data.seq}.json`;
  return new Response(JSON.stringify(r.data, null, 2) + '\n', {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
    },
  });
}
