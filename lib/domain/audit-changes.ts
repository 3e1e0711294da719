/**
 * An audit row's before/after values as readable field changes: one line per field, labelled in Chinese, values
 * as plain text (not JSON). Nested objects are flattened one level at a time (`更正内容 · 岗位`). ID numbers are
 * never shown: the rows carry only masked ones, and the viewer drops those fields too and blanks anything that
 * still looks like an ID number. Pure; unit-tested.
 */

export const FIELD_LABELS: Record<string, string> = {
  status: '状态',
  version: '版本',
  name: '姓名 / 名称',
  post: '岗位',
  type: '类型',
  kind: '类别',
  reason: '理由',
  note: '说明',
  projectId: '小区',
  projectName: '小区',
  companyId: '企业',
  companyName: '企业',
  practitionerId: '从业人员',
  submissionId: '申请',
  late: '逾期',
  lateDays: '逾期天数',
  occurredOn: '发生日期',
  receivedOn: '收到日期',
  statement: '说明内容',
  consent: '原企业意见',
  consentReason: '不同意理由',
  until: '截止',
  trackingCode: '查询码',
  result: '结果',
  outcome: '处理结果',
  publicUntil: '公开截止',
  publishedOn: '公开日期',
  year: '年度',
  quarter: '季度',
  settings: '参数',
  points: '分值',
  proposedPoints: '拟扣分值',
  severity: '严重程度',
  description: '内容',
  field: '异议事项',
  decision: '决定',
  dueOn: '期限',
  endedOn: '结束日期',
  leftOn: '离职日期',
  hiredOn: '入职日期',
  username: '账号',
  displayName: '显示名',
  role: '角色',
  districtId: '区县',
  count: '行数',
  total: '总数',
  filters: '筛选条件',
  action: '操作',
  actor: '操作人',
  object: '对象编号',
  from: '起始日期',
  to: '截止日期',
  list: '列表',
  truncated: '超出上限未全部导出',
  files: '附件数',
  photos: '照片数',
  evidenceFiles: '证据材料数',
  answer: '答复',
  about: '事由',
  correction: '更正内容',
  objection: '异议查询码',
  uscc: '统一社会信用代码',
  changes: '变更',
  policyVersion: '办法版本',
  vetoType: '否决事项',
  bannedUntil: '禁入截止',
  newPhoto: '新证件照',
  exitReason: '离职原因',
  fromCompanyId: '原企业',
  toProjectId: '调入小区',
  mobileEnding: '手机尾号',
  lockedUntil: '锁定至',
  failedLogins: '失败次数',
  holidays: '节假日',
  workdays: '调休工作日',
  grades: '等级',
  published: '已公布',
  approved: '通过',
  rejected: '未通过',
  source: '来源',
  timing: '时限',
  before: '原值',
  after: '新值',
};

/** Fields never shown, whatever their value: identity numbers and secrets. */
const HIDDEN = /^(id_?number.*|password.*|.*hash|secret|token|challenge)$/i;
/** A mainland ID number (18 characters), or anything shaped like one. */
const ID_NUMBER = /\d{17}[\dXx]/g;
const MAX = 200;

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value as text: 是/否, dates as they are, lists joined by 、, short objects as 「名：值」 pairs. */
export function formatValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return clip(v.replace(ID_NUMBER, '（已隐去）'));
  if (Array.isArray(v)) return clip(v.length === 0 ? '（无）' : v.map((x) => formatValue(x, depth + 1)).join('、'));
  if (isPlainObject(v)) {
    if (depth > 1) return '…';
    const parts = Object.entries(v)
      .filter(([k, x]) => !HIDDEN.test(k) && x !== undefined)
      .map(([k, x]) => `${FIELD_LABELS[k] ?? k}：${formatValue(x, depth + 1)}`);
    return clip(parts.length ? parts.join('；') : '（无）');
  }
  return '—';
}

function clip(s: string): string {
  return s.length > MAX ? `${s.slice(0, MAX)}…` : s;
}

/** The fields of `before` and `after` (objects, or a single value), in order, with what changed. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (before == null && after == null) return [];
  const b = isPlainObject(before) ? before : before == null ? {} : { value: before };
  const a = isPlainObject(after) ? after : after == null ? {} : { value: after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.test(k));
  const out: FieldChange[] = [];
  for (const k of keys) {
    if (b[k] === undefined && a[k] === undefined) continue;
    const field = k === 'value' ? '内容' : (FIELD_LABELS[k] ?? k);
    out.push({ field, before: k in b && b[k] !== undefined ? formatValue(b[k]) : null, after: k in a && a[k] !== undefined ? formatValue(a[k]) : null });
  }
  return out;
}

/** The changes as one line of text (the Excel export). */
export function auditChangesText(before: unknown, after: unknown): string {
  return auditChanges(before, after)
    .map((c) => (c.before !== null && c.after !== null ? `${c.field}：${c.before} → ${c.after}` : `${c.field}：${c.after ?? c.before}`))
    .join('\n');
}
