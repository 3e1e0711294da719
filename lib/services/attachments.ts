import 'server-only';
/**
 * An uploaded file for a signed-in user who may see what it is attached to (`/attachments/[id]`). Anything else —
 * a missing file, a file out of scope, the photo of a person who has left the company or district — answers
 * NOT_FOUND exactly like a missing file, and an attempt on an existing file is written to the audit log.
 *
 * Every file served here is personal or case data: `private, no-store`, so neither a shared cache nor the
 * browser keeps a staff photo once the person has left (the next request answers 404).
 */
import type { Db } from '@/db';
import { getAttachmentContent, getAttachmentMeta } from '@/db/queries/company-filing';
import { COMPLAINT_OWNER_TYPE, getComplaintInScope } from '@/db/queries/complaints';
import { getOrderInScope, ORDER_OWNER_TYPE } from '@/db/queries/supervision';
import { creditRecordInScope } from '@/db/queries/credit-records';
import { DATA_REQUEST_OWNER_TYPE, getDataRequestInScope } from '@/db/queries/data-use';
import { getObjectionInScope } from '@/db/queries/objections';
import { practitionerInScope } from '@/db/queries/practitioner-review';
import { RECORD_OWNER_TYPE, recordVisibleTo } from '@/db/queries/practitioner-records';
import { getRecordObjectionInScope } from '@/db/queries/record-objections';
import { findSubmissionInScope } from '@/db/queries/submissions';
import { fail, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { isUuid } from '@/lib/validation/ids';

export const ATTACHMENT_CACHE_CONTROL = 'private, no-store';

export interface ServedAttachment {
  mime: string;
  filename: string;
  content: Buffer;
  cacheControl: string;
}

async function mayOpen(db: Db, actor: Actor, meta: { ownerType: string; ownerId: string | null }): Promise<boolean> {
  const ownerId = meta.ownerId;
  if (!ownerId) return false;
  switch (meta.ownerType) {
    case 'submission': {
      const s = await findSubmissionInScope(db, actor, ownerId);
      return !!s && (s.status !== 'draft' || actor.role === 'company');
    }
    case 'practitioner':
      // A person's photo: the city; a district or company only while the person works there now or is entered
      // and under review there — never a former employer (finding 5 of issue 13).
      return practitionerInScope(db, actor, ownerId);
    case 'credit_record':
      // Evidence of a credit record: whoever may see the record (bureau in scope, the company, the reporting street).
      return creditRecordInScope(db, actor, ownerId);
    case 'case':
      // Evidence of an objection: its handlers (one's own data: company, district, city; a record: district, city).
      return (
        (can(actor, 'objection.handle') && !!(await getObjectionInScope(db, actor, ownerId))) ||
        (can(actor, 'objection.record.handle') && !!(await getRecordObjectionInScope(db, actor, ownerId)))
      );
    case COMPLAINT_OWNER_TYPE:
      // The owner's photos and the company's evidence: the serving company and the district of the estate (the city).
      return (can(actor, 'complaint.answer') || can(actor, 'complaint.decide')) && !!(await getComplaintInScope(db, actor, ownerId));
    case DATA_REQUEST_OWNER_TYPE:
      // A department's official letter: the department that sent it and the deciding bureau (the city: all).
      return (
        (can(actor, 'datarequest.decide') && !!(await getDataRequestInScope(db, actor, ownerId, 'bureau'))) ||
        (can(actor, 'datarequest.file') && !!(await getDataRequestInScope(db, actor, ownerId, 'requester')))
      );
    case ORDER_OWNER_TYPE:
      // The company's evidence of its rectification: the company and the ordering district (the city).
      return (can(actor, 'rectification.answer') || can(actor, 'rectification.order')) && !!(await getOrderInScope(db, actor, ownerId));
    case RECORD_OWNER_TYPE:
      // Evidence of a staff record: whoever may see the record (the filer, the deciding bureau, the employer once entered).
      return recordVisibleTo(db, actor, ownerId);
    default:
      return false;
  }
}

export async function openAttachment(db: Db, actor: Actor | null, id: unknown): Promise<ActionResult<ServedAttachment>> {
  if (typeof id !== 'string' || !isUuid(id)) return fail('NOT_FOUND');
  if (!actor || actor.mustChangePassword) return fail('UNAUTHENTICATED');
  const meta = await getAttachmentMeta(db, id);
  if (!meta) return fail('NOT_FOUND');
  if (!(await mayOpen(db, actor, meta))) {
    await audit(db, actor, { action: 'access.out_of_scope', objectType: 'attachment', objectId: id });
    return fail('NOT_FOUND');
  }
  const content = await getAttachmentContent(db, id);
  if (!content) return fail('NOT_FOUND');
  return ok({ mime: meta.mime, filename: meta.filename, content, cacheControl: ATTACHMENT_CACHE_CONTROL });
}
