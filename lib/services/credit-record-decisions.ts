import 'server-only';
/**
 * The bureau's decisions on company credit records (DW 8.2; CQ 三.(四)) and the company's statement on its own:
 * confirm a report's points (and a warning's severity), decline it, publish a penalty that waited. A confirmed
 * warning sends the company its notice (两书同达) in the same transaction. Reports and entries: credit-records.ts.
 */
import type { Db, Queryable, Tx } from '@/db';
import {
  confirmCreditRecordRow,
  creditRecordExists,
  getCreditRecordInScope,
  insertRecordNotice,
  publishCreditRecordRow,
  rejectCreditRecordRow,
  setCreditStatementRow,
  settleReportSubmission,
  type CreditRecordView,
} from '@/db/queries/credit-records';
import { getCurrentPolicy } from '@/db/queries/policy';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { policyRef } from '@/lib/domain/credit-policy';
import { newTrackingCode } from '@/lib/domain/objections';
import { LIST_RULES } from '@/lib/domain/credit-rating';
import type { CreditPolicy } from '@/lib/domain/credit-policy';
import { PLAN_CHANGED, PLAN_UNSEEN, planFingerprint } from '@/lib/domain/publication';
import { creditWindow, penaltyPublishBy, warningNoticeText, type Severity } from '@/lib/domain/records';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { confirmRecordSchema, publishRecordSchema, rejectRecordSchema, statementSchema } from '@/lib/validation/credit';
import { inTransaction, isUniqueViolation, LostRace } from './errors';
import { recordListRule, syncRecordListEntry } from './list-entries';

export const DECIDED_BY_OTHER = '该记录已被其他审核人处理';

// ---------------------------------------------------------------------------------------------------------
// Notice to the company (两书同达)

export async function sendWarningNotice(
  tx: Queryable,
  actor: Actor,
  rec: { id: string; companyId: string; districtId: string | null },
  text: { title: string; body: string },
  code: string,
) {
  await insertRecordNotice(tx, { companyId: rec.companyId, districtId: rec.districtId, recordId: rec.id, title: text.title, body: text.body, createdBy: actor.userId, code });
}

// ---------------------------------------------------------------------------------------------------------
// Reports

// ---------------------------------------------------------------------------------------------------------
// The bureau's decisions

/** A record in the actor's scope, or null for NOT_FOUND (an existing record out of scope is logged). */
export async function recordInScope(db: Db, actor: Actor, id: string): Promise<CreditRecordView | null> {
  const rec = await getCreditRecordInScope(db, actor, id);
  if (!rec && (await creditRecordExists(db, id))) {
    await audit(db, actor, { action: 'access.out_of_scope', objectType: 'credit_record', objectId: id });
  }
  return rec;
}

/** A reported record still waiting, at the version the reviewer saw, or the answer that says why not. */
async function pendingRecord(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
): Promise<{ ok: true; rec: CreditRecordView } | { ok: false; result: ActionResult<never> }> {
  const rec = await recordInScope(db, actor, id);
  if (!rec) return { ok: false, result: fail('NOT_FOUND') };
  if (rec.status !== 'submitted') return { ok: false, result: fail('CONFLICT', DECIDED_BY_OTHER) };
  if (rec.version !== expectedVersion) return { ok: false, result: fail('CONFLICT', '该记录已更新，请刷新后重新审核') };
  return { ok: true, rec };
}

/**
 * One change to a record, in one transaction: the guarded update (nothing updated → CONFLICT with `lost`), any
 * further steps, then its audit row.
 */
async function changeRecord<Row, R>(
  db: Db,
  actor: Actor,
  id: string,
  change: {
    update: (tx: Tx) => Promise<Row | null | undefined>;
    lost: string;
    then?: (tx: Tx) => Promise<void>;
    action: string;
    before: Record<string, unknown>;
    after: (done: Row) => Record<string, unknown>;
    result: R;
  },
): Promise<ActionResult<R>> {
  return inTransaction(db, async (tx) => {
    const done = await change.update(tx);
    if (!done) throw new LostRace(change.lost);
    await change.then?.(tx);
    await audit(tx, actor, { action: change.action, objectType: 'credit_record', objectId: id, before: change.before, after: change.after(done) });
    return ok(change.result);
  });
}

/** What confirming a warning record makes public and sets off: exactly what the check-your-answers step shows. */
export interface RecordConfirmationPlan {
  id: string;
  companyName: string;
  projectName: string | null;
  type: string;
  occurredOn: string;
  description: string;
  issuer: string | null;
  severity: Severity;
  points: string;
  /** False for a minor warning the policy keeps off the public pages (it still counts in the evaluation). */
  shownToPublic: boolean;
  publishedOn: string;
  minPublicUntil: string | null;
  publicUntil: string;
  /** The list the record puts the company on for its window, if any (the rule syncRecordListEntry applies). */
  list: { list: 'red' | 'black'; label: string; since: string; until: string } | null;
  /** The notice the company receives (两书同达); its number is given on confirmation. */
  notice: string;
}

