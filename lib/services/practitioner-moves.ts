import 'server-only';
/**
 * Post change, transfer, exit and re-entry (SPEC §3.6; SN 15–17).
 *
 * - Post change: the company files (3 days, SN 15) → the estate's district approves → the old employment ends
 *   and a new one begins.
 * - Transfer: the new company asks (3 days after hiring, SN 16) → the old company consents or refuses on the
 *   platform; if it refuses, or does not answer, the old estate's district may release the person after checking →
 *   released: the old employment ends, a pending one with the new company begins → the new company brings the data
 *   up to date and submits → the new estate's district approves. One `transfer` submission carries the whole way:
 *   `draft` with `payload.stage` 'consent' → 'released', then `submitted` → decided.
 * - Exit: the company declares → the district approves → the employment ends and the person is archived.
 * - Re-entry: a company asks to reactivate an archived person with the data brought up to date → approved.
 *
 * Each step locks the person's row, so at most one of these (or an entry) is open per person at a time. The
 * decisions themselves run inside the review service's transaction (`MOVE_DECIDERS`).
 */
import type { z } from 'zod';
import type { Db, Tx } from '@/db';
import { hasGreenChannel } from '@/db/queries/company-filing';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  applyReceiveUpdate,
  endEmployment,
  findMoveInScope,
  findOpenPersonSubmission,
  findTransferForConsent,
  getCompanyProject,
  getCurrentJob,
  insertEmployment,
  lockPractitioner,
  updateOpenSubmission,
} from '@/db/queries/practitioner-moves';
import { findPersonByIdHash } from '@/db/queries/practitioner-entry';
import { assignRegistryNumber } from '@/db/queries/registry-numbers';
import { practitionerExists, setPractitionerStatus, settlePendingEmployment } from '@/db/queries/practitioner-review';
import { insertSubmission, submissionExists, type SubmissionRow } from '@/db/queries/submissions';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { policyRef } from '@/lib/domain/credit-policy';
import { entryTiming } from '@/lib/domain/practitioner';
import { consentDueOn, endBefore, mayOverride, moveTiming, type Consent } from '@/lib/domain/practitioner-moves';
import { env } from '@/lib/env';
import { hashIdNumber, type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import {
  consentSchema,
  exitSchema,
  overrideSchema,
  postChangeSchema,
  reEntrySchema,
  transferRequestSchema,
  transferUpdateSchema,
  withdrawMoveSchema,
  type ReceiveUpdate,
} from '@/lib/validation/practitioner-moves';
import { inTransaction, LostRace, Rollback } from './errors';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';

type Opts = { today?: string; keys?: IdKeys };

export interface TransferPayload {
  stage: 'consent' | 'released' | 'submitted';
  fromCompanyId: string;
  fromCompanyName: string;
  fromEmploymentId: string;
  fromProjectId: string | null;
  fromDistrictId: string | null;
  fromPost: string;
  toProjectId: string;
  toDistrictId: string;
  post: string;
  hiredOn: string;
  labourContractOn: string;
  requestedOn: string;
  consentDueOn: string;
  consent: Consent;
  consentReason?: string | null;
  releasedBy?: 'company' | 'district';
  releasedOn?: string;
  overrideReason?: string;
  newEmploymentId?: string;
  update?: ReceiveUpdate;
  deadline: string;
  late: boolean;
  daysOverdue: number;
}

const busyMessage: Record<string, string> = {
  practitioner_entry: '该人员的登记正在审核，请待审核结束后再办理',
  practitioner_update: '该人员有信息变更正在审核，请待审核结束后再办理',
  post_change: '该人员有岗位调整正在办理，请待办结后再申请',
  transfer: '该人员有跨企业流动正在办理，请待办结后再申请',
  exit: '该人员的退出申报正在审核',
  re_entry: '该人员的重新执业申请正在审核',
};

/** Inside a transaction: lock the person and refuse when another registry step is open on them. */
async function lockIdle(tx: Tx, practitionerId: string, field = 'practitionerId') {
  const person = await lockPractitioner(tx, practitionerId);
  if (!person) throw new Rollback(fail('NOT_FOUND'));
  const open = await findOpenPersonSubmission(tx, practitionerId);
  if (open) throw new Rollback(fieldError(field, busyMessage[open.type] ?? '该人员有事项正在办理', 'CONFLICT'));
  return person;
}

/** A company operator's form: signed in with a company, and the input parsed by `schema`. */
function companyForm<S extends z.ZodType>(actor: Actor | null, schema: S, input: unknown): ActionResult<{ a: Actor; v: z.output<S> }> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  return ok({ a: actor, v: parsed.data });
}

