import 'server-only';
/**
 * Company filing (备案) and changes of basic information (SPEC §3.1; ZJ 7, DW 4, DW 8.1.1).
 *
 * Services take the database and the actor explicitly and import nothing from Next.js, so that the
 * integration tests exercise exactly what the server actions run. Each one: who (role) → parse → scope (in the
 * query) → one transaction with its audit row → typed result.
 */
import type { Db } from '@/db';
import {
  applyApprovedFiling,
  basicsAsInput,
  getCompanyBasics,
  getFilingInScope,
  hasGreenChannel,
  insertAttachment,
  insertFiling,
  setAttachmentOwner,
  setCompanyFilingStatus,
  updateOpenFiling,
  usccTakenByOther,
  withdrawFiling as withdrawFilingRow,
  type CompanyBasics,
  type FilingPayload,
  type FilingType,
} from '@/db/queries/company-filing';
import { activeMarketBan } from '@/db/queries/ratings';
import { decideSubmission, findByIdempotencyKey, submissionExists } from '@/db/queries/submissions';
import { fail, fieldError, invalid, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { cleanDocument, UploadError } from '@/lib/uploads/files';
import { companyFilingSchema, filingDecisionSchema, LICENCE_MAX_BYTES, type CompanyFilingInput } from '@/lib/validation/company';
import { z } from 'zod';
import { allowed, refused } from './gate';
import { inTransaction, LostRace, Rollback } from './errors';
import { admitImages } from './upload-limits';

/** The fields printed on the business licence: changing one needs the new licence. */
const LICENCE_FIELDS = ['name', 'address', 'registeredCapital', 'legalRepresentative'] as const;

export const FIELD_LABELS: Record<keyof CompanyFilingInput, string> = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  address: '注册地址',
  registeredCapital: '注册资本（万元）',
  legalRepresentative: '法定代表人',
  contactPhone: '联系电话',
  districtId: '注册所在区县',
  managers: '主要管理人员',
};

function managersKey(m: CompanyFilingInput['managers']) {
  return m
    .map((x) => [x.kind, x.name, x.title ?? '', x.qualification ?? ''].join('|'))
    .sort()
    .join('\n');
}

/** Which fields differ between two versions of the basic information. */
export function changedFields(before: Partial<CompanyFilingInput>, after: CompanyFilingInput): (keyof CompanyFilingInput)[] {
  const out: (keyof CompanyFilingInput)[] = [];
  for (const k of Object.keys(FIELD_LABELS) as (keyof CompanyFilingInput)[]) {
    if (k === 'managers') {
      if (managersKey(before.managers ?? []) !== managersKey(after.managers)) out.push(k);
    } else if (k === 'registeredCapital') {
      if (Number(before.registeredCapital) !== Number(after.registeredCapital)) out.push(k);
    } else if (String(before[k] ?? '') !== String(after[k] ?? '')) {
      out.push(k);
    }
  }
  return out;
}

export interface LicenceUpload {
  bytes: Uint8Array;
  filename: string;
}

const saveInputSchema = z.object({
  submissionId: z.uuid().nullish(),
  expectedVersion: z.coerce.number().int().min(1).nullish(),
  submit: z.boolean(),
  idempotencyKey: z.string().min(8).max(100).nullish(),
  data: z.unknown(),
});

export interface SaveFilingInput {
  submissionId?: string | null;
  expectedVersion?: number | null;
  submit: boolean;
  idempotencyKey?: string | null;
  data: unknown;
  licence?: LicenceUpload | null;
}

/**
 * The company saves (draft) or submits its filing, or a change of its basic information once approved.
 * A returned filing is corrected and submitted again through the same call with its id.
 */