export interface RecordConfirmationPreview {
  plan: RecordConfirmationPlan;
  fingerprint: string;
}

const NOTICE_NUMBER_LATER = '（确认后生成）';

/** The plan of confirming a warning record with these points and severity today: pure, shared by the preview and the confirmation. */
function warningConfirmationPlan(rec: CreditRecordView, severity: Severity, points: string, on: string, policy: CreditPolicy): RecordConfirmationPlan {
  const window = creditWindow('warning', severity, on, policy);
  // A reported warning is never a veto (DW 11 records are entered by the bureau, confirmed at once).
  const rule = recordListRule({ category: rec.category, severity, vetoType: null });
  const notice = warningNoticeText({ ...rec, severity, points, publishedOn: on, ...window }, NOTICE_NUMBER_LATER, policy);
  return {
    id: rec.id,
    companyName: rec.companyName,
    projectName: rec.projectName,
    type: rec.type,
    occurredOn: rec.occurredOn,
    description: rec.description,
    issuer: rec.issuer,
    severity,
    points: Number(points).toFixed(2),
    shownToPublic: !(severity === '轻微' && !policy.publishMinorWarnings),
    publishedOn: on,
    minPublicUntil: window.minPublicUntil,
    publicUntil: window.publicUntil,
    list: rule ? { list: LIST_RULES[rule].list, label: LIST_RULES[rule].label, since: on, until: window.publicUntil } : null,
    notice: notice.body,
  };
}

/** The checks confirming and previewing share: who, which record at which version, what severity. */
async function confirmable(
  db: Db,
  actor: Actor | null,
  input: unknown,
): Promise<{ ok: false; result: ActionResult<never> } | { ok: true; actor: Actor; rec: CreditRecordView; severity: Severity | null; points: string; fingerprint: string | undefined; expectedVersion: number }> {
  if (!actor) return { ok: false, result: fail('UNAUTHENTICATED') };
  if (!can(actor, 'credit.confirm')) return { ok: false, result: fail('FORBIDDEN') };
  const parsed = confirmRecordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, result: invalid(parsed.error) };
  const d = parsed.data;
  const pending = await pendingRecord(db, actor, d.id, d.expectedVersion);
  if (!pending.ok) return pending;
  const { rec } = pending;
  if (rec.category !== 'performance' && rec.category !== 'warning') return { ok: false, result: fail('CONFLICT', '基本信用信息不需要确认分值') };
  const severity = rec.category === 'warning' ? (d.severity ?? rec.severity) : null;
  if (rec.category === 'warning' && !severity) return { ok: false, result: fieldError('severity', '请选择情节轻重') };
  return { ok: true, actor, rec, severity, points: String(d.points), fingerprint: d.fingerprint, expectedVersion: d.expectedVersion };
}

/**
 * The check-your-answers step before confirming a warning record: the record as the public will read it, its
 * publicity window, the list it puts the company on and the notice the company receives, with the fingerprint
 * the confirmation must carry.
 */
export async function previewRecordConfirmation(db: Db, actor: Actor | null, input: unknown, opts: { today?: string } = {}): Promise<ActionResult<RecordConfirmationPreview>> {
  const c = await confirmable(db, actor, input);
  if (!c.ok) return c.result;
  if (c.rec.category !== 'warning' || !c.severity) return fail('CONFLICT', '业绩信息确认后直接公布，无需核对');
  const policy = await getCurrentPolicy(db);
  const plan = warningConfirmationPlan(c.rec, c.severity, c.points, opts.today ?? clockToday(), policy.settings);
  return ok({ plan, fingerprint: planFingerprint(plan) });
}

/**
 * DW 8.2: the bureau confirms a reported record's points (and a warning's severity). It is published today:
 * its window is fixed now by the current policy, whose version it keeps. A warning sends the company its notice,
 * and is confirmed only with the fingerprint of the check-your-answers step it went through.
 */
