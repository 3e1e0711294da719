/**
 * Service contracts (ZJ 7, ZJ 9; SPEC §3.2): a company registers, files a non-renewal notice or records an
 * early exit; a district (or the city) confirms or rejects.
 *
 * Plain functions, no Next.js: the 'use server' wrappers and the integration tests call them alike. Each one:
 * who (anonymous → UNAUTHENTICATED, wrong role → FORBIDDEN) → parse (INVALID with Chinese field errors) →
 * the object looked up with the actor's scope in the WHERE (out of scope → NOT_FOUND, written to the audit
 * log) → one transaction (change + audit row) → typed result.
 */
import type { Db } from '@/db';
import {
  closeContractSubmission,
  contractExists,
  endExpiredContracts,
  findContractForBureau,
  findContractOfCompany,
  getCompanyStanding,
  getProjectBasic,
  insertContract,
  listLiveContractsOfProject,
  setProjectCompany,
  updateContractLocked,
} from '@/db/queries/contracts';
import { activeMarketBan } from '@/db/queries/ratings';
import { getCurrentPolicy } from '@/db/queries/policy';
import { insertSubmission } from '@/db/queries/submissions';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { noticeLateness, periodsOverlap } from '@/lib/domain/contracts';
import { addCalendarDays } from '@/lib/domain/working-days';
import {
  contractDecisionSchema,
  contractRegistrationSchema,
  earlyExitSchema,
  nonRenewalNoticeSchema,
} from '@/lib/validation/contract';
import { LostRace, Rollback } from './errors';
import { allowed, refused } from './gate';

export interface ServiceOpts {
  today?: string;
}

const TAKEN = '该合同已被他人处理，请刷新后查看';

async function outOfScope(db: Db, actor: Actor, id: string) {
  if (await contractExists(db, id)) {
    await audit(db, actor, { action: 'access.out_of_scope', objectType: 'service_contract', objectId: id });
  }
  return fail('NOT_FOUND');
}

/** The company's contract a form names, as it was when the form was read (the optimistic lock's first check). */
async function companyContractAt(db: Db, actor: Actor, v: { contractId: string; version: number }) {
  const contract = await findContractOfCompany(db, actor, v.contractId);
  if (!contract) return outOfScope(db, actor, v.contractId);
  if (contract.version !== v.version) return fail('CONFLICT', TAKEN);
  return ok(contract);
}

async function runLocked<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await fn());
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    throw err;
  }
}

/** Whether the company may take a project now: filing approved (ZJ 7) and no market ban (DW 14). */
async function standingProblem(db: Db, companyId: string, today: string): Promise<string | null> {
  const c = await getCompanyStanding(db, companyId);
  if (!c) return '未找到企业信息';
  if (c.bannedUntil && c.bannedUntil >= today) return `企业处于物业服务市场禁入期（至 ${c.bannedUntil}），不能承接新项目`;
  const ban = await activeMarketBan(db, companyId, today);
  if (ban) return `企业因整改不合格被列入黑榜市场禁入（DW 第十四条，至 ${ban.until ?? '另行通知'}），不能登记新的物业服务合同`;
  if (c.filingStatus !== 'approved') return '企业备案尚未通过，不能登记物业服务合同（ZJ 7：先备案，后承接项目）';
  return null;
}

/** A new contract may not overlap a confirmed contract of the estate, nor a pending one of the same company. */
function overlapProblem(
  live: { companyId: string; startDate: string; endDate: string; status: string }[],
  c: { companyId: string; startDate: string; endDate: string },
): string | null {
  for (const o of live) {
    if (!periodsOverlap(o, c)) continue;
    if (o.status === 'confirmed') {
      return `该项目现有物业服务合同至 ${o.endDate} 止，新合同应自 ${addCalendarDays(o.endDate, 1)} 起`;
    }
    if (o.status === 'pending' && o.companyId === c.companyId) return '本企业已为该项目登记了同期合同，正在等待区县确认';
  }
  return null;
}