/** NOT_FOUND for an object outside the actor's scope; an existing one is written to the audit log (no transaction). */
async function outOfScope(db: Db, actor: Actor, objectType: 'submission' | 'practitioner', id: string): Promise<ActionResult<never>> {
  const exists = objectType === 'submission' ? await submissionExists(db, id) : await practitionerExists(db, id);
  if (exists) await audit(db, actor, { action: 'access.out_of_scope', objectType, objectId: id });
  return fail('NOT_FOUND');
}

async function priorityOf(db: Db, companyId: string, on: string) {
  return (await hasGreenChannel(db, companyId, on)) ? 1 : 0;
}

/**
 * The checks a transfer and a re-entry share: dates not in the future, one of the company's estates, and the
 * person by ID number and name. No such ID and a name that does not match get the same answer, so the form
 * reveals nobody's registration.
 */
async function findNewJobPerson(
  db: Db,
  a: Actor,
  v: { name: string; idNumber: string; projectId: string; hiredOn: string; labourContractOn: string },
  on: string,
  opts: Opts,
  sought: '在职人员' | '归档人员',
) {
  if (v.hiredOn > on) return fieldError('hiredOn', '入职时间不能晚于今天');
  if (v.labourContractOn > on) return fieldError('labourContractOn', '劳动合同签订日期不能晚于今天');
  const project = await getCompanyProject(db, a.companyId!, v.projectId);
  if (!project) return fieldError('projectId', '只能为本企业在管的项目办理');
  const person = await findPersonByIdHash(db, hashIdNumber(v.idNumber, opts.keys ?? idKeysFrom(env())));
  if (!person || person.name !== v.name) return fieldError('idNumber', `未找到姓名与身份证号码相符的${sought}；新入行人员请办理入职登记`);
  return ok({ project, person });
}

// ——— post change (SN 15) ———