export async function saveFiling(
  db: Db,
  actor: Actor | null,
  input: SaveFilingInput,
  opts: { now?: Date } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'company.file') || !actor.companyId) return fail('FORBIDDEN');
  const meta = saveInputSchema.safeParse(input);
  if (!meta.success) return fail('INVALID');
  const company = await getCompanyBasics(db, actor.companyId);
  if (!company) return fail('NOT_FOUND');
  if (company.filingStatus === 'revoked') return fail('FORBIDDEN', '企业备案已被撤销，不能提交备案或变更');

  const existing = meta.data.submissionId ? await getFilingInScope(db, actor, meta.data.submissionId) : null;
  if (meta.data.submissionId && !existing) return fail('NOT_FOUND');
  if (existing && existing.status !== 'draft' && existing.status !== 'returned') {
    return fail('CONFLICT', '该申请已提交审核，不能再修改；如需修改请先撤回');
  }

  const parsed = companyFilingSchema.safeParse(meta.data.data);
  if (!parsed.success) return invalid(parsed.error);
  const data = parsed.data;

  const type: FilingType = existing?.type ?? (company.filingStatus === 'approved' ? 'company_change' : 'company_filing');
  if (type === 'company_change') {
    if (data.uscc !== company.uscc) return fieldError('uscc', '统一社会信用代码是企业的唯一标识，不能通过信息变更修改');
  } else if (await usccTakenByOther(db, data.uscc, company.id)) {
    return fieldError('uscc', '该统一社会信用代码已由其他企业使用，请核对');
  }

  let licence: Awaited<ReturnType<typeof cleanDocument>> | null = null;
  const admitted = await admitImages(db, actor, { licence: input.licence }, { at: opts.now });
  if (!admitted.ok) return admitted;
  if (input.licence && input.licence.bytes.byteLength > 0) {
    try {
      licence = await cleanDocument(input.licence.bytes, LICENCE_MAX_BYTES);
    } catch (e) {
      if (e instanceof UploadError) return fieldError('licence', e.message);
      throw e;
    }
  }

  const current = basicsAsInput(company);
  const changed = changedFields(current, data);
  if (meta.data.submit) {
    if (type === 'company_change' && changed.length === 0) return fieldError('_form', '与当前备案信息相同，无需提交变更');
    const hasLicence = !!licence || !!existing?.payload.licenceAttachmentId;
    const needsLicence = type === 'company_filing' || changed.some((f) => (LICENCE_FIELDS as readonly string[]).includes(f));
    if (needsLicence && !hasLicence) {
      return fieldError('licence', type === 'company_filing' ? '请上传营业执照扫描件' : '变更了营业执照登记事项，请上传变更后的营业执照扫描件');
    }
  }

  const priority = (await hasGreenChannel(db, company.id, clockToday())) ? 1 : 0;
  const submit = meta.data.submit;

  return inTransaction(db, async (tx) => {
    const licenceId = licence
      ? await insertAttachment(tx, {
          ownerType: 'submission',
          ownerId: existing?.id ?? null,
          kind: 'licence',
          filename: `营业执照.${licence.extension}`,
          mime: licence.mime,
          content: licence.content,
          sha256: licence.sha256,
          uploadedBy: actor.userId,
        })
      : null;
    const payload: FilingPayload = { ...data, licenceAttachmentId: licenceId ?? existing?.payload.licenceAttachmentId ?? null };

    let row: { id: string; status: string } | null;
    if (existing) {
      row = await updateOpenFiling(tx, {
        id: existing.id,
        companyId: company.id,
        expectedVersion: meta.data.expectedVersion ?? existing.version,
        payload,
        submit,
        submittedBy: actor.userId,
        districtId: data.districtId,
      });
      if (!row) throw new LostRace('该申请已在别处被修改或处理，请刷新后再试');
    } else {
      row = await insertFiling(tx, {
        type,
        status: submit ? 'submitted' : 'draft',
        companyId: company.id,
        districtId: data.districtId,
        payload,
        baseVersion: company.version,
        priority,
        submittedBy: actor.userId,
        idempotencyKey: meta.data.idempotencyKey ?? null,
      });
      if (!row) {
        // The same form sent twice is harmless: answer with what the first one made.
        const twin = meta.data.idempotencyKey ? await findByIdempotencyKey(tx, meta.data.idempotencyKey) : null;
        if (twin && twin.companyId === company.id) throw new Rollback(ok({ id: twin.id, status: twin.status }));
        throw new LostRace('已有一份未办结的备案或变更申请，请在原申请中修改');
      }
      if (licenceId) await setAttachmentOwner(tx, licenceId, 'submission', row.id);
    }
    if (submit && type === 'company_filing') await setCompanyFilingStatus(tx, company.id, 'pending');
    await audit(tx, actor, {
      action: submit ? 'company.filing.submitted' : 'company.filing.saved',
      objectType: 'submission',
      objectId: row.id,
      before: existing ? { status: existing.status, payload: existing.payload } : null,
      after: { type, status: row.status, payload, changed },
    });
    return ok({ id: row.id, status: row.status });
  });
}

const withdrawSchema = z.object({ submissionId: z.uuid('无效的申请编号'), version: z.coerce.number().int().min(1) });

