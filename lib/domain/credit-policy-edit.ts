/**
 * Editing the credit policy (SPEC §4): each setting's Chinese label, unit and source article, the checks across
 * settings that the shape alone does not express, and the difference between two versions.
 */
import { creditPolicySchema, type CreditPolicy } from './credit-policy';

export interface PolicyField {
  /** Dotted path in the settings; a tuple element is `warningPublicityMonths.一般.0`. Also the form field's name. */
  path: string;
  label: string;
  /** The article the SPEC §4 table names as the setting's source. */
  source: string;
  unit: string;
  kind: 'number' | 'int' | 'boolean';
  min?: number;
  max?: number;
  /** Shown to the user multiplied by this (a share of 0.05 is shown as 5 %). */
  scale?: number;
  hint?: string;
}

export interface PolicyGroup {
  title: string;
  fields: PolicyField[];
}

const score = (path: string, label: string, source: string, hint?: string): PolicyField => ({
  path,
  label,
  source,
  unit: '分',
  kind: 'number',
  min: 0,
  max: 1000,
  hint,
});
const count = (path: string, label: string, source: string, unit: string, min: number, max?: number, hint?: string): PolicyField => ({
  path,
  label,
  source,
  unit,
  kind: 'int',
  min,
  max,
  hint,
});
const RULES = '国家信用修复规定';

export const POLICY_GROUPS: PolicyGroup[] = [
  {
    title: '年度综合评价与信用等级',
    fields: [
      score('annualBaseScore', '年度评价基础分', 'ZT 五.3'),
      score('interviewBelow', '低于此分数约谈并出具风险提示函', 'ZT 五.3'),
      count('blackListAfterYearsBelow', '连续低于上述分数列入黑名单的年数', 'ZT 五.3', '年', 1, 10),
      score('grades.A', 'A 级：年度得分不低于', 'ZJ 6', '参与招投标须达到 A 级'),
      score('grades.B', 'B 级：年度得分不低于', 'ZJ 6'),
      score('grades.C', 'C 级：年度得分不低于', 'ZJ 6', '低于 C 级分数线或被一票否决的为 D 级'),
    ],
  },
  {
    title: '小区季度评定与连续评定',
    fields: [
      score('estateRating.excellent', '评为“优秀”的检查得分不低于', 'DW 10、12'),
      score('estateRating.good', '评为“良好”的检查得分不低于', 'DW 10、12', '低于此分数评为“差”'),
      count('consecutiveRatings', '连续评定触发奖惩的次数', 'DW 14', '次', 2, 8),
      count('rectificationDays', '连续三次“差”后的整改期', 'DW 14', '天', 1, 365),
      count('marketBanYears', '整改不合格或拒不整改的市场禁入期', 'DW 14', '年', 1, 10),
    ],
  },
  {
    title: '绿色通道与表彰',
    fields: [
      count('greenChannelCleanYears', '连续无警示记录进入绿色通道的年数', 'CQ 三.(五)', '年', 1, 10),
      count('associationCommendationsPerYear', '行业协会表彰每年上限', 'SN 10', '人次', 0),
    ],
  },
  {
    title: '办理期限',
    fields: [
      count('entryDeadlineWorkingDays', '签订劳动合同后录入从业人员信息', 'SN 6', '个工作日', 1, 60),
      count('goodRecordFilingDays', '收到表彰文件后报送良好记录', 'SN 12', '天', 1, 60),
      count('badConductReportDays', '报送不良行为线索', 'SN 14', '天', 1, 60),
      count('postChangeFilingDays', '岗位变动、调动后报备', 'SN 15、16', '天', 1, 60),
      count('penaltyPublicationWorkingDays', '行政处罚决定后公示', 'CQ 三.(四)', '个工作日', 1, 60),
      count('nonRenewalNoticeDays', '不再续约的提前书面告知', 'ZJ 7', '天', 1, 365),
      count('creditRepairDecisionWorkingDays', '材料齐全后作出信用修复决定', RULES, '个工作日', 1, 60),
      count('complaintAnswerWorkingDays', '企业答复业主投诉', 'SN 13.5、CQ', '个工作日', 1, 60, '逾期未答复的，区县住建部门可直接核实处理'),
      count('rectificationOrderDays', '责令限期整改的默认期限', 'SN 24', '天', 1, 180, '逾期未整改的，予以通报批评和约谈'),
    ],
  },
  {
    title: '履约保证金',
    fields: [
      { path: 'bond.minShareOfAnnualFees', label: '不低于一年物业服务费的', source: 'ZJ 9', unit: '%', kind: 'number', min: 0, max: 1, scale: 100 },
      { path: 'bond.maxYuan', label: '最高不超过', source: 'ZJ 9', unit: '元', kind: 'number', min: 0, max: 100_000_000 },
    ],
  },
  {
    title: '信用记录公示期',
    fields: [
      count('warningPublicityMonths.轻微.0', '轻微警示记录：可申请修复前的最短公示期', RULES, '个月', 0, 3),
      count('warningPublicityMonths.轻微.1', '轻微警示记录：最长公示期', RULES, '个月', 0, 3, '轻微记录默认不公开，公开时不超过 3 个月'),
      count('warningPublicityMonths.一般.0', '一般警示记录：最短公示期', RULES, '个月', 3, 12),
      count('warningPublicityMonths.一般.1', '一般警示记录：最长公示期', RULES, '个月', 3, 12, '3 个月至 1 年'),
      count('warningPublicityMonths.严重.0', '严重警示记录：最短公示期', RULES, '个月', 12, 36),
      count('warningPublicityMonths.严重.1', '严重警示记录：最长公示期', RULES, '个月', 12, 36, '1 年至 3 年'),
      { path: 'publishMinorWarnings', label: '公开轻微警示记录', source: RULES, unit: '', kind: 'boolean' },
      count('performancePublicityMonths', '良好（红色）信用记录公示期', '通行做法', '个月', 1, 60),
    ],
  },
];