export async function requestPostChange(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ submissionId: string; late: boolean }>> {
  const form = companyForm(actor, postChangeSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const on = opts.today ?? clockToday();
  const job = await getCurrentJob(db, v.practitionerId);
  if (!job || job.companyId !== a.companyId) return outOfScope(db, a, 'practitioner', v.practitionerId);
  const project = await getCompanyProject(db, a.companyId!, v.projectId);
  if (!project) return fieldError('projectId', '只能调整到本企业在管的项目');
  if (project.id === job.projectId && v.post === job.post) return fieldError('post', '服务项目和岗位都没有变化');
  if (v.changedOn > on) return fieldError('changedOn', '调整日期不能晚于今天，请在调整后申报');
  if (v.changedOn < job.startDate) return fieldError('changedOn', '调整日期不能早于现岗位的开始日期');
  const policy = await getCurrentPolicy(db);
  const timing = moveTiming(v.changedOn, on, policy.settings);
  const priority = await priorityOf(db, a.companyId!, on);

  return inTransaction(db, async (tx) => {
    await lockIdle(tx, v.practitionerId);
    const s = await insertSubmission(tx, {
      type: 'post_change',
      companyId: a.companyId,
      districtId: project.districtId,
      projectId: project.id,
      subjectType: 'practitioner',
      subjectId: v.practitionerId,
      payload: {
        fromEmploymentId: job.employmentId,
        fromProjectId: job.projectId,
        fromPost: job.post,
        toProjectId: project.id,
        post: v.post,
        changedOn: v.changedOn,
        ...timing,
      },
      dueOn: timing.deadline,
      policyVersion: policyRef(policy.version),
      priority,
      submittedBy: a.userId,
    });
    await audit(tx, a, {
      action: 'practitioner.post_change.requested',
      objectType: 'submission',
      objectId: s.id,
      before: { projectId: job.projectId, post: job.post },
      after: { practitionerId: v.practitionerId, projectId: project.id, post: v.post, changedOn: v.changedOn, late: timing.late },
    });
    return ok({ submissionId: s.id, late: timing.late });
  });
}

// ——— transfer (SN 16) ———

export async function requestTransfer(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ submissionId: string; late: boolean }>> {
  const form = companyForm(actor, transferRequestSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const on = opts.today ?? clockToday();
  const found = await findNewJobPerson(db, a, v, on, opts, '在职人员');
  if (!found.ok) return found;
  const { project, person } = found.data;
  if (person.status === 'archived') return fieldError('idNumber', '该人员已退出行业并归档，请办理重新执业', 'CONFLICT');
  const job = await getCurrentJob(db, person.id);
  if (!job) return fieldError('idNumber', '该人员目前没有在职登记，请办理入职登记', 'CONFLICT');
  if (job.companyId === a.companyId) return fieldError('idNumber', '该人员已在本企业在职，请办理岗位调整', 'CONFLICT');
  if (v.hiredOn < job.startDate) return fieldError('hiredOn', '入职时间不能早于该人员在原企业的入职时间');

  await ensureHolidayCalendar(db);
  const policy = await getCurrentPolicy(db);
  const timing = moveTiming(v.hiredOn, on, policy.settings);
  const priority = await priorityOf(db, a.companyId!, on);
  const payload: TransferPayload = {
    stage: 'consent',
    fromCompanyId: job.companyId,
    fromCompanyName: job.companyName,
    fromEmploymentId: job.employmentId,
    fromProjectId: job.projectId,
    fromDistrictId: job.districtId,
    fromPost: job.post,
    toProjectId: project.id,
    toDistrictId: project.districtId,
    post: v.post,
    hiredOn: v.hiredOn,
    labourContractOn: v.labourContractOn,
    requestedOn: on,
    consentDueOn: consentDueOn(on),
    consent: 'pending',
    ...timing,
  };
  return inTransaction(db, async (tx) => {
    await lockIdle(tx, person.id, 'idNumber');
    const s = await insertSubmission(tx, {
      type: 'transfer',
      status: 'draft',
      companyId: a.companyId,
      // Until the person is released, the old estate's district is the one that may step in (SN 16).
      districtId: job.districtId,
      projectId: project.id,
      subjectType: 'practitioner',
      subjectId: person.id,
      payload,
      dueOn: timing.deadline,
      policyVersion: policyRef(policy.version),
      priority,
      submittedBy: a.userId,
    });
    await audit(tx, a, {
      action: 'practitioner.transfer.requested',
      objectType: 'submission',
      objectId: s.id,
      after: { practitionerId: person.id, idNumber: person.idNumberMasked, fromCompanyId: job.companyId, toProjectId: project.id, post: v.post, late: timing.late },
    });
    return ok({ submissionId: s.id, late: timing.late });
  });
}

/** Ends the old employment and opens the pending one with the new company: the person is "调出". */
async function release(tx: Tx, s: SubmissionRow, p: TransferPayload, by: 'company' | 'district', on: string, extra: Partial<TransferPayload>) {
  const job = await getCurrentJob(tx, s.subjectId!);
  if (!job || job.employmentId !== p.fromEmploymentId) throw new LostRace('该人员的在职情况已经变化，本申请无法继续，请撤回后重新申请');
  await endEmployment(tx, job.employmentId, endBefore(p.hiredOn, job.startDate), '跨企业流动调出');
  const newEmploymentId = await insertEmployment(tx, {
    practitionerId: s.subjectId!,
    companyId: s.companyId!,
    projectId: p.toProjectId,
    post: p.post,
    startDate: p.hiredOn,
    status: 'pending',
  });
  const payload: TransferPayload = { ...p, ...extra, stage: 'released', releasedBy: by, releasedOn: on, newEmploymentId };
  return payload;
}

export async function answerTransfer(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ consent: Consent }>> {
  const form = companyForm(actor, consentSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const on = opts.today ?? clockToday();
  const s = await findTransferForConsent(db, a.companyId!, v.submissionId);
  if (!s) return outOfScope(db, a, 'submission', v.submissionId);
  const p = s.payload as TransferPayload;
  if (s.status !== 'draft' || p.stage !== 'consent') return fail('CONFLICT', '该申请已经处理');

  return inTransaction(db, async (tx) => {
    await lockPractitioner(tx, s.subjectId!);
    let payload: TransferPayload;
    if (v.consent === 'given') {
      payload = await release(tx, s, p, 'company', on, { consent: 'given', consentReason: v.reason || null });
    } else {
      payload = { ...p, consent: 'refused', consentReason: v.reason };
    }
    const changed = await updateOpenSubmission(tx, {
      id: s.id,
      expectedVersion: v.expectedVersion,
      fromStatus: ['draft'],
      set: { payload, ...(v.consent === 'given' ? { districtId: p.toDistrictId } : {}) },
    });
    if (!changed) throw new LostRace('该申请已被他人处理，请刷新后查看');
    await audit(tx, a, {
      action: v.consent === 'given' ? 'practitioner.transfer.consented' : 'practitioner.transfer.refused',
      objectType: 'submission',
      objectId: s.id,
      before: { consent: p.consent },
      after: { consent: v.consent, reason: v.reason || null },
    });
    return ok({ consent: v.consent });
  });
}

export async function overrideTransfer(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ released: true }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'submission.decide')) return fail('FORBIDDEN');
  const parsed = overrideSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const on = opts.today ?? clockToday();
  const s = await findMoveInScope(db, actor, v.submissionId);
  const p = s?.payload as TransferPayload | undefined;
  // The old estate's district is the one that may step in (SN 16: 属地住建部门经核实后直接调出).
  if (!s || s.type !== 'transfer' || !p || !can(actor, 'submission.decide', { districtId: p.fromDistrictId })) return outOfScope(db, actor, 'submission', v.submissionId);
  if (s.status !== 'draft' || p.stage !== 'consent') return fail('CONFLICT', '该申请已经处理');
  await ensureHolidayCalendar(db);
  if (!mayOverride(p.consent, p.requestedOn, on)) {
    return fail('CONFLICT', `原企业尚在答复期内（至 ${p.consentDueOn}），期满未答复或明确拒绝后方可直接调出`);
  }
  return inTransaction(db, async (tx) => {
    await lockPractitioner(tx, s.subjectId!);
    const payload = await release(tx, s, p, 'district', on, { overrideReason: v.reason });
    const changed = await updateOpenSubmission(tx, {
      id: s.id,
      expectedVersion: v.expectedVersion,
      fromStatus: ['draft'],
      set: { payload, districtId: p.toDistrictId },
    });
    if (!changed) throw new LostRace('该申请已被他人处理，请刷新后查看');
    await audit(tx, actor, {
      action: 'practitioner.transfer.released_by_district',
      objectType: 'submission',
      objectId: s.id,
      before: { consent: p.consent, consentReason: p.consentReason ?? null },
      after: { releasedBy: 'district', reason: v.reason },
    });
    return ok({ released: true as const });
  });
}

