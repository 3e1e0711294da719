import { z } from 'zod';
import { parseIdNumber } from '@/lib/domain/id-number';
import { isValidMobile } from '@/lib/domain/phone';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';
import { DATE, idNumberField, isRealDate, optionalText, personDate as date } from './fields';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

/** 资格证书 (SN 7): zero or more. */
export const certificateSchema = z.object({
  name: text('证书名称', 60),
  number: text('证书编号', 60),
  issuer: text('发证机关', 60),
  validUntil: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v == null || (DATE.test(v) && isRealDate(v)), '请按“年-月-日”填写有效期'),
});

/**
 * The fields of a person's record that can change with a new job: asked on entry, and brought up to date by the
 * receiving company on a transfer or re-entry (lib/validation/practitioner-moves.ts).
 */
export const changeableFields = {
  politicalStatus: z.enum(POLITICAL_STATUSES, { message: '请选择政治面貌' }),
  mobile: z
    .string()
    .trim()
    .refine((v) => isValidMobile(v), '请填写 11 位手机号码'),
  school: optionalText('毕业院校', 60),
  major: optionalText('毕业专业', 60),
  education: z.enum(EDUCATION_LEVELS, { message: '请选择学历' }),
  skills: optionalText('专业技能', 200),
  certificates: z.array(certificateSchema).max(20, '资格证书最多 20 项').default([]),
};

/**
 * The entry form (SN 7 and the annex 信息名册): every field of SPEC §2 and nothing more. Birth date and gender
 * are not asked: they come from the ID number. The company confirms the person was told why the data is
 * collected and how it is used (SN 5).
 */
export const practitionerEntrySchema = z
  .object({
    name: text('姓名', 20),
    idNumber: idNumberField,
    ethnicity: z.enum(ETHNIC_GROUPS, { message: '请选择民族' }),
    nativePlace: text('籍贯', 30),
    ...changeableFields,
    hiredOn: date('入职时间'),
    labourContractOn: date('劳动合同签订日期'),
    projectId: z.uuid('请选择服务项目'),
    post: z.enum(POSTS, { message: '请选择岗位' }),
    informed: z.literal(true, { message: '请确认已向本人告知信息采集的目的和用途' }),
  })
  .superRefine((v, ctx) => {
    const id = parseIdNumber(v.idNumber);
    if (id.ok && id.age < 16) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '未满 16 周岁，不能登记为从业人员' });
    }
    if (id.ok && v.labourContractOn < id.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['labourContractOn'], message: '劳动合同签订日期早于出生日期' });
    }
  });

export type PractitionerEntryInput = z.infer<typeof practitionerEntrySchema>;
