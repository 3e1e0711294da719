import { z } from 'zod';
import { parseIdNumber } from '@/lib/domain/id-number';
import { CORRECTABLE_FIELDS, OBJECTION_FIELD_KEYS, type CorrectableField } from '@/lib/domain/objections';
import { isValidMobile, isValidPhone, normalizeMobile } from '@/lib/domain/phone';
import { SEVERITIES, STATEMENT_MAX_CHARS } from '@/lib/domain/records';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return DATE.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/**
 * The public objection form (SN 18), after the identity check by SMS (lib/services/identity-check): the proof of
 * identity it handed out, which item is wrong and what is right.
 */
export const objectionFilingSchema = z.object({
  token: z.string({ message: '身份确认已失效，请重新获取验证码' }).min(10, '身份确认已失效，请重新获取验证码').max(300, '身份确认已失效，请重新获取验证码'),
  field: z.enum(OBJECTION_FIELD_KEYS, { message: '请选择有误的信息项' }),
  claimed: z.string({ message: '请填写正确的信息' }).trim().min(1, '请填写正确的信息').max(300, '正确的信息不能超过 300 个字'),
  statement: z
    .string()
    .trim()
    .max(1000, '说明不能超过 1000 个字')
    .nullish()
    .transform((v) => v || null),
});
export type ObjectionFilingInput = z.infer<typeof objectionFilingSchema>;

const caseRef = { caseId: z.uuid('参数错误'), version: z.coerce.number().int().min(1) };
const note = (label: string) => z.string({ message: `请填写${label}` }).trim().min(2, `请填写${label}`).max(1000, `${label}不能超过 1000 个字`);

/** A handler's step on an objection: start verifying, correct one item, or explain why the data stands. */
export const objectionHandlingSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('verify'), ...caseRef }),
  z.object({
    action: z.literal('correct'),
    ...caseRef,
    field: z.enum(CORRECTABLE_FIELDS, { message: '请选择更正的信息项' }),
    value: z.string().trim().max(200, '更正后的内容不能超过 200 个字').default(''),
    note: note('更正说明'),
  }),
  z.object({ action: z.literal('dismiss'), ...caseRef, note: note('维持原信息的理由') }),
  /** The district on a company's proposed correction of a public-facing item. */
  z.object({ action: z.literal('approve'), ...caseRef, note: note('审核意见') }),
  z.object({ action: z.literal('reject'), ...caseRef, note: note('不同意的理由') }),
]);
export type ObjectionHandlingInput = z.infer<typeof objectionHandlingSchema>;

/** The corrected value of one item, checked like the entry form checks it; a message when it is not valid. */
export function checkCorrectedValue(field: CorrectableField, value: string): { ok: true; value: string | null } | { ok: false; message: string } {
  const v = value.trim();
  const one = <T extends readonly string[]>(list: T, label: string) =>
    (list as readonly string[]).includes(v) ? ({ ok: true, value: v } as const) : ({ ok: false, message: `请选择有效的${label}` } as const);
  switch (field) {
    case 'ethnicity':
      return one(ETHNIC_GROUPS, '民族');
    case 'politicalStatus':
      return one(POLITICAL_STATUSES, '政治面貌');
    case 'education':
      return one(EDUCATION_LEVELS, '学历');
    case 'post':
      return one(POSTS, '岗位');
    case 'mobile':
      return isValidMobile(v) ? { ok: true, value: normalizeMobile(v) } : { ok: false, message: '请填写 11 位手机号码' };
    case 'hiredOn':
      return isRealDate(v) && v >= '1950-01-01' ? { ok: true, value: v } : { ok: false, message: '请按“年-月-日”填写入职时间' };
    case 'name':
      return v.length >= 1 && v.length <= 20 ? { ok: true, value: v } : { ok: false, message: '姓名应为 1 至 20 个字' };
    case 'nativePlace':
      return v.length >= 1 && v.length <= 30 ? { ok: true, value: v } : { ok: false, message: '籍贯应为 1 至 30 个字' };
    case 'school':
    case 'major':
      return v.length <= 60 ? { ok: true, value: v || null } : { ok: false, message: '不能超过 60 个字' };
    case 'skills':
      return v.length <= 200 ? { ok: true, value: v || null } : { ok: false, message: '不能超过 200 个字' };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Objections about records (DW 9, SN 18) and statements on one's own record (SPEC §3.7)

export const personName = z.string({ message: '请填写姓名' }).trim().min(1, '请填写姓名').max(20, '姓名不能超过 20 个字');
const idNumber = z
  .string({ message: '请填写身份证号码' })
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });
const mobile = z
  .string({ message: '请填写手机号码' })
  .trim()
  .refine((v) => isValidMobile(v), '请填写 11 位手机号码')
  .transform(normalizeMobile);