export const POLICY_FIELDS: PolicyField[] = POLICY_GROUPS.flatMap((g) => g.fields);

export function getSetting(settings: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), settings);
}

function setSetting(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split('.');
  let node: Record<string, unknown> = target;
  parts.slice(0, -1).forEach((part, i) => {
    const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
    node = (node[part] ??= nextIsIndex ? [] : {}) as Record<string, unknown>;
  });
  node[parts[parts.length - 1]!] = value;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A setting as the form shows it (a share as a percentage). */
export function displayValue(field: PolicyField, value: unknown): string {
  if (field.kind === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'number') return '';
  return String(round(value * (field.scale ?? 1)));
}

export type PolicyCheck = { ok: true; settings: CreditPolicy } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Reads settings as a form sends them (strings, a percentage for a share, a checkbox) or as numbers, and checks
 * each against its range and the settings against each other. Field errors are keyed by the setting's path.
 */
export function checkPolicySettings(input: unknown): PolicyCheck {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => void (errors[path] ??= []).push(message);
  const out: Record<string, unknown> = {};
  for (const f of POLICY_FIELDS) {
    const raw = getSetting(input, f.path);
    if (f.kind === 'boolean') {
      setSetting(out, f.path, raw === true || raw === 'on' || raw === 'true');
      continue;
    }
    const text = typeof raw === 'number' ? null : typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      add(f.path, '请填写此项');
      continue;
    }
    const shown = text === null ? (raw as number) * (f.scale ?? 1) : Number(text);
    if (!Number.isFinite(shown)) {
      add(f.path, '请填写数字');
      continue;
    }
    if (f.kind === 'int' && !Number.isInteger(shown)) {
      add(f.path, '请填写整数');
      continue;
    }
    const value = text === null ? (raw as number) : round(shown / (f.scale ?? 1));
    const lo = f.min !== undefined ? f.min * (f.scale ?? 1) : undefined;
    const hi = f.max !== undefined ? f.max * (f.scale ?? 1) : undefined;
    if (lo !== undefined && shown < lo) add(f.path, `不能小于 ${lo}${f.unit === '%' ? ' %' : ''}`);
    else if (hi !== undefined && shown > hi) add(f.path, `不能大于 ${hi}${f.unit === '%' ? ' %' : ''}`);
    setSetting(out, f.path, value);
  }
  if (Object.keys(errors).length === 0) {
    for (const issue of policyCrossFieldIssues(out as unknown as CreditPolicy)) add(issue.path, issue.message);
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const parsed = creditPolicySchema.safeParse(out);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.join('.') || '_form', '数值不在允许范围内');
    return { ok: false, fieldErrors: errors };
  }
  return { ok: true, settings: parsed.data };
}

/** SPEC §4: the checks between settings, each reported at the setting to change. */
export function policyCrossFieldIssues(s: CreditPolicy): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!(s.grades.A > s.grades.B)) issues.push({ path: 'grades.A', message: 'A 级分数线须高于 B 级分数线' });
  if (!(s.grades.B > s.grades.C)) issues.push({ path: 'grades.B', message: 'B 级分数线须高于 C 级分数线' });
  if (!(s.estateRating.excellent > s.estateRating.good)) {
    issues.push({ path: 'estateRating.excellent', message: '“优秀”的分数线须高于“良好”的分数线' });
  }
  const windows: { key: '轻微' | '一般' | '严重'; min: number; max: number; range: string }[] = [
    { key: '轻微', min: 0, max: 3, range: '不超过 3 个月' },
    { key: '一般', min: 3, max: 12, range: '在 3 个月至 12 个月之间' },
    { key: '严重', min: 12, max: 36, range: '在 12 个月至 36 个月之间' },
  ];
  for (const w of windows) {
    const [lo, hi] = s.warningPublicityMonths[w.key];
    if (lo < w.min || lo > w.max) issues.push({ path: `warningPublicityMonths.${w.key}.0`, message: `${w.key}警示记录的公示期应${w.range}` });
    if (hi < w.min || hi > w.max) issues.push({ path: `warningPublicityMonths.${w.key}.1`, message: `${w.key}警示记录的公示期应${w.range}` });
    if (lo > hi) issues.push({ path: `warningPublicityMonths.${w.key}.0`, message: '最短公示期不能长于最长公示期' });
  }
  return issues;
}

export interface PolicyChange {
  path: string;
  label: string;
  from: string;
  to: string;
  /** Shown once after both values ("100 → 120 人次"). */
  unit: string;
}

/** The settings that differ between two versions, in form order, as shown in the history. */
export function policyChanges(before: unknown, after: unknown): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const f of POLICY_FIELDS) {
    const a = getSetting(before, f.path);
    const b = getSetting(after, f.path);
    if (a === b) continue;
    changes.push({ path: f.path, label: f.label, from: a === undefined ? '（无）' : displayValue(f, a), to: displayValue(f, b), unit: f.unit });
  }
  return changes;
}

export const POLICY_REASON_MIN = 4;
export const POLICY_REASON_MAX = 500;

export function checkPolicyReason(reason: unknown): string | null {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (!r) return '请填写修改原因';
  if (r.length < POLICY_REASON_MIN) return `修改原因至少 ${POLICY_REASON_MIN} 个字`;
  if (r.length > POLICY_REASON_MAX) return `修改原因不超过 ${POLICY_REASON_MAX} 个字`;
  return null;
}
