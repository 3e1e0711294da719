import { z } from 'zod';
import { FIELD_GROUPS } from '@/lib/domain/data-use';
import { usccField } from './fields';

const text = (label: string, min: number, max: number) =>
  z.string({ message: `请填写${label}` }).trim().min(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`).max(max, `${label}不能超过 ${max} 个字`);
const promised = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.literal(true, { message: '请勾选承诺：严格履行信息保护义务，不将信息用于申请用途以外的事项' }));
const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []);

/** What every requester states (SN 20.4): use, purpose and scope; which people; the promise to protect. */
const common = {
  subjects: z.enum(['all_current', 'listed'], { message: '请选择查询范围：企业全部在职人员或指定人员' }),
  names: z.string().trim().max(4000, '指定人员名单不能超过 4000 个字').catch(''),
  useMatter: text('使用事项', 2, 200),
  purpose: text('用途', 4, 1000),
  scopeText: text('使用范围', 2, 1000),
  protectionPromised: promised,
};

function namesRequired<T extends { subjects: string; names: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.subjects === 'listed' && !v.names.trim()) ctx.addIssue({ code: 'custom', path: ['names'], message: '请填写要查询的人员姓名，每行一个' });
}

/** An owners' committee about a candidate company (SN 20.3), named by its 统一社会信用代码. */
export const committeeRequestSchema = z.object({ companyUscc: usccField, ...common }).superRefine(namesRequired);
/** A company about its own staff, for a tender or hiring (SN 20.2). */
export const companyRequestSchema = z.object(common).superRefine(namesRequired);
/** A department by official letter (SN 20.4): the letter's reference number; the letter itself is an upload. */
export const departmentRequestSchema = z
  .object({ companyUscc: usccField, letterRef: text('公函文号', 2, 100), ...common })
  .superRefine(namesRequired);

const requestRef = { requestId: z.uuid('参数错误'), version: z.coerce.number().int().min(1) };

/** The company concerned answers a committee's request: consent, or refusal with a reason. */
export const consentSchema = z
  .object({
    ...requestRef,
    answer: z.enum(['consent', 'refuse'], { message: '请选择同意或不同意' }),
    reason: z.string().trim().max(1000, '理由不能超过 1000 个字').catch(''),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'refuse' && v.reason.length < 4) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不同意的，请写明理由（至少 4 个字）' });
  });

/** The district's decision: approve with people, field groups and expiry; or refuse with a reason. */
export const decisionSchema = z
  .object({
    ...requestRef,
    outcome: z.enum(['approve', 'refuse'], { message: '请选择批准或不予批准' }),
    practitionerIds: z.preprocess(list, z.array(z.uuid('参数错误')).max(5000)),
    fields: z.preprocess(list, z.array(z.enum(FIELD_GROUPS, { message: '参数错误' })).max(FIELD_GROUPS.length)),
    expiresOn: z.string().trim().catch(''),
    reason: z.string().trim().max(1000, '理由不能超过 1000 个字').catch(''),
    /** 'review' checks and shows what will be visible; 'confirm' decides. */
    step: z.enum(['review', 'confirm']).catch('review'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'refuse') {
      if (v.reason.length < 4) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予批准的，请写明理由（至少 4 个字），申请人可以看到' });
      return;
    }
    if (v.practitionerIds.length === 0) ctx.addIssue({ code: 'custom', path: ['practitionerIds'], message: '请至少选择一名可查询的人员' });
    if (v.fields.length === 0) ctx.addIssue({ code: 'custom', path: ['fields'], message: '请至少选择一类可查询的信息' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.expiresOn)) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '请填写授权截止日期' });
  });

/** A view of one granted person. */
export const grantViewSchema = z.object({ requestId: z.uuid(), practitionerId: z.uuid() });

/** The person's own request to print their full record (SN 20.1), after the SMS check. */
export const ownFullRecordSchema = z.object({
  token: z.string().min(10, '身份确认已失效，请重新验证').max(400),
  purpose: text('用途', 2, 200),
});

export const ownPrintSchema = z.object({ token: z.string().min(10).max(400), requestId: z.uuid() });