export async function confirmCreditRecord(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; noticeCode: string | null }>> {
  const c = await confirmable(db, actor, input);
  if (!c.ok) return c.result;
  const { rec, severity, points } = c;
  const who = c.actor;
  const on = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  if (rec.category === 'warning') {
    if (!c.fingerprint) return fieldError('fingerprint', PLAN_UNSEEN, 'CONFLICT');
    if (planFingerprint(warningConfirmationPlan(rec, severity!, points, on, policy.settings)) !== c.fingerprint) return fail('CONFLICT', PLAN_CHANGED);
  }
  const window = creditWindow(rec.category as 'performance' | 'warning', severity, on, policy.settings);
  const noticeCode = rec.category === 'warning' ? newTrackingCode() : null;
  // CQ 三.(四): a reported penalty (a department's, DW 8.1.4) is published on confirmation; whether that kept the
  // 7-working-day deadline from its decision is recorded, as publishPenalty records it.
  let late: boolean | undefined;
  if (rec.isPenalty && rec.decisionOn) {
    await ensureHolidayCalendar(db);
    late = on > penaltyPublishBy(rec.decisionOn, policy.settings);
  }

  try {
    const result = await changeRecord(db, who, rec.id, {
      update: (tx) =>
        confirmCreditRecordRow(tx, rec.id, c.expectedVersion, {
          points,
          severity,
          publishedOn: on,
          minPublicUntil: window.minPublicUntil,
          publicUntil: window.publicUntil,
          policyVersion: policyRef(policy.version),
          decidedBy: who.userId,
          noticeCode,
        }),
      lost: DECIDED_BY_OTHER,
      then: async (tx) => {
        await settleReportSubmission(tx, rec.id, 'approved', null, who.userId);
        if (rec.category === 'warning' && noticeCode && severity) {
          const text = warningNoticeText({ ...rec, severity, points, publishedOn: on, ...window }, noticeCode, policy.settings);
          await sendWarningNotice(tx, who, rec, text, noticeCode);
        }
        await syncRecordListEntry(tx, who, rec.id, on, policy.version);
      },
      action: 'credit.record.confirmed',
      before: { status: rec.status, version: rec.version, proposedPoints: rec.proposedPoints, severity: rec.severity },
      after: (done) => ({ status: done.status, points, severity, publishedOn: on, minPublicUntil: window.minPublicUntil, publicUntil: window.publicUntil, policyVersion: done.policyVersion, noticeCode, fingerprint: c.fingerprint ?? null, ...(late === undefined ? {} : { late }) }),
      result: { id: rec.id, noticeCode },
    });
    return result;
  } catch (e) {
    if (isUniqueViolation(e)) return fail('CONFLICT', '提交未成功，请重新提交');
    throw e;
  }
}

/** The bureau does not take a report up; the reporter sees the reason. */
export async function rejectCreditRecord(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'credit.confirm')) return fail('FORBIDDEN');
  const parsed = rejectRecordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const pending = await pendingRecord(db, actor, d.id, d.expectedVersion);
  if (!pending.ok) return pending.result;
  const { rec } = pending;
  return changeRecord(db, actor, rec.id, {
    update: (tx) => rejectCreditRecordRow(tx, rec.id, d.expectedVersion, d.reason, actor.userId),
    lost: DECIDED_BY_OTHER,
    then: (tx) => settleReportSubmission(tx, rec.id, 'rejected', d.reason, actor.userId),
    action: 'credit.record.rejected',
    before: { status: rec.status, version: rec.version },
    after: (done) => ({ status: done.status, reason: d.reason }),
    result: { id: rec.id },
  });
}

/** CQ 三.(四): publishes a confirmed penalty that waited; its window starts today. */
export async function publishPenalty(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; publishedOn: string; late: boolean }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'credit.warning.enter')) return fail('FORBIDDEN');
  const parsed = publishRecordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const rec = await recordInScope(db, actor, d.id);
  if (!rec) return fail('NOT_FOUND');
  if (!rec.isPenalty || rec.status !== 'approved' || rec.publishedOn || !rec.severity || !rec.decisionOn) {
    return fail('CONFLICT', '该记录不是待公布的行政处罚信息，或已经公布');
  }
  if (rec.version !== d.expectedVersion) return fail('CONFLICT', '该记录已更新，请刷新后再试');
  const on = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const window = creditWindow('warning', rec.severity, on, policy.settings);
  await ensureHolidayCalendar(db);
  const late = on > penaltyPublishBy(rec.decisionOn, policy.settings);
  const result = await changeRecord(db, actor, rec.id, {
    update: (tx) =>
      publishCreditRecordRow(tx, rec.id, d.expectedVersion, {
        publishedOn: on,
        minPublicUntil: window.minPublicUntil,
        publicUntil: window.publicUntil,
        policyVersion: policyRef(policy.version),
      }),
    lost: '该处罚信息已由他人公布',
    then: async (tx) => {
      await syncRecordListEntry(tx, actor, rec.id, on, policy.version);
    },
    action: 'credit.penalty.published',
    before: { publishedOn: null, version: rec.version },
    after: (done) => ({ publishedOn: on, minPublicUntil: window.minPublicUntil, publicUntil: window.publicUntil, policyVersion: done.policyVersion, late }),
    result: { id: rec.id, publishedOn: on, late },
  });
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// The company's statement

/** The company attaches (or replaces, or with a blank removes) its short public statement on its own confirmed record. */
export async function setRecordStatement(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string; statement: string | null }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'record.statement') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = statementSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const rec = await recordInScope(db, actor, d.id);
  if (!rec) return fail('NOT_FOUND');
  if (rec.status !== 'approved') return fieldError('statement', '只能对已确认的信用记录发表声明', 'CONFLICT');
  const statement = d.statement === '' ? null : d.statement;
  return changeRecord(db, actor, rec.id, {
    update: (tx) => setCreditStatementRow(tx, rec.id, actor.companyId!, statement),
    lost: '该记录状态已变化，请刷新后再试',
    action: 'credit.statement.set',
    before: { statement: rec.statement },
    after: () => ({ statement }),
    result: { id: rec.id, statement },
  });
}
