import 'server-only';
/**
 * The bureau's decision on a staff submission (SPEC §3.3, §3.6) and the logged view of a full ID number
 * (SPEC §3.11, SN 19–21).
 *
 * A decision: who → parse → the submission looked up with the actor's scope in the WHERE (out of scope →
 * NOT_FOUND, written to the audit log) → one transaction: decide the submission under its optimistic lock,
 * apply the type's effect (DECIDERS), write the audit row. Of two reviewers at once exactly one wins.
 */
import type { Db } from '@/db';
import { getIdNumberCipher, getPractitionerFile, practitionerExists, practitionerInScope, STAFF_QUEUE_TYPES, type PractitionerFile } from '@/db/queries/practitioner-review';
import { decideSubmission, findSubmissionInScope, submissionExists } from '@/db/queries/submissions';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { env } from '@/lib/env';
import { decryptIdNumber, type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import { isUuid } from '@/lib/validation/ids';
import { practitionerRefSchema, staffDecisionSchema } from '@/lib/validation/practitioner-review';
import { DECIDERS } from './practitioner-deciders';
import { allowed, refused } from './gate';
import { inTransaction, isUniqueViolation, LostRace } from './errors';

export const DECIDED_BY_OTHER = '该申请已被他人处理';

export async function decidePractitionerSubmission(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!allowed(actor, 'submission.decide')) return refused(actor);
  const parsed = staffDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const submission = await findSubmissionInScope(db, actor, d.id, [...STAFF_QUEUE_TYPES]);
  if (!submission) {
    if (await submissionExists(db, d.id)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'submission', objectId: d.id });
    }
    return fail('NOT_FOUND');
  }
  if (!can(actor, 'submission.decide', { districtId: submission.districtId })) return fail('NOT_FOUND');
  if (submission.status !== 'submitted' || submission.version !== d.expectedVersion) {
    return fail('CONFLICT', submission.status === 'submitted' ? '该申请已更新，请刷新后重新审核' : DECIDED_BY_OTHER);
  }
  const decider = DECIDERS[submission.type];
  if (!decider) return fieldError('decision', '此类申请暂不能在线审核');
  const on = opts.today ?? clockToday();

  try {
    return await inTransaction(db, async (tx) => {
      const decided = await decideSubmission(tx, { id: submission.id, expectedVersion: d.expectedVersion, decision: d.decision, reason: d.reason, decidedBy: actor.userId });
      if (!decided) throw new LostRace(DECIDED_BY_OTHER);
      await decider(tx, decided, d.decision, actor, { today: on, reason: d.reason });
      await audit(tx, actor, {
        action: `practitioner.submission.${d.decision}`,
        objectType: 'submission',
        objectId: submission.id,
        before: { status: submission.status, version: submission.version },
        after: { type: submission.type, status: decided.status, reason: d.reason, practitionerId: submission.subjectId },
      });
      return ok({ id: submission.id, status: decided.status });
    });
  } catch (e) {
    // One current employment per person: the partial unique index decides between concurrent approvals.
    if (isUniqueViolation(e)) return fail('CONFLICT', '该人员已有在职登记（一人只能有一个在职登记），本次审核未生效');
    throw e;
  }
}

/**
 * The full ID number, shown only after an explicit request and logged (SPEC §3.11). The city sees anyone;
 * a district the people employed now, or entered and under review, on an estate of its district; a company only
 * the people it employs now or has entered and awaits review for. A past employment gives nothing. Nothing is
 * decrypted for anyone else.
 */
export async function viewFullIdNumber(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { keys?: IdKeys } = {},
): Promise<ActionResult<{ idNumber: string; name: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.idnumber.view')) return fail('FORBIDDEN');
  const parsed = practitionerRefSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { practitionerId } = parsed.data;
  if (!(await practitionerInScope(db, actor, practitionerId))) {
    if (await practitionerExists(db, practitionerId)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId });
    }
    return fail('NOT_FOUND');
  }
  return inTransaction(db, async (tx) => {
    const row = await getIdNumberCipher(tx, practitionerId);
    if (!row) return fail('NOT_FOUND');
    const keys = opts.keys ?? idKeysFrom(env());
    const idNumber = decryptIdNumber(row.enc, keys);
    await audit(tx, actor, {
      action: 'practitioner.idnumber.viewed',
      objectType: 'practitioner',
      objectId: practitionerId,
      after: { idNumber: row.masked, name: row.name },
    });
    return ok({ idNumber, name: row.name });
  });
}

/**
 * One person's internal file for the company area: only a person the company employs now or has entered and
 * awaits review for (`practitionerInScope`). Anyone else, including a former employee, answers NOT_FOUND
 * exactly like a missing person, and an attempt on an existing person is written to the audit log.
 */
export async function getPersonFileInScope(db: Db, actor: Actor | null, practitionerId: unknown): Promise<ActionResult<PractitionerFile>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (typeof practitionerId !== 'string' || !isUuid(practitionerId)) return fail('NOT_FOUND');
  if (!(await practitionerInScope(db, actor, practitionerId))) {
    if (await practitionerExists(db, practitionerId)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'practitioner', objectId: practitionerId });
    }
    return fail('NOT_FOUND');
  }
  const file = await getPractitionerFile(db, practitionerId);
  return file ? ok(file) : fail('NOT_FOUND');
}
