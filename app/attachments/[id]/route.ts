import { getDb } from '@/db';
import { getAttachmentContent, getAttachmentMeta } from '@/db/queries/company-filing';
import { creditRecordInScope } from '@/db/queries/credit-records';
import { practitionerInScope } from '@/db/queries/practitioner-review';
import { getObjectionInScope } from '@/db/queries/objections';
import { getRecordObjectionInScope } from '@/db/queries/record-objections';
import { RECORD_OWNER_TYPE, recordVisibleTo } from '@/db/queries/practitioner-records';
import { findSubmissionInScope } from '@/db/queries/submissions';
import { getActor, recordOutOfScope } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { isUuid } from '@/lib/validation/ids';

const notFound = () => new Response('未找到该文件', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * An uploaded file, for a signed-in user who may see what it is attached to. Anything else answers 404,
 * exactly like a missing file.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return notFound();
  const db = getDb();
  const meta = await getAttachmentMeta(db, id);
  if (!meta) return notFound();
  let allowed = false;
  if (meta.ownerType === 'submission' && meta.ownerId) {
    const s = await findSubmissionInScope(db, actor, meta.ownerId);
    allowed = !!s && (s.status !== 'draft' || actor.role === 'company');
  } else if (meta.ownerType === 'practitioner' && meta.ownerId) {
    // A person's photo: the city, a district where the person works or worked, a company that employs or employed them.
    allowed = await practitionerInScope(db, actor, meta.ownerId);
  } else if (meta.ownerType === 'credit_record' && meta.ownerId) {
    // Evidence of a credit record: whoever may see the record (bureau in scope, the company, the reporting street).
    allowed = await creditRecordInScope(db, actor, meta.ownerId);
  } else if (meta.ownerType === 'case' && meta.ownerId) {
    // Evidence of an objection: its handlers (one's own data: company, district, city; a record: district, city).
    allowed =
      (can(actor, 'objection.handle') && !!(await getObjectionInScope(db, actor, meta.ownerId))) ||
      (can(actor, 'objection.record.handle') && !!(await getRecordObjectionInScope(db, actor, meta.ownerId)));
  } else if (meta.ownerType === RECORD_OWNER_TYPE && meta.ownerId) {
    // Evidence of a staff record: whoever may see the record (the filer, the deciding bureau, the employer once entered).
    allowed = await recordVisibleTo(db, actor, meta.ownerId);
  }
  if (!allowed) {
    await recordOutOfScope(actor, 'attachment', id);
    return notFound();
  }
  const content = await getAttachmentContent(db, id);
  if (!content) return notFound();
  return new Response(new Uint8Array(content), {
    headers: {
      'content-type': meta.mime,
      'content-length': String(content.byteLength),
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.filename)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    },
  });
}
