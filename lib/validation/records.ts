/**
 * Staff good and bad records (SN 9–14): the filing forms and the district's decision. The files (evidence,
 * photos) travel beside the parsed data and are checked by the service (lib/domain/records.ts goodRecordProblems).
 */
import { z } from 'zod';
import { ASSOCIATION_ONLY_MESSAGE, BAD_RECORD_TYPES, COMPANY_GOOD_RECORD_TYPES, GOOD_RECORD_TYPES, OWNER_PRAISE_FORMS } from '@/lib/domain/records';
import { searchText } from '@/lib/validation/search-text';
import { DATE, isRealDate } from './fields';

const date = (label: string) =>
  z.string({ message: `请填写${label}` }).superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: `请填写${label}` });
    else if (!DATE.test(v)) ctx.addIssue({ code: 'custom', message: `请按“年-月-日”填写${label}` });
    else if (!isRealDate(v) || v < '2000-01-01') ctx.addIssue({ code: 'custom', message: `${label}无效` });
  });
const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `请填写${label}（至少 ${min} 个字）` : `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`);
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const practitionerId = z.uuid('请先查找并选择人员');

/** The document (or evidence) cannot have been received before the event it is about. */
function receivedAfterEvent(v: { occurredOn: string; receivedOn: string }, ctx: z.RefinementCtx, label: string) {
  if (DATE.test(v.occurredOn) && DATE.test(v.receivedOn) && v.receivedOn < v.occurredOn) {
    ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: `${label}不能早于发生日期` });
  }
}

/** SN 9, 11, 12: a company's good record for one of its current approved staff. */
export const goodRecordSchema = z
  .object({
    practitionerId,
    type: z.string({ message: '请选择优良信息类型' }).superRefine((v, ctx) => {
      if (v === '行业协会表彰') ctx.addIssue({ code: 'custom', message: ASSOCIATION_ONLY_MESSAGE });
      else if (!(COMPANY_GOOD_RECORD_TYPES as readonly string[]).includes(v)) ctx.addIssue({ code: 'custom', message: '请选择优良信息类型' });
    }),
    praiseForm: z.preprocess(blankToNull, z.enum(OWNER_PRAISE_FORMS, { message: `书面表扬只接受${OWNER_PRAISE_FORMS.join('、')}` }).nullable().default(null)),
    participants: z.preprocess(blankToNull, z.string().trim().max(300, '参与人员不能超过 300 个字').nullable().default(null)),
    issuer: text('表彰或表扬单位（人）', 2, 80),
    description: text('事由', 5, 1000),
    occurredOn: date('表彰（事件）日期'),
    receivedOn: date('收到文件（事件发生）日期'),
  })
  .superRefine((v, ctx) => receivedAfterEvent(v, ctx, '收到日期'));
export type GoodRecordInput = z.infer<typeof goodRecordSchema>;

/** SN 10: an association commendation (the association is the issuer). */
export const associationCommendationSchema = z.object({
  practitionerId,
  description: text('表彰名称及事由', 5, 1000),
  occurredOn: date('表彰日期'),
});

const badType = z.enum(BAD_RECORD_TYPES, { message: '请从第十三条所列类型中选择' });

/** SN 13–14: a report (线索) of bad conduct with evidence. */
export const badReportSchema = z
  .object({
    practitionerId,
    type: badType,
    description: text('事实经过', 10, 1000),
    occurredOn: date('行为发生日期'),
    receivedOn: date('收到（出具）证明材料日期'),
  })
  .superRefine((v, ctx) => receivedAfterEvent(v, ctx, '收到（出具）日期'));

/** SN 13.4: the association's public censure (the type is fixed). */
export const censureReportSchema = z
  .object({
    practitionerId,
    description: text('谴责事由', 10, 1000),
    occurredOn: date('行为发生日期'),
    receivedOn: date('公开谴责决定日期'),
  })
  .superRefine((v, ctx) => receivedAfterEvent(v, ctx, '公开谴责决定日期'));

/** SN 14 last sentence: the bureau enters a bad record itself. */
export const badEntrySchema = z.object({
  practitionerId,
  type: badType,
  issuer: text('出具（认定）单位', 2, 80),
  description: text('事实经过', 10, 1000),
  occurredOn: date('行为发生日期'),
});

/** The district's decision: record it (a report may have its type and wording adjusted) or decline with a reason. */
export const recordDecisionSchema = z
  .object({
    id: z.uuid('无效的记录编号'),
    expectedVersion: z.coerce.number().int().min(1),
    decision: z.enum(['approved', 'rejected'], { message: '请选择审核结果' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
    type: z.preprocess(blankToNull, z.string().trim().nullable().default(null)),
    description: z.preprocess(blankToNull, text('事实经过', 5, 1000).nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'rejected' && v.reason.length < 2) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予记录时必须写明理由' });
    if (v.type && !(BAD_RECORD_TYPES as readonly string[]).includes(v.type) && !(GOOD_RECORD_TYPES as readonly string[]).includes(v.type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: '请从第十三条所列类型中选择' });
    }
  });
export type RecordDecisionInput = z.infer<typeof recordDecisionSchema>;

export const RECORD_DECISION_LABELS = { approved: '予以记录', rejected: '不予记录' } as const;

/** The person search of the filing pages. */
export const staffSearchSchema = z.object({
  name: z.string().trim().max(20).catch(''),
  estate: z.string().trim().max(40).catch(''),
  projectId: z.uuid().nullable().catch(null),
  idTail: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9X]{0,4}$/)
    .catch(''),
});
export type StaffSearch = z.infer<typeof staffSearchSchema>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The person search and the picked person from a filing page's query string. */
export function parseStaffSearch(sp: Record<string, string | string[] | undefined>): { search: StaffSearch; pid: string | null } {
  const search = staffSearchSchema.parse({
    name: one(sp.name) ?? '',
    estate: one(sp.estate) ?? '',
    projectId: one(sp.projectId) || null,
    idTail: one(sp.idTail) ?? '',
  });
  const pid = z.uuid().safeParse(one(sp.pid));
  return { search, pid: pid.success ? pid.data : null };
}

const recordFilterSchema = z.object({
  kind: z.enum(['good', 'bad', 'all']).catch('all'),
  status: z.enum(['submitted', 'approved', 'rejected', 'corrected', 'all']).catch('all'),
  type: z
    .string()
    .nullable()
    .catch(null)
    .transform((v) => (v && ((GOOD_RECORD_TYPES as readonly string[]).includes(v) || (BAD_RECORD_TYPES as readonly string[]).includes(v)) ? v : null)),
  lateOnly: z.boolean().catch(false),
  q: searchText(40),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type RecordFilter = z.infer<typeof recordFilterSchema>;

/** A records list's filter from its query string; unknown values fall back to the defaults. */
export function parseRecordFilter(sp: Record<string, string | string[] | undefined>, defaults: { status: RecordFilter['status'] }): RecordFilter {
  return recordFilterSchema.parse({
    kind: one(sp.kind) ?? 'all',
    status: one(sp.status) ?? defaults.status,
    type: one(sp.type) || null,
    lateOnly: one(sp.late) === '1',
    q: one(sp.q) ?? '',
    page: one(sp.page) ?? 1,
  });
}

/** A records filter as its URL carries it (`late`, not `lateOnly`): what the list kit's links are built from. */
export function recordFilterParams(f: RecordFilter) {
  return { kind: f.kind, status: f.status, type: f.type, late: f.lateOnly, q: f.q };
}
