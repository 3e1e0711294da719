/**
 * Quarterly estate ratings (DW 10, 12, 14): the district's score table, the city's publication and the
 * rectification inspection. Chinese messages at the field; the services parse with these.
 */
import { z } from 'zod';
import { parseQuarterKey, type Quarter } from '@/lib/domain/credit-rating';

export const quarterField = z
  .string({ message: '请选择季度' })
  .transform((s, ctx): Quarter => {
    const q = parseQuarterKey(s);
    if (!q) {
      ctx.addIssue({ code: 'custom', message: '季度格式应为 2026Q4' });
      return z.NEVER;
    }
    return q;
  });

/**
 * One row's inspection score: blank = not rated yet (null); otherwise 0–100 with at most two decimals. Full-width
 * digits and the Chinese decimal point typed on a Chinese keyboard are accepted.
 */
export const inspectionScoreField = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v, ctx): number | null => {
    if (v == null) return null;
    const s = String(v)
      .trim()
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[。．]/g, '.');
    if (s === '') return null;
    if (!/^\d+(\.\d+)?$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: '请填写 0 至 100 之间的数字' });
      return z.NEVER;
    }
    const n = Number(s);
    if (n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: '检查得分应在 0 至 100 分之间' });
      return z.NEVER;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: '检查得分最多保留两位小数' });
      return z.NEVER;
    }
    return n;
  });

/** The whole table of one quarter: estate id → score (blank = not rated). Field errors at `scores.<estateId>`. */
export const saveRatingsSchema = z.object({
  quarter: quarterField,
  scores: z.record(z.uuid({ message: '物业项目编号无效' }), inspectionScoreField, { message: '没有可保存的评定' }),
});
export type SaveRatingsInput = z.input<typeof saveRatingsSchema>;

export const publishQuarterSchema = z.object({ quarter: quarterField });
/** Publishing: the quarter and the fingerprint of the check-your-answers page the city read (lib/domain/publication). */
export const confirmQuarterSchema = publishQuarterSchema.extend({
  fingerprint: z.string({ message: '请先核对将要公开的内容，再确认' }).regex(/^[0-9a-f]{32}$/, '请先核对将要公开的内容，再确认'),
});

export const RECTIFICATION_RESULTS = ['passed', 'failed', 'refused'] as const;
export type RectificationResult = (typeof RECTIFICATION_RESULTS)[number];
export const RECTIFICATION_RESULT_LABELS: Record<RectificationResult, string> = {
  passed: '整改合格',
  failed: '整改不合格',
  refused: '拒不整改',
};

/** DW 14 (三).2–3: the inspection at (or after) the end of the rectification period. */
export const rectificationInspectionSchema = z.object({
  entryId: z.uuid({ message: '整改事项编号无效' }),
  /** The entry's status as the inspector saw it: the optimistic lock (an entry already decided is refused). */
  seenStatus: z.literal('rectifying', { message: '该整改事项已处理，请刷新后查看' }),
  result: z.enum(RECTIFICATION_RESULTS, { message: '请选择复查结果' }),
  note: z
    .string({ message: '请填写复查情况' })
    .trim()
    .min(1, '请填写复查情况')
    .min(4, '复查情况至少 4 个字')
    .max(500, '复查情况不能超过 500 个字'),
});