export async function registerContract(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: ServiceOpts = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'project.contract.file') || !actor.companyId) return refused(actor);
  const today = opts.today ?? clockToday();
  const policy = await getCurrentPolicy(db);
  const parsed = contractRegistrationSchema(policy.settings.bond).safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const companyId = actor.companyId;

  const standing = await standingProblem(db, companyId, today);
  if (standing) return fail('FORBIDDEN', standing);
  const project = await getProjectBasic(db, v.projectId);
  if (!project) return fail('NOT_FOUND', '未找到该物业项目');
  const overlap = overlapProblem(await listLiveContractsOfProject(db, project.id), { companyId, ...v });
  if (overlap) return fieldError('startDate', overlap);

  const id = await db.transaction(async (tx) => {
    const row = await insertContract(tx, { ...v, companyId });
    await insertSubmission(tx, {
      type: 'contract',
      companyId,
      districtId: project.districtId,
      projectId: project.id,
      subjectType: 'service_contract',
      subjectId: row.id,
      payload: { ...v, policyVersion: policy.version },
      submittedBy: actor.userId,
    });
    await audit(tx, actor, { action: 'contract.registered', objectType: 'service_contract', objectId: row.id, after: row });
    return row.id;
  });
  return ok({ id });
}

export async function fileNonRenewalNotice(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: ServiceOpts = {},
): Promise<ActionResult<{ id: string; late: boolean; daysShort: number }>> {
  if (!allowed(actor, 'project.contract.notice')) return refused(actor);
  const parsed = nonRenewalNoticeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const today = opts.today ?? clockToday();
  const found = await companyContractAt(db, actor, v);
  if (!found.ok) return found;
  const contract = found.data;
  if (contract.status !== 'confirmed') return fail('INVALID', '只有已确认、正在履行的合同可以登记不续约告知');
  if (contract.nonRenewalNoticeOn) return fail('CONFLICT', `该合同已于 ${contract.nonRenewalNoticeOn} 登记不续约告知`);
  if (v.noticeOn > today) return fieldError('noticeOn', '书面告知日期不能晚于今天');
  if (v.noticeOn < contract.startDate || v.noticeOn > contract.endDate) {
    return fieldError('noticeOn', `书面告知日期应在合同期内（${contract.startDate} 至 ${contract.endDate}）`);
  }
  const policy = await getCurrentPolicy(db);
  const lateness = noticeLateness(contract.endDate, v.noticeOn, policy.settings.nonRenewalNoticeDays);

  return runLocked(() =>
    db.transaction(async (tx) => {
      const after = await updateContractLocked(tx, contract.id, v.version, 'confirmed', { nonRenewalNoticeOn: v.noticeOn });
      if (!after) throw new LostRace(TAKEN);
      await audit(tx, actor, {
        action: 'contract.non_renewal_notice',
        objectType: 'service_contract',
        objectId: contract.id,
        before: { nonRenewalNoticeOn: null, version: contract.version },
        after: { nonRenewalNoticeOn: v.noticeOn, note: v.note || null, ...lateness, noticeDays: policy.settings.nonRenewalNoticeDays, policyVersion: policy.version, version: after.version },
      });
      return { id: contract.id, late: lateness.late, daysShort: lateness.daysShort };
    }),
  );
}

/**
 * Leaving the estate before the contract ends (DW 11.2). Stored on the contract; the credit-records work
 * turns an exit without valid reason or without handover into a warning record.
 */
