import { z } from 'zod';
import { parseIdNumber } from '@/lib/domain/id-number';
import { CORRECTABLE_FIELDS, OBJECTION_FIELD_KEYS, type CorrectableField } from '@/lib/domain/objections';
import { isValidMobile, normalizeMobile } from '@/lib/domain/phone';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return DATE.test(v) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** The public objection form (SN 18): who the person is, which item is wrong and what is right. */
export const objectionFilingSchema = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(20, '姓名不能超过 20 个字'),
  idNumber: z
    .string({ message: '请填写身份证号码' })
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const r = parseIdNumber(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
    }),
  mobile: z
    .string({ message: '请填写手机号码' })
    .trim()
    .refine((v) => isValidMobile(v), '请填写 11 位手机号码')
    .transform(normalizeMobile),
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