/** The company withdraws a filing nobody has decided yet, or discards a draft. */
export async function withdrawFiling(db: Db, actor: Actor | null, input: unknown): Promise<ActionResult<{ id: string }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'company.file') || !actor.companyId) return fail('FORBIDDEN');
  const parsed = withdrawSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const filing = await getFilingInScope(db, actor, parsed.data.submissionId);
  if (!filing) {
    if (await submissionExists(db, parsed.data.submissionId)) {
      await audit(db, actor, { action: 'access.out_of_scope', objectType: 'submission', objectId: parsed.data.submissionId });
    }
    return fail('NOT_FOUND');
  }
  return inTransaction(db, async (tx) => {
    const row = await withdrawFilingRow(tx, { id: filing.id, companyId: actor.companyId!, expectedVersion: parsed.data.version });
    if (!row) throw new LostRace('该申请已被审核或已在别处处理，不能撤回');
    if (filing.type === 'company_filing') await setCompanyFilingStatus(tx, filing.companyId, 'draft');
    await audit(tx, actor, { action: 'company.filing.withdrawn', objectType: 'submission', objectId: filing.id, before: { status: filing.status }, after: { status: row.status } });
    return ok({ id: filing.id });
  });
}

export const DECISION_LABELS = { approved: '准予备案', rejected: '不予备案', returned: '退回修改' } as const;

/**
 * The city decides a filing. Optimistic lock on the submission: of two reviewers, one wins and the other is
 * told. A company under a market ban (DW 14) cannot be approved.
 */
export async function decideFiling(
  db: Db,
  actor: Actor | null,
  input: unknown,
  opts: { today?: string } = {},
): Promise<ActionResult<{ id: string; status: string }>> {
  if (!allowed(actor, 'company.filing.decide')) return refused(actor);
  const parsed = filingDecisionSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const d = parsed.data;
  const filing = await getFilingInScope(db, actor, d.submissionId);
  if (!filing) return fail('NOT_FOUND');
  if (filing.status !== 'submitted' || filing.version !== d.version) {
    return fail('CONFLICT', filing.status === 'submitted' ? '该申请已更新，请刷新后重新审核' : '该申请已被处理，请刷新后查看结果');
  }
  const company = (await getCompanyBasics(db, filing.companyId)) as CompanyBasics;
  // What was stored is checked again: it becomes the company's basic information.
  const filed = companyFilingSchema.safeParse(filing.payload);
  if (d.decision === 'approved' && !filed.success) return fieldError('decision', '申报内容不完整或有误，不能准予备案，请退回企业修改');
  const payload = filed.success ? ({ ...filed.data, licenceAttachmentId: filing.payload.licenceAttachmentId ?? null } satisfies FilingPayload) : null;
  const on = opts.today ?? clockToday();
  if (d.decision === 'approved') {
    if (company.bannedUntil && company.bannedUntil >= on) {
      return fieldError('decision', `该企业处于市场禁入期（至 ${company.bannedUntil}），不得准予备案`);
    }
    const ban = await activeMarketBan(db, company.id, on);
    if (ban) return fieldError('decision', `该企业因整改不合格被列入黑榜市场禁入（DW 第十四条，至 ${ban.until ?? '另行通知'}），不得准予备案`);
    if (filing.type === 'company_filing' && (await usccTakenByOther(db, payload!.uscc, company.id))) {
      return fieldError('decision', '该统一社会信用代码已由其他企业使用，不能准予备案，请退回企业核对');
    }
  }

  return inTransaction(db, async (tx) => {
    const decided = await decideSubmission(tx, {
      id: filing.id,
      expectedVersion: d.version,
      decision: d.decision,
      reason: d.reason,
      decidedBy: actor.userId,
    });
    if (!decided) throw new LostRace('该申请已被其他审核人员处理');
    let companyVersion: number | null = null;
    if (d.decision === 'approved') {
      const applied = await applyApprovedFiling(tx, {
        companyId: company.id,
        expectedCompanyVersion: filing.type === 'company_change' ? filing.baseVersion : null,
        payload: payload!,
        submissionId: filing.id,
      });
      if (!applied) throw new LostRace('企业基本信息在此期间已有其他变更生效，请退回企业按最新信息重新提交');
      companyVersion = applied.version;
    } else if (filing.type === 'company_filing') {
      await setCompanyFilingStatus(tx, company.id, d.decision === 'rejected' ? 'rejected' : 'draft');
    }
    await audit(tx, actor, {
      action: `company.filing.${d.decision}`,
      objectType: 'submission',
      objectId: filing.id,
      before: { status: filing.status, company: basicsAsInput(company), companyVersion: company.version },
      after: { status: decided.status, reason: d.reason, companyId: company.id, companyVersion },
    });
    return ok({ id: filing.id, status: decided.status });
  });
}