export async function recordEarlyExit(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: ServiceOpts = {},
): Promise<ActionResult<{ id: string }>> {
  if (!allowed(actor, 'project.contract.exit')) return refused(actor);
  const parsed = earlyExitSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const found = await companyContractAt(db, actor, v);
  if (!found.ok) return found;
  const contract = found.data;
  if (contract.status !== 'confirmed') return fail('INVALID', '只有已确认、正在履行的合同可以登记提前撤出');
  const today = opts.today ?? clockToday();
  if (v.exitedOn > today) return fieldError('exitedOn', '撤出日期不能晚于今天');
  if (v.exitedOn < contract.startDate || v.exitedOn >= contract.endDate) {
    return fieldError('exitedOn', `提前撤出日期应在合同期内且早于合同结束日期（${contract.startDate} 至 ${contract.endDate}）`);
  }
  const project = await getProjectBasic(db, contract.projectId);

  return runLocked(() =>
    db.transaction(async (tx) => {
      const after = await updateContractLocked(tx, contract.id, v.version, 'confirmed', {
        status: 'terminated',
        exitedOn: v.exitedOn,
        exitReason: v.reason,
        handoverDone: v.handoverDone,
      });
      if (!after) throw new LostRace(TAKEN);
      // The estate no longer has this company serving it.
      if (project?.currentCompanyId === contract.companyId) await setProjectCompany(tx, contract.projectId, null);
      await audit(tx, actor, {
        action: 'contract.exited',
        objectType: 'service_contract',
        objectId: contract.id,
        before: { status: contract.status, version: contract.version },
        after: { status: after.status, exitedOn: v.exitedOn, exitReason: v.reason, handoverDone: v.handoverDone, version: after.version },
      });
      return { id: contract.id };
    }),
  );
}

/** District (own district) or city confirms or rejects a registered contract. Two reviewers: one wins. */
export async function decideContract(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: ServiceOpts = {},
): Promise<ActionResult<{ id: string; status: 'confirmed' | 'rejected' }>> {
  if (!allowed(actor, 'project.contract.confirm')) return refused(actor);
  const parsed = contractDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const today = opts.today ?? clockToday();
  const contract = await findContractForBureau(db, actor, v.id);
  if (!contract) return outOfScope(db, actor, v.id);
  if (contract.status !== 'pending' || contract.version !== v.version) return fail('CONFLICT', TAKEN);

  if (v.decision === 'confirm') {
    const standing = await standingProblem(db, contract.companyId, today);
    if (standing) return fail('INVALID', standing);
    const others = (await listLiveContractsOfProject(db, contract.projectId)).filter((o) => o.id !== contract.id && o.status === 'confirmed');
    const clash = others.find((o) => periodsOverlap(o, contract));
    if (clash) return fail('INVALID', `与该项目已确认的合同（${clash.startDate} 至 ${clash.endDate}）期限重叠，不能确认`);
  }
  const project = await getProjectBasic(db, contract.projectId);
  const status = v.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const);

  return runLocked(() =>
    db.transaction(async (tx) => {
      const after = await updateContractLocked(tx, contract.id, v.version, 'pending', { status, confirmed: status === 'confirmed' });
      if (!after) throw new LostRace(TAKEN);
      let ended: { id: string }[] = [];
      let companyChanged = false;
      if (status === 'confirmed') {
        // When the new contract has started (or nobody serves the estate), it decides who serves it; earlier
        // confirmed contracts that ran out before it starts are ended. A future contract takes over at its start.
        if (after.startDate <= today || !project?.currentCompanyId) {
          ended = after.startDate <= today ? await endExpiredContracts(tx, contract.projectId, after.startDate, contract.id) : [];
          if (project?.currentCompanyId !== contract.companyId) {
            await setProjectCompany(tx, contract.projectId, contract.companyId);
            companyChanged = true;
          }
        }
      }
      await closeContractSubmission(tx, contract.id, {
        decision: status === 'confirmed' ? 'approved' : 'rejected',
        reason: v.reason,
        decidedBy: actor.userId,
      });
      await audit(tx, actor, {
        action: status === 'confirmed' ? 'contract.confirmed' : 'contract.rejected',
        objectType: 'service_contract',
        objectId: contract.id,
        before: { status: contract.status, version: contract.version, projectCompanyId: project?.currentCompanyId ?? null },
        after: {
          status,
          version: after.version,
          reason: v.reason || null,
          endedContracts: ended.map((e) => e.id),
          projectCompanyId: companyChanged ? contract.companyId : (project?.currentCompanyId ?? null),
        },
      });
      return { id: contract.id, status };
    }),
  );
}
