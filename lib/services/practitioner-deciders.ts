import 'server-only';
/**
 * What a bureau decision on a staff submission does besides deciding it (SPEC §3.3, §3.6). The review service
 * knows nothing of submission types: it decides the submission and hands over to the decider registered here,
 * inside the same transaction. A decider refuses by throwing a Rollback (the whole decision is undone).
 */
import type { Tx } from '@/db';
import {
  findSubmissionEmployment,
  getPractitionerState,
  hasCurrentEmployment,
  setPractitionerStatus,
  settlePendingEmployment,
} from '@/db/queries/practitioner-review';
import { assignRegistryNumber } from '@/db/queries/registry-numbers';
import type { Decision, SubmissionRow, SubmissionType } from '@/db/queries/submissions';
import { fieldError } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/policy';
import { LostRace, Rollback } from './errors';
import { MOVE_DECIDERS } from './practitioner-moves';

export interface DeciderOpts {
  today: string;
  reason: string;
}

export type Decider = (tx: Tx, submission: SubmissionRow, decision: Decision, actor: Actor, opts: DeciderOpts) => Promise<void>;

export const NO_PHOTO = '缺少证件照，请企业补充后再审批';
export const ALREADY_CURRENT = '该人员已有在职登记（一人只能有一个在职登记），不能通过本次登记；如确已流动，请企业办理跨企业流动';

/**
 * Checks that do not change anything, so that the detail page can say up front why approval will be refused.
 * Returns the message or null.
 */
export async function entryApprovalProblem(tx: Tx | Parameters<typeof getPractitionerState>[0], submission: Pick<SubmissionRow, 'subjectId' | 'companyId' | 'payload'>) {
  if (!submission.subjectId) return '申请缺少人员信息';
  const person = await getPractitionerState(tx, submission.subjectId);
  if (!person) return '申请缺少人员信息';
  if (!person.photoId) return NO_PHOTO;
  const employment = await findSubmissionEmployment(tx, submission);
  if (employment && (await hasCurrentEmployment(tx, person.id, employment.id))) return ALREADY_CURRENT;
  return null;
}

/** 从业人员信息录入 (SN 4–8): approval makes the employment current and the person active. */
const practitionerEntry: Decider = async (tx, submission, decision, _actor, opts) => {
  if (decision === 'returned') return; // stays open: the company corrects and resubmits.
  const employment = await findSubmissionEmployment(tx, submission);
  if (!employment || !submission.subjectId) throw new LostRace('该登记对应的任职信息已变化，请刷新后查看');
  if (decision === 'rejected') {
    if (!(await settlePendingEmployment(tx, employment.id, 'rejected', opts.today))) throw new LostRace('该登记对应的任职信息已变化，请刷新后查看');
    return; // the person stays 'pending' (or whatever another employment made them).
  }
  const person = await getPractitionerState(tx, submission.subjectId);
  if (!person) throw new LostRace('该人员信息已变化，请刷新后查看');
  if (!person.photoId) throw new Rollback(fieldError('decision', NO_PHOTO));
  if (await hasCurrentEmployment(tx, person.id, employment.id)) throw new Rollback(fieldError('decision', ALREADY_CURRENT, 'CONFLICT'));
  // The partial unique index (one current employment per person) is the final word under concurrency.
  if (!(await settlePendingEmployment(tx, employment.id, 'current', opts.today))) throw new LostRace('该登记对应的任职信息已变化，请刷新后查看');
  if (person.status !== 'active') await setPractitionerStatus(tx, person.id, 'active');
  await assignRegistryNumber(tx, person.id, opts.today);
};

/** The only place that knows submission types. */
export const DECIDERS: Partial<Record<SubmissionType, Decider>> = {
  practitioner_entry: practitionerEntry,
  ...MOVE_DECIDERS,
};