const reason = z
  .string({ message: '请写明哪些内容有误及理由' })
  .trim()
  .min(5, '请写明哪些内容有误及理由（至少 5 个字）')
  .max(1000, '异议内容不能超过 1000 个字');
/** The code printed on the notice given to the person (两书同达). */
const noticeCode = z
  .string({ message: '请填写告知书编号' })
  .trim()
  .min(4, '请填写告知书上的编号')
  .max(40, '告知书编号不正确');
const recordId = z.uuid('请选择要提出异议的记录');

/** A company about one of its own confirmed credit records (DW 9 第一款). */
export const companyRecordObjectionSchema = z.object({ recordId, reason });

/** A phone number the bureau can call back on: a mobile (normalised) or a landline. */
export const contactPhone = z
  .string({ message: '请填写联系电话' })
  .trim()
  .refine((v) => isValidPhone(v), '请填写有效的手机号码或固定电话')
  .transform((v) => (isValidMobile(v) ? normalizeMobile(v) : v.replace(/\s/g, '')));

/** Any person about published information (DW 9 第二款): who they are, how to reach them, what is wrong. */
export const publicRecordObjectionSchema = z.object({
  subject: z.enum(['credit_record', 'practitioner_record'], { message: '参数错误' }),
  recordId,
  name: personName,
  phone: contactPhone,
  reason,
});

/** The person about their own record, identified by the notice code with their name and ID number. */
export const ownRecordByNoticeSchema = z.object({ noticeCode, name: personName, idNumber, reason });

/** The person without the notice: name, ID number and mobile as registered, to list their records. */
export const ownRecordsLookupSchema = z.object({ name: personName, idNumber, mobile });

/** Second step of the look-up: the signed identity, the record chosen among theirs, and what is wrong. */
export const ownRecordByTokenSchema = z.object({ token: z.string().min(10, '身份确认已失效，请重新填写').max(300), recordId, reason });

/** A short public statement of the person beside their own record (SPEC §3.7). */
export const recordStatementSchema = z.object({
  noticeCode,
  name: personName,
  idNumber,
  statement: z
    .string({ message: '请填写声明内容' })
    .trim()
    .min(2, '请填写声明内容')
    .max(STATEMENT_MAX_CHARS, `声明不能超过 ${STATEMENT_MAX_CHARS} 个字`),
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** A bureau's step on a record objection: verify, correct items, revoke the record, or explain why it stands. */
export const recordObjectionHandlingSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('verify'), ...caseRef }),
  z.object({
    action: z.literal('correct'),
    ...caseRef,
    type: z.preprocess(blankToUndefined, z.string().trim().max(100, '类型不能超过 100 个字').optional()),
    description: z.preprocess(blankToUndefined, z.string().trim().min(5, '事实描述至少 5 个字').max(1000, '事实描述不能超过 1000 个字').optional()),
    severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { message: '请选择严重程度' }).optional()),
    points: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ message: '分值应为数字' })
        .min(0, '分值不能为负数')
        .max(100, '分值不能超过 100')
        .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, '分值最多两位小数')
        .optional(),
    ),
    note: note('更正理由'),
  }),
  z.object({ action: z.literal('revoke'), ...caseRef, note: note('撤销理由') }),
  z.object({ action: z.literal('dismiss'), ...caseRef, note: note('维持原记录的理由') }),
]);
export type RecordObjectionHandlingInput = z.infer<typeof recordObjectionHandlingSchema>;

/** Step 1 of the identity check by SMS: name, ID number and mobile as registered. */
export const identityCheckSchema = ownRecordsLookupSchema;

/** Step 2: the challenge the first step handed out and the 6-digit code from the SMS. */
export const identityCodeSchema = z.object({
  challenge: z.uuid('验证已失效，请重新获取验证码'),
  code: z
    .string({ message: '请填写短信验证码' })
    .trim()
    .regex(/^\d{6}$/, '请填写短信中的 6 位数字验证码'),
});
