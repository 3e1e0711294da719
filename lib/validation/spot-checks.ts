/**
 * 双随机抽查 (SN 25, CQ): the inspector roster, the city's draw, the results, and the inputs a visitor pastes to
 * re-run a draw. Chinese messages at the field; the services parse with these.
 */
import { z } from 'zod';
import { SPOT_CHECK_ALGORITHM, type DrawInputs } from '@/lib/domain/spot-check';
import { inspectionScoreField } from './ratings';

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);

/** A district's code (regions.id), or blank: none. */
const optionalDistrict = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v == null || v.trim() === '' ? null : v.trim()))
  .refine((v) => v === null || /^\d{6}$/.test(v), '请选择区县');

const bool = z.union([z.boolean(), z.string(), z.null()]).optional().transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

// ---------------------------------------------------------------------------------------------------------
// Inspector roster

export const inspectorSchema = z.object({
  id: z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (v ?? '').trim() || null)
    .refine((v) => v === null || z.uuid().safeParse(v).success, '检查人员编号无效'),
  version: z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v == null || v === '' ? undefined : Number(v)))
    .refine((v) => v === undefined || (Number.isInteger(v) && v >= 1), '版本无效'),
  name: text('姓名', 40),
  unit: text('所在单位', 80),
  districtId: optionalDistrict,
  active: bool,
});
export type InspectorInput = z.input<typeof inspectorSchema>;

// ---------------------------------------------------------------------------------------------------------
// The draw

export const MAX_SAMPLE = 500;
export const MAX_PER_ITEM = 5;

export const drawSchema = z.object({
  title: text('抽查名称', 80),
  quarter: z
    .string({ message: '请选择季度' })
    .regex(/^\d{4}Q[1-4]$/, '季度格式应为 2026Q4')
    .transform((s) => ({ year: Number(s.slice(0, 4)), quarter: Number(s.slice(5)) })),
  population: z.enum(['estate', 'company'], { message: '请选择抽查对象' }),
  districtId: optionalDistrict,
  sampleSize: z.coerce.number({ message: '请填写抽取数量' }).int('抽取数量应为整数').min(1, '至少抽取 1 个').max(MAX_SAMPLE, `一次最多抽取 ${MAX_SAMPLE} 个`),
  perItem: z.coerce.number({ message: '请填写每个对象的检查人员数' }).int('应为整数').min(1, '每个对象至少 1 名检查人员').max(MAX_PER_ITEM, `每个对象最多 ${MAX_PER_ITEM} 名检查人员`),
  avoidOwnDistrict: bool,
  /** Blank: 32 random bytes at draw time. Otherwise a public seed (e.g. a lottery number drawn after today). */
  publicSeed: z
    .union([z.string(), z.null()])
    .optional()
    .transform((v) => (v ?? '').trim())
    .refine((v) => v.length <= 200, '公开种子不超过 200 个字符'),
  /** The second step: "确认抽取" (the check-your-answers page was shown). */
  confirm: bool,
});
export type DrawFormInput = z.input<typeof drawSchema>;

export const publishDrawSchema = z.object({ id: z.uuid({ message: '抽查编号无效' }), version: z.coerce.number().int().min(1) });

// ---------------------------------------------------------------------------------------------------------
// Results

export const resultSchema = z.object({
  itemId: z.uuid({ message: '抽查对象编号无效' }),
  version: z.coerce.number({ message: '版本无效' }).int().min(1),
  checkedOn: z.iso.date({ message: '请填写检查日期' }),
  inspectorIds: z.array(z.uuid({ message: '检查人员编号无效' })).min(1, '请选择实际到场的检查人员').max(10),
  score: inspectionScoreField.refine((v) => v !== null, '请填写检查得分'),
  findings: text('检查发现的问题', 2000),
});

// ---------------------------------------------------------------------------------------------------------
// Inputs pasted by a visitor (or read back from the database): bounded sizes

export const MAX_PASTE_CHARS = 400_000;
const id = z.string().min(1).max(64);
const name = z.string().max(200);

export const drawInputsSchema: z.ZodType<DrawInputs> = z.object({
  algorithm: z.literal(SPOT_CHECK_ALGORITHM, { message: `只支持 ${SPOT_CHECK_ALGORITHM} 算法` }),
  ruleVersion: z.number().int().min(1).max(1000),
  title: name,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4),
  population: z.enum(['estate', 'company']),
  districtId: id.nullable(),
  sampleSize: z.number().int().min(0).max(MAX_SAMPLE),
  perItem: z.number().int().min(1).max(MAX_PER_ITEM),
  avoidOwnDistrict: z.boolean(),
  loadCap: z.number().int().min(1).max(MAX_SAMPLE),
  candidates: z
    .array(
      z.object({
        id,
        name,
        districtId: id.nullable(),
        districtName: name.nullable(),
        companyName: name.nullable().optional(),
        weight: z.number().positive().max(1000),
        reasons: z.array(name).max(20),
      }),
    )
    .max(5000, '候选对象最多 5000 个'),
  inspectors: z.array(z.object({ id, name, unit: name, districtId: id.nullable(), districtName: name.nullable() })).max(500, '检查人员最多 500 名'),
});

export const pasteSchema = z.object({
  seed: z.string({ message: '请填写种子' }).trim().min(1, '请填写种子').max(200, '种子不超过 200 个字符'),
  inputs: z.string({ message: '请粘贴抽查输入（JSON）' }).min(1, '请粘贴抽查输入（JSON）').max(MAX_PASTE_CHARS, '输入过长（不超过 400 KB）'),
});
