import 'server-only';
/**
 * Supervision (SPEC §3.12; issue 17 items 4, 5).
 *
 * Roster verification (SN 23): the district of an estate (the city: any) records once a year what it checked, the
 * discrepancies and the follow-up; a second visit amends the year's record under its version.
 *
 * Rectification orders (SN 24): the district (the city) orders a company serving estates in its scope to rectify
 * by a deadline (default: the policy's rectificationOrderDays); the company answers with evidence (images
 * re-encoded, ./objections cleanEvidence), again when returned; the district accepts (整改合格) or returns with a
 * reason. Overdue (lib/domain/supervision isOrderOverdue) → 通报批评, public on the company's profile for the 一般
 * warning window, with a verification code (`documents`), then the 约谈 the district records.
 *
 * Caches: the company's public page is emptied by the database trigger on rectification_orders (migration 0013,
 * as 0007 for every public table); pages of the signed-in areas are revalidated by the actions.
 */
import type { Db } from '@/db';
import { getCurrentPolicy } from '@/db/queries/policy';
import {
  amendVerification,
  estateExists,
  getCompanyBrief,
  getOrderForCriticism,
  getOrderInScope,
  getVerifiableEstate,
  getVerification,
  getVerificationInScope,
  insertCriticismDocument,
  insertOrder,
  insertOrderFiles,
  insertVerification,
  linkVerificationOrder,
  listEscalationCandidates,
  listServedEstatesInScope,
  orderExists,
  rosterSummary,
  setOrderAnswer,
  setOrderCriticism,
  setOrderDecision,
  setOrderInterview,
} from '@/db/queries/supervision';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { now as clockNow, today as clockToday } from '@/lib/clock';
import { policyRef } from '@/lib/domain/credit-policy';
import { newTrackingCode } from '@/lib/domain/objections';
import {
  criticismText,
  criticismWindow,
  followUpProblem,
  isOrderOverdue,
  mayAnswerOrder,
  mayDecideOrder,
  mayEscalate,
  verificationYear,
  type RectificationGround,
} from '@/lib/domain/supervision';
import {
  interviewSchema,
  rectificationAnswerSchema,
  rectificationDecisionSchema,
  rectificationEscalationSchema,
  rectificationOrderSchema,
  rosterVerificationSchema,
} from '@/lib/validation/supervision';
import { inTransaction, isUniqueViolation, LostRace } from './errors';
import { cleanEvidence, type EvidenceInput, type EvidenceUpload } from './objections';
import { admitImages } from './upload-limits';

export const LOST_RACE = '该事项已被他人更新，请刷新后再操作';
export const ESCALATION_ACTOR = { label: '系统（逾期整改每日处理）', ip: null };

