/**
 * Company credit records (DW 4, 8; CQ 三.(四); SPEC §3.7): the forms of the company, the street office or
 * community, and the bureau, and the bureau's decisions. Chinese messages; the services parse with these.
 */
import { z } from 'zod';
import { CREDIT_POINTS_MAX, SEVERITIES, STATEMENT_MAX_CHARS } from '@/lib/domain/records';

const dateField = (label: string) => z.iso.date({ message: `请填写有效的${label}（年-月-日）` });
const version = z.coerce.number({ message: '缺少版本号' }).int().min(1, '缺少版本号');
/** A required text: blank says "请填写…" first, too short says how long it must be. */
const text = (label: string, min: number, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不能超过 ${max} 个字`);

/** An optional estate: the empty option of a select arrives as ''. */
const optionalProject = z.preprocess((v) => (v === '' || v == null ? null : v), z.uuid({ message: '请选择有效的物业项目' }).nullable());

const flag = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean());

export const points = (label: string) =>
  z.coerce
    .number({ message: `请填写${label}` })
    .refine((n) => Number.isFinite(n), `请填写${label}`)
    .refine((n) => n >= 0 && n <= CREDIT_POINTS_MAX, `${label}应在 0 至 ${CREDIT_POINTS_MAX} 分之间`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多保留两位小数`);

const severity = z.enum(SEVERITIES, { message: '请选择情节轻重（轻微、一般或严重）' });

/** DW 8.1.3: the company reports a performance (red) record with its evidence. */
export const performanceFilingSchema = z.object({
  type: text('业绩类型', 2, 60),
  projectId: optionalProject,
  occurredOn: dateField('获得日期'),
  issuer: text('发文单位及文号', 2, 100),
  description: text('情况说明', 4, 1000),
  proposedPoints: points('建议加分'),
});
export type PerformanceFilingInput = z.input<typeof performanceFilingSchema>;

/** DW 8.1.2: a street office or community reports warning information found in daily supervision. */
export const warningReportSchema = z.object({
  projectId: z.uuid({ message: '请选择物业项目' }),
  type: text('警示类型', 2, 60),
  occurredOn: dateField('发现日期'),
  description: text('违规事实', 10, 1000),
  severity,
  proposedPoints: points('建议扣分'),
});
export type WarningReportInput = z.input<typeof warningReportSchema>;

/** DW 8.1.4, ZJ 10: what a department submits. 表彰 is performance information (DW 4: 政府有关部门授予的奖励). */
export const DEPARTMENT_CREDIT_KINDS = ['penalty', 'warning', 'commendation'] as const;
export type DepartmentCreditKind = (typeof DEPARTMENT_CREDIT_KINDS)[number];
export const DEPARTMENT_CREDIT_KIND_LABELS: Record<DepartmentCreditKind, string> = {
  penalty: '行政处罚',
  warning: '警示信息',
  commendation: '表彰（业绩信息）',
};

/**
 * A department's submission: the company, what kind, the document (文号) and its date, the facts. No points and
 * no severity: the bureau sets them when it confirms (DW 8.2). The department's own name is the issuing body.
 */
export const departmentCreditSchema = z.object({
  companyId: z.uuid({ message: '请选择企业' }),
  kind: z.enum(DEPARTMENT_CREDIT_KINDS, { message: '请选择信息类别（行政处罚、警示信息或表彰）' }),
  type: text('事项名称', 2, 60),
  documentNumber: text('文号', 2, 60),
  occurredOn: dateField('决定或发文日期'),
  description: text('事实和依据', 10, 1000),
});
export type DepartmentCreditInput = z.input<typeof departmentCreditSchema>;

/**
 * The bureau enters a warning record itself (confirmed at once), possibly an administrative penalty: its
 * decision date starts the 7-working-day publication deadline (CQ 三.(四)).
 */
export const warningEntrySchema = z
  .object({
    companyId: z.uuid({ message: '请选择企业' }),
    projectId: optionalProject,
    type: text('警示类型', 2, 60),
    occurredOn: dateField('发生日期'),
    issuer: z.string().trim().max(100, '发文单位及文号不能超过 100 个字').optional().default(''),
    description: text('违规事实', 10, 1000),
    severity,
    points: points('扣分'),
    isPenalty: flag,
    decisionOn: z.preprocess((v) => (v === '' || v == null ? null : v), dateField('处罚决定日期').nullable()),
    publishNow: flag,
  })
  .superRefine((v, ctx) => {
    if (v.isPenalty && !v.decisionOn) ctx.addIssue({ code: 'custom', path: ['decisionOn'], message: '行政处罚须填写处罚决定日期' });
    if (v.isPenalty && v.decisionOn && v.decisionOn < v.occurredOn) {
      ctx.addIssue({ code: 'custom', path: ['decisionOn'], message: '处罚决定日期不能早于违法行为发生日期' });
    }
    if (v.isPenalty && !v.issuer) ctx.addIssue({ code: 'custom', path: ['issuer'], message: '行政处罚须填写作出决定的机关及决定书文号' });
  });
export type WarningEntryInput = z.input<typeof warningEntrySchema>;

/** The bureau enters a performance record itself, with its points. */
export const performanceEntrySchema = z.object({
  companyId: z.uuid({ message: '请选择企业' }),
  projectId: optionalProject,
  type: text('业绩类型', 2, 60),
  occurredOn: dateField('获得日期'),
  issuer: text('发文单位及文号', 2, 100),
  description: text('情况说明', 4, 1000),
  points: points('加分'),
});
export type PerformanceEntryInput = z.input<typeof performanceEntrySchema>;

/** DW 8.2: the bureau confirms the points of a reported record (and the severity of a warning). */
export const confirmRecordSchema = z.object({
  id: z.uuid('无效的记录编号'),
  expectedVersion: version,
  points: points('核定分值'),
  severity: z.preprocess((v) => (v === '' || v == null ? null : v), severity.nullable()),
  /** A warning's check-your-answers fingerprint (lib/domain/publication); a performance record has none. */
  fingerprint: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.string().regex(/^[0-9a-f]{32}$/, '请先核对将要公开的内容，再确认').optional()),
});

/** The bureau does not take a report up: the reporter sees why. */
export const rejectRecordSchema = z.object({
  id: z.uuid('无效的记录编号'),
  expectedVersion: version,
  reason: text('不予采纳的理由', 4, 500),
});

/** Publishing a confirmed penalty that waited. */
export const publishRecordSchema = z.object({
  id: z.uuid('无效的记录编号'),
  expectedVersion: version,
});

/** The company's short public statement beside its record; blank removes it. */
export const statementSchema = z.object({
  id: z.uuid('无效的记录编号'),
  statement: z.string().trim().max(STATEMENT_MAX_CHARS, `声明不能超过 ${STATEMENT_MAX_CHARS} 个字`).default(''),
});

/** Credit repair: the company's account of what it put right (the two files come with it). */
export const repairApplicationSchema = z.object({
  recordId: z.uuid('无效的记录编号'),
  rectification: text('整改情况', 10, 1000),
});

/** The bureau decides a repair application: approve, or reject with a reason. */
export const repairDecisionSchema = z
  .object({
    id: z.uuid('无效的申请编号'),
    expectedVersion: version,
    decision: z.enum(['approved', 'rejected'], { message: '请选择审核结果' }),
    reason: z.string().trim().max(500, '理由不能超过 500 个字').default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== 'approved' && v.reason.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予修复时必须写明理由' });
    }
  });