/** The new company's update after release (or its correction after a return), sent to the district. */
export async function submitTransferUpdate(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ submissionId: string }>> {
  const form = companyForm(actor, transferUpdateSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const s = await findMoveInScope(db, a, v.submissionId);
  if (!s || s.type !== 'transfer' || s.companyId !== a.companyId) return outOfScope(db, a, 'submission', v.submissionId);
  const p = s.payload as TransferPayload;
  const ready = (s.status === 'draft' && p.stage === 'released') || s.status === 'returned';
  if (!ready) return fail('CONFLICT', p.stage === 'consent' ? '原企业尚未同意调出，暂不能提交' : '该申请当前不能修改');
  return inTransaction(db, async (tx) => {
    const changed = await updateOpenSubmission(tx, {
      id: s.id,
      expectedVersion: v.expectedVersion,
      fromStatus: ['draft', 'returned'],
      set: { status: 'submitted', payload: { ...p, stage: 'submitted', update: v.update }, submitted: true },
    });
    if (!changed) throw new LostRace('该申请已被他人处理，请刷新后查看');
    await audit(tx, a, { action: 'practitioner.transfer.submitted', objectType: 'submission', objectId: s.id, after: { update: { ...v.update, mobile: undefined } } });
    return ok({ submissionId: s.id });
  });
}

// ——— exit (SN 17) ———

export async function requestExit(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ submissionId: string }>> {
  const form = companyForm(actor, exitSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const on = opts.today ?? clockToday();
  const job = await getCurrentJob(db, v.practitionerId);
  if (!job || job.companyId !== a.companyId) return outOfScope(db, a, 'practitioner', v.practitionerId);
  if (v.leftOn > on) return fieldError('leftOn', '离职日期不能晚于今天，请在离职后申报');
  if (v.leftOn < job.startDate) return fieldError('leftOn', '离职日期不能早于入职日期');
  const priority = await priorityOf(db, a.companyId!, on);
  return inTransaction(db, async (tx) => {
    await lockIdle(tx, v.practitionerId);
    const s = await insertSubmission(tx, {
      type: 'exit',
      companyId: a.companyId,
      districtId: job.districtId,
      projectId: job.projectId,
      subjectType: 'practitioner',
      subjectId: v.practitionerId,
      payload: { employmentId: job.employmentId, projectId: job.projectId, post: job.post, leftOn: v.leftOn, reason: v.reason },
      priority,
      submittedBy: a.userId,
    });
    await audit(tx, a, { action: 'practitioner.exit.requested', objectType: 'submission', objectId: s.id, after: { practitionerId: v.practitionerId, leftOn: v.leftOn, reason: v.reason } });
    return ok({ submissionId: s.id });
  });
}

// ——— re-entry (SN 17) ———

export async function requestReEntry(db: Db, actor: Actor | null, input: unknown, opts: Opts = {}): Promise<ActionResult<{ submissionId: string; practitionerId: string; late: boolean }>> {
  const form = companyForm(actor, reEntrySchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const on = opts.today ?? clockToday();
  const found = await findNewJobPerson(db, a, v, on, opts, '归档人员');
  if (!found.ok) return found;
  const { project, person } = found.data;
  if (person.status !== 'archived') {
    const job = await getCurrentJob(db, person.id);
    if (job) return fieldError('idNumber', `该人员目前在${job.companyId === a.companyId ? '本企业' : job.companyName}在职，${job.companyId === a.companyId ? '无需重新执业' : '请办理跨企业流动'}`, 'CONFLICT');
    return fieldError('idNumber', '该人员未归档，无需重新执业', 'CONFLICT');
  }
  const policy = await getCurrentPolicy(db);
  await ensureHolidayCalendar(db);
  const timing = entryTiming(v.labourContractOn, on, policy.settings);
  const priority = await priorityOf(db, a.companyId!, on);
  return inTransaction(db, async (tx) => {
    const locked = await lockIdle(tx, person.id, 'idNumber');
    if (locked.status !== 'archived') throw new LostRace('该人员的状态刚刚已变化，请刷新后查看');
    const employmentId = await insertEmployment(tx, {
      practitionerId: person.id,
      companyId: a.companyId!,
      projectId: project.id,
      post: v.post,
      startDate: v.hiredOn,
      status: 'pending',
    });
    const s = await insertSubmission(tx, {
      type: 're_entry',
      companyId: a.companyId,
      districtId: project.districtId,
      projectId: project.id,
      subjectType: 'practitioner',
      subjectId: person.id,
      payload: { employmentId, toProjectId: project.id, post: v.post, hiredOn: v.hiredOn, labourContractOn: v.labourContractOn, update: v.update, ...timing },
      dueOn: timing.deadline,
      policyVersion: policyRef(policy.version),
      priority,
      submittedBy: a.userId,
    });
    await audit(tx, a, {
      action: 'practitioner.re_entry.requested',
      objectType: 'submission',
      objectId: s.id,
      after: { practitionerId: person.id, idNumber: person.idNumberMasked, projectId: project.id, post: v.post, late: timing.late },
    });
    return ok({ submissionId: s.id, practitionerId: person.id, late: timing.late });
  });
}

// ——— withdrawal ———

/** The filing company takes back a move not yet decided (a transfer only before the person is released). */
export async function withdrawMove(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ submissionId: string }>> {
  const form = companyForm(actor, withdrawMoveSchema, input);
  if (!form.ok) return form;
  const { a, v } = form.data;
  const s = await findMoveInScope(db, a, v.submissionId);
  if (!s || s.companyId !== a.companyId) return outOfScope(db, a, 'submission', v.submissionId);
  const p = s.payload as Record<string, unknown>;
  if (!['draft', 'submitted', 'returned'].includes(s.status)) return fail('CONFLICT', '该申请已办结，不能撤回');
  if (s.type === 'transfer' && p.stage !== 'consent') return fail('CONFLICT', '人员已调出，不能撤回；请补充信息提交审核');
  return inTransaction(db, async (tx) => {
    const changed = await updateOpenSubmission(tx, { id: s.id, expectedVersion: v.expectedVersion, fromStatus: ['draft', 'submitted', 'returned'], set: { status: 'withdrawn' } });
    if (!changed) throw new LostRace('该申请已被他人处理，请刷新后查看');
    if (s.type === 're_entry') await settlePendingEmployment(tx, String(p.employmentId), 'rejected', clockToday(), '企业撤回申请');
    await audit(tx, a, { action: 'practitioner.move.withdrawn', objectType: 'submission', objectId: s.id, after: { type: s.type } });
    return ok({ submissionId: s.id });
  });
}

// ——— decisions (run inside the review service's transaction, after the optimistic lock) ———

export type MoveDecision = 'approved' | 'rejected' | 'returned';
export type MoveDecider = (tx: Tx, s: SubmissionRow, decision: MoveDecision, actor: Actor, opts: { today: string }) => Promise<void>;

const decidePostChange: MoveDecider = async (tx, s, decision, actor) => {
  if (decision !== 'approved') return;
  const p = s.payload as { fromEmploymentId: string; toProjectId: string; post: string; changedOn: string };
  await lockPractitioner(tx, s.subjectId!);
  const job = await getCurrentJob(tx, s.subjectId!);
  if (!job || job.employmentId !== p.fromEmploymentId) throw new LostRace('该人员的在职情况已经变化，不能按本申请调整，请退回企业');
  await endEmployment(tx, job.employmentId, endBefore(p.changedOn, job.startDate), '岗位调整');
  const id = await insertEmployment(tx, {
    practitionerId: s.subjectId!,
    companyId: job.companyId,
    projectId: p.toProjectId,
    post: p.post,
    startDate: p.changedOn < job.startDate ? job.startDate : p.changedOn,
    status: 'current',
  });
  await audit(tx, actor, {
    action: 'practitioner.post_changed',
    objectType: 'practitioner',
    objectId: s.subjectId,
    before: { employmentId: job.employmentId, projectId: job.projectId, post: job.post },
    after: { employmentId: id, projectId: p.toProjectId, post: p.post, submissionId: s.id },
  });
};

const decideTransfer: MoveDecider = async (tx, s, decision, actor, opts) => {
  const p = s.payload as TransferPayload;
  if (!p.newEmploymentId || !p.update) throw new Rollback(fail('CONFLICT', '该申请尚未调出或尚未补充信息'));
  if (decision === 'returned') return;
  await lockPractitioner(tx, s.subjectId!);
  if (decision === 'rejected') {
    await settlePendingEmployment(tx, p.newEmploymentId, 'rejected', opts.today, '跨企业流动未通过审核');
    await audit(tx, actor, { action: 'practitioner.transfer.rejected', objectType: 'practitioner', objectId: s.subjectId, after: { submissionId: s.id } });
    return;
  }
  await approvePending(tx, s.subjectId!, p.newEmploymentId, opts.today);
  const before = await applyReceiveUpdate(tx, s.subjectId!, { ...p.update, hiredOn: p.hiredOn, labourContractOn: p.labourContractOn });
  await audit(tx, actor, {
    action: 'practitioner.transferred',
    objectType: 'practitioner',
    objectId: s.subjectId,
    before: { companyId: p.fromCompanyId, employmentId: p.fromEmploymentId, ...before, mobile: undefined },
    after: { companyId: s.companyId, employmentId: p.newEmploymentId, projectId: p.toProjectId, post: p.post, submissionId: s.id },
  });
};

const decideExit: MoveDecider = async (tx, s, decision, actor) => {
  if (decision !== 'approved') return;
  const p = s.payload as { employmentId: string; leftOn: string; reason: string };
  await lockPractitioner(tx, s.subjectId!);
  const ended = await endEmployment(tx, p.employmentId, p.leftOn, `退出行业：${p.reason}`);
  if (!ended) throw new LostRace('该人员的在职情况已经变化，请退回企业');
  await setPractitionerStatus(tx, s.subjectId!, 'archived');
  await audit(tx, actor, { action: 'practitioner.archived', objectType: 'practitioner', objectId: s.subjectId, before: { status: 'active' }, after: { status: 'archived', leftOn: p.leftOn, submissionId: s.id } });
};

const decideReEntry: MoveDecider = async (tx, s, decision, actor, opts) => {
  const p = s.payload as { employmentId: string; hiredOn: string; labourContractOn: string; update: ReceiveUpdate };
  if (decision === 'returned') return;
  await lockPractitioner(tx, s.subjectId!);
  if (decision === 'rejected') {
    await settlePendingEmployment(tx, p.employmentId, 'rejected', opts.today, '重新执业未通过审核');
    return;
  }
  await approvePending(tx, s.subjectId!, p.employmentId, opts.today);
  await setPractitionerStatus(tx, s.subjectId!, 'active');
  // Keeps the number a returning practitioner already holds (decision 032); numbers one approved before 0012 had none.
  await assignRegistryNumber(tx, s.subjectId!, opts.today);
  const before = await applyReceiveUpdate(tx, s.subjectId!, { ...p.update, hiredOn: p.hiredOn, labourContractOn: p.labourContractOn });
  await audit(tx, actor, {
    action: 'practitioner.reactivated',
    objectType: 'practitioner',
    objectId: s.subjectId,
    before: { status: 'archived', ...before, mobile: undefined },
    after: { status: 'active', companyId: s.companyId, employmentId: p.employmentId, submissionId: s.id },
  });
};

/** pending → current, or the person already holds a current employment (the partial unique index decides). */
async function approvePending(tx: Tx, practitionerId: string, employmentId: string, today: string) {
  const current = await getCurrentJob(tx, practitionerId);
  if (current) throw new LostRace(`该人员目前在${current.companyName}在职，不能同时在两家企业在职`);
  if (!(await settlePendingEmployment(tx, employmentId, 'current', today))) throw new LostRace('该申请的任职记录已经变化，请刷新后查看');
}

export const MOVE_DECIDERS: Record<'post_change' | 'transfer' | 'exit' | 're_entry', MoveDecider> = {
  post_change: decidePostChange,
  transfer: decideTransfer,
  exit: decideExit,
  re_entry: decideReEntry,
};