async function audited<T>(db: Db, actor: Actor, objectType: string, id: string, exists: (db: Db, id: string) => Promise<boolean>, found: T | null): Promise<T | null> {
  if (found) return found;
  if (await exists(db, id)) await audit(db, actor, { action: 'access.out_of_scope', objectType, objectId: id });
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Roster verification (SN 23)

/** Records (version 0) or amends (version n) the year's verification of one estate. */
export async function recordRosterVerification(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; version: number; year: number }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'supervision.verify')) return fail('FORBIDDEN');
  const parsed = rosterVerificationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const estate = await audited(db, actor, 'project', d.projectId, estateExists, await getVerifiableEstate(db, actor, d.projectId));
  if (!estate) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  if (d.verifiedOn > on) return fieldError('verifiedOn', '核查日期不能晚于今天');
  const year = verificationYear(on);
  if (verificationYear(d.verifiedOn) !== year) return fieldError('verifiedOn', `核查日期应在 ${year} 年内`);
  const problem = followUpProblem({ discrepancyCount: d.discrepancyCount, discrepancies: d.discrepancies, followUp: d.followUp });
  if (problem) return fieldError(problem.field, problem.message);
  const existing = await getVerification(db, estate.id, year);
  const orderId = d.followUp === 'order' ? (d.orderId ?? existing?.orderId ?? null) : null;
  if (orderId && !(await getOrderInScope(db, actor, orderId))) return fieldError('orderId', '未找到该整改通知');
  const summary = await rosterSummary(db, estate.id, on);
  const at = opts.now ?? clockNow();
  const values = {
    verifiedOn: d.verifiedOn,
    verifiedBy: actor.userId,
    checks: d.checks,
    note: d.note || null,
    staffCount: summary.staff,
    discrepancyCount: d.discrepancyCount,
    discrepancies: d.discrepancies || null,
    followUp: d.followUp,
    orderId,
    at,
  };
  if (existing ? d.version !== existing.version : d.version !== 0) return fail('CONFLICT', existing ? '本年度的核查记录已被他人更新，请刷新后再修改' : LOST_RACE);
  try {
    return await inTransaction(db, async (tx) => {
      const row = existing
        ? await amendVerification(tx, existing.id, d.version, values)
        : await insertVerification(tx, { ...values, projectId: estate.id, year, districtId: estate.districtId, companyId: estate.companyId });
      if (!row) throw new LostRace('本年度的核查记录已被他人更新，请刷新后再修改');
      const { at: _at, verifiedBy: _by, ...after } = values;
      await audit(tx, actor, {
        action: existing ? 'roster.verification.amended' : 'roster.verification.recorded',
        objectType: 'roster_verification',
        objectId: row.id,
        before: existing ? { version: existing.version, checks: existing.checks, discrepancyCount: existing.discrepancyCount, followUp: existing.followUp } : null,
        after: { projectId: estate.id, year, ...after },
      });
      return ok({ id: row.id, version: row.version, year });
    });
  } catch (e) {
    // Two first verifications of the same estate and year at once: the unique index keeps one.
    if (isUniqueViolation(e)) return fail('CONFLICT', '本年度的核查记录已被他人录入，请刷新后再修改');
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Rectification orders (SN 24)

/** The district (the city) orders a company serving estates in its scope to rectify by a deadline. */
export async function issueRectificationOrder(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<{ id: string; dueOn: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.order')) return fail('FORBIDDEN');
  const parsed = rectificationOrderSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const company = await getCompanyBrief(db, d.companyId);
  // The estates it serves in the actor's scope: none → the company is out of scope (looks missing).
  const served = company ? await listServedEstatesInScope(db, actor, company.id) : [];
  if (!company || served.length === 0) return fieldError('companyId', '本辖区没有该企业服务的小区，请重新选择');
  if (d.projectIds.length === 0) return fieldError('projectIds', '请至少选择一个涉及的小区');
  const estates = d.projectIds.map((id) => served.find((s) => s.id === id));
  if (estates.some((e) => !e)) return fieldError('projectIds', '请从该企业在本辖区服务的小区中选择');
  const on = opts.today ?? clockToday();
  if (d.dueOn <= on) return fieldError('dueOn', '整改期限应晚于今天');
  const verification = d.verificationId ? await getVerificationInScope(db, actor, d.verificationId) : null;
  if (d.verificationId && (!verification || verification.companyId !== company.id)) return fieldError('verificationId', '未找到该企业的核查记录');
  const districtId = actor.role === 'district' ? actor.districtId! : estates[0]!.districtId;
  const policy = await getCurrentPolicy(db);
  return inTransaction(db, async (tx) => {
    const row = await insertOrder(tx, {
      companyId: company.id,
      districtId,
      ground: d.ground,
      facts: d.facts,
      projectIds: d.projectIds,
      verificationId: verification?.id ?? null,
      issuedOn: on,
      dueOn: d.dueOn,
      issuedBy: actor.userId,
      policyVersion: policyRef(policy.version),
    });
    if (verification) await linkVerificationOrder(tx, verification.id, row.id);
    await audit(tx, actor, {
      action: 'rectification.order.issued',
      objectType: 'rectification_order',
      objectId: row.id,
      after: { companyId: company.id, districtId, ground: d.ground, projectIds: d.projectIds, issuedOn: on, dueOn: d.dueOn, verificationId: verification?.id ?? null, policyVersion: policy.version },
    });
    return ok({ id: row.id, dueOn: d.dueOn });
  });
}

async function orderInScope(db: Db, actor: Actor, id: string) {
  return audited(db, actor, 'rectification_order', id, orderExists, await getOrderInScope(db, actor, id));
}

const readUploads = async (evidence: EvidenceInput | undefined): Promise<EvidenceUpload[]> =>
  !evidence ? [] : Array.isArray(evidence) ? evidence : await evidence.read();

/** The company answers its order (text + evidence), also again after a return and after the deadline. */
export async function answerRectificationOrder(
  db: Db,
  actor: Actor | null,
  input: { data: unknown; evidence?: EvidenceInput },
  opts: { today?: string; now?: Date } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.answer')) return fail('FORBIDDEN');
  const parsed = rectificationAnswerSchema.safeParse(input?.data);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const order = await orderInScope(db, actor, d.orderId);
  if (!order) return fail('NOT_FOUND');
  if (!mayAnswerOrder(order)) return fail('CONFLICT', order.status === 'accepted' ? '该整改已验收合格' : '整改情况已报送，请等待主管部门验收');
  if (order.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const at = opts.now ?? clockNow();
  const uploads = await readUploads(input.evidence);
  const admitted = await admitImages(db, actor, { evidence: uploads }, { at });
  if (!admitted.ok) return admitted;
  const cleaned = await cleanEvidence(uploads);
  if (!cleaned.ok) return cleaned;
  const files = cleaned.data.map((f, i) => ({ ...f, filename: `整改材料-${order.history.filter((h) => h.kind === 'answer').length + 1}-${i + 1}.${f.extension}` }));
  const on = opts.today ?? clockToday();
  return inTransaction(db, async (tx) => {
    const row = await setOrderAnswer(tx, { id: order.id, expectedVersion: d.version, answer: d.answer, on, at, files: files.length });
    if (!row) throw new LostRace(LOST_RACE);
    await insertOrderFiles(tx, order.id, files, actor.userId);
    await audit(tx, actor, { action: 'rectification.order.answered', objectType: 'rectification_order', objectId: order.id, before: { status: order.status }, after: { status: row.status, answeredOn: on, files: files.length } });
    return ok({ id: order.id, status: row.status });
  });
}

/** The district accepts (整改合格) or returns (with the reason) an answered order. */
export async function decideRectificationOrder(db: Db, actor: Actor | null, input: unknown, opts: { today?: string; now?: Date } = {}): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.order')) return fail('FORBIDDEN');
  const parsed = rectificationDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const order = await orderInScope(db, actor, d.orderId);
  if (!order) return fail('NOT_FOUND');
  if (!mayDecideOrder(order)) return fail('CONFLICT', order.status === 'accepted' ? '该整改已验收合格' : '企业尚未报送整改情况');
  if (order.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const on = opts.today ?? clockToday();
  return inTransaction(db, async (tx) => {
    const row = await setOrderDecision(tx, { id: order.id, expectedVersion: d.version, outcome: d.outcome, reason: d.reason, on, by: actor.userId, at: opts.now ?? clockNow() });
    if (!row) throw new LostRace(LOST_RACE);
    await audit(tx, actor, {
      action: d.outcome === 'accept' ? 'rectification.order.accepted' : 'rectification.order.returned',
      objectType: 'rectification_order',
      objectId: order.id,
      before: { status: order.status },
      after: { status: row.status, reason: d.outcome === 'return' ? d.reason : null },
    });
    return ok({ id: order.id, status: row.status });
  });
}

/** Issues the 通报批评 of one overdue order in `tx` (the caller's transaction); null when it already has one. */
async function criticise(tx: Db, who: Actor | typeof ESCALATION_ACTOR, orderId: string, today: string, expectedVersion?: number) {
  const o = await getOrderForCriticism(tx, orderId);
  if (!o || !mayEscalate(o, today)) return null;
  const policy = await getCurrentPolicy(tx);
  const window = criticismWindow(today, policy.settings);
  const text = criticismText({ companyName: o.companyName, districtName: o.districtName, ground: o.ground as RectificationGround, issuedOn: o.issuedOn, dueOn: o.dueOn, criticizedOn: today });
  const code = newTrackingCode();
  const row = await setOrderCriticism(tx, { id: o.id, expectedVersion, on: today, until: window.until, text, code });
  if (!row) return null;
  const by = 'userId' in who ? who.userId : null;
  await insertCriticismDocument(tx, {
    code,
    orderId: o.id,
    issuedBy: by,
    validUntil: window.until,
    summary: { title: '通报批评', companyName: o.companyName, uscc: o.uscc, districtName: o.districtName, ground: o.ground, issuedOn: o.issuedOn, dueOn: o.dueOn, criticizedOn: today, publicUntil: window.until, text },
  });
  await audit(tx, who, {
    action: 'rectification.order.criticised',
    objectType: 'rectification_order',
    objectId: o.id,
    after: { companyId: o.companyId, criticizedOn: today, publicUntil: window.until, code, policyVersion: policy.version },
  });
  return { id: o.id, code, until: window.until };
}

/**
 * The daily job: every order overdue on `today` without a criticism gets its 通报批评 (each in its own
 * transaction). Idempotent: a second run the same day (or any later day) finds nothing more to do.
 */
export async function escalateOverdueRectifications(db: Db, today: string): Promise<{ escalated: { id: string; code: string; until: string }[] }> {
  const escalated: { id: string; code: string; until: string }[] = [];
  const failed: string[] = [];
  for (const c of await listEscalationCandidates(db, today)) {
    if (!isOrderOverdue(c, today)) continue;
    // One order's failure does not hold back the others; the step is reported failed afterwards (and retried).
    try {
      const done = await db.transaction(async (tx) => criticise(tx as unknown as Db, ESCALATION_ACTOR, c.id, today));
      if (done) escalated.push(done);
    } catch (e) {
      console.error(`[supervision] escalating order ${c.id} failed:`, e);
      failed.push(c.id);
    }
  }
  if (failed.length) throw new Error(`通报批评失败的整改通知：${failed.join('，')}（已处理 ${escalated.length} 件）`);
  return { escalated };
}

/** The district's escalation of one overdue order (after the check-your-answers step), under its version. */
export async function escalateRectificationOrder(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<{ id: string; code: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.order')) return fail('FORBIDDEN');
  const parsed = rectificationEscalationSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const order = await orderInScope(db, actor, d.orderId);
  if (!order) return fail('NOT_FOUND');
  const on = opts.today ?? clockToday();
  if (order.criticizedOn) return fail('CONFLICT', '该企业已因本整改通知被通报批评');
  if (!mayEscalate(order, on)) return fail('CONFLICT', '整改尚未逾期，不能通报批评');
  if (order.version !== d.version) return fail('CONFLICT', LOST_RACE);
  return inTransaction(db, async (tx) => {
    const done = await criticise(tx as unknown as Db, actor, order.id, on, d.version);
    if (!done) throw new LostRace(LOST_RACE);
    return ok({ id: done.id, code: done.code });
  });
}

/** The district records the 约谈 held after the criticism (when, where, who attended, what was said). */
export async function recordRectificationInterview(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'rectification.order')) return fail('FORBIDDEN');
  const parsed = interviewSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const order = await orderInScope(db, actor, d.orderId);
  if (!order) return fail('NOT_FOUND');
  if (!order.criticizedOn) return fail('CONFLICT', '通报批评之后再记录约谈');
  if (d.heldOn > (opts.today ?? clockToday())) return fieldError('heldOn', '约谈日期不能晚于今天');
  if (order.version !== d.version) return fail('CONFLICT', LOST_RACE);
  const interview = { heldOn: d.heldOn, place: d.place, attendees: d.attendees, summary: d.summary };
  return inTransaction(db, async (tx) => {
    const row = await setOrderInterview(tx, { id: order.id, expectedVersion: d.version, interview, by: actor.userId });
    if (!row) throw new LostRace(LOST_RACE);
    await audit(tx, actor, { action: 'rectification.order.interviewed', objectType: 'rectification_order', objectId: order.id, before: { interview: order.interview }, after: { interview } });
    return ok({ id: order.id });
  });
}
