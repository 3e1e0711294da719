/**
 * Objections (SN 18, DW 9; SPEC §3.8). Of a practitioner about their own data: which items may be objected to,
 * which of them a handler corrects in place, the tracking code, and the case statuses. About records (at the
 * end): the repeat rule and the published correction. Pure: no I/O.
 */
import type { RecordCorrection } from './records';

/** The items of SN 7 a person may say are wrong, in the order of the 信息名册. */
export const OBJECTION_FIELDS = {
  name: '姓名',
  ethnicity: '民族',
  nativePlace: '籍贯',
  politicalStatus: '政治面貌',
  mobile: '手机号码',
  school: '毕业院校',
  major: '毕业专业',
  education: '学历',
  skills: '专业技能',
  certificates: '资格证书',
  hiredOn: '入职时间',
  post: '岗位',
  other: '其他',
} as const;
export type ObjectionField = keyof typeof OBJECTION_FIELDS;
export const OBJECTION_FIELD_KEYS = Object.keys(OBJECTION_FIELDS) as [ObjectionField, ...ObjectionField[]];

/**
 * The items a handler corrects directly on the record (one value each). Certificates and "other" are answered
 * by a correction of one of these or by an explanation.
 */
export const CORRECTABLE_FIELDS = ['name', 'ethnicity', 'nativePlace', 'politicalStatus', 'mobile', 'school', 'major', 'education', 'skills', 'hiredOn', 'post'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/**
 * What the public sees of a person (name, post; the mobile of posts that publish it) and the number the one-time
 * codes go to: corrections of these are decided by the district (SN 15), never by the employing company alone.
 */
export const PUBLIC_FACING_FIELDS: readonly CorrectableField[] = ['name', 'post', 'mobile'];
/** Never corrected by the company, not even as a proposal: the district corrects them itself. */
export const COMPANY_NEVER_FIELDS: readonly CorrectableField[] = ['name', 'post'];

/**
 * How a handler's correction of `field` on a case about `named` goes: applied at once, proposed to the district,
 * or refused (with the reason). Only the item the case names is corrected; a case about certificates or "other"
 * may be answered by the district or the city with a correction of another item.
 */
export function correctionRoute(
  role: 'company' | 'district' | 'city',
  named: ObjectionField,
  field: CorrectableField,
): { route: 'direct' | 'district' } | { route: 'refused'; message: string } {
  const openItem = named === 'other' || named === 'certificates';
  if (field !== named && !(openItem && role !== 'company')) {
    return { route: 'refused', message: `只能更正本异议所指的信息项（${OBJECTION_FIELDS[named]}）` };
  }
  if (role !== 'company') return { route: 'direct' };
  if (COMPANY_NEVER_FIELDS.includes(field)) {
    return { route: 'refused', message: `${OBJECTION_FIELDS[field]}的更正由区县住建部门办理，企业不能更正；请说明核实情况，由区县住建部门处理。` };
  }
  return { route: PUBLIC_FACING_FIELDS.includes(field) ? 'district' : 'direct' };
}

/** A company's correction of a public-facing item, waiting for the district (kept in cases.decision while open). */
export interface ObjectionProposal {
  outcome: 'proposed';
  changes: { field: CorrectableField; label: string; before: string | null; after: string | null }[];
  note: string;
  proposedBy: string;
}

export function parseObjectionProposal(text: string | null): ObjectionProposal | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as ObjectionProposal;
    if (v && v.outcome === 'proposed' && Array.isArray(v.changes) && v.changes.length === 1) return v;
  } catch {
    // not a proposal
  }
  return null;
}

/** Open cases: the person shows 异议处理中 and a second objection is refused. */
export const OPEN_CASE_STATUSES = ['open', 'verifying'] as const;
export const DECIDED_CASE_STATUSES = ['corrected', 'dismissed'] as const;

export const OBJECTION_STATUS_LABELS: Record<string, string> = {
  open: '已受理，待核实',
  verifying: '核实中',
  corrected: '已更正',
  dismissed: '维持原信息（已说明理由）',
};

export function isOpenStatus(status: string): boolean {
  return (OPEN_CASE_STATUSES as readonly string[]).includes(status);
}

/** No 0/O, 1/I/L: a code read over the phone or copied by hand is not mistaken. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_LENGTH = 12;

/**
 * 12 characters of a 31-letter alphabet (≈ 59 bits): not guessable. Web Crypto (global in Node and browsers), not
 * node:crypto: the forms import this module's labels, and a node:crypto import would put a ≈ 140 KB (gzipped)
 * crypto polyfill into their JavaScript. Bytes of 248 and above are drawn again, so every letter is equally likely.
 */
export function newTrackingCode(): string {
  let s = '';
  const byte = new Uint8Array(1);
  const limit = 256 - (256 % TRACKING_ALPHABET.length);
  while (s.length < TRACKING_LENGTH) {
    crypto.getRandomValues(byte);
    if (byte[0] < limit) s += TRACKING_ALPHABET[byte[0] % TRACKING_ALPHABET.length];
  }
  return s;
}

/** Normalises a typed code (spaces, dashes, lower case); null when it cannot be a code. */
export function normalizeTrackingCode(raw: string): string | null {
  const s = String(raw ?? '').replace(/[\s-]/g, '').toUpperCase();
  if (s.length !== TRACKING_LENGTH) return null;
  for (const ch of s) if (!TRACKING_ALPHABET.includes(ch)) return null;
  return s;
}

/** What an objection's body (stored as JSON text in cases.body) holds. */
export interface ObjectionBody {
  field: ObjectionField;
  /** What the person says is right. */
  claimed: string;
  /** Optional explanation. */
  statement: string | null;
}

/** What a decided objection's `decision` (JSON text) holds: the fields changed, with before and after. */
export interface ObjectionDecision {
  outcome: 'corrected' | 'dismissed';
  changes: { field: CorrectableField; label: string; before: string | null; after: string | null }[];
}

export function parseObjectionBody(text: string): ObjectionBody {
  try {
    const v = JSON.parse(text) as Partial<ObjectionBody>;
    if (v && typeof v.field === 'string' && v.field in OBJECTION_FIELDS) {
      return { field: v.field as ObjectionField, claimed: String(v.claimed ?? ''), statement: v.statement ? String(v.statement) : null };
    }
  } catch {
    // fall through: a body written by hand
  }
  return { field: 'other', claimed: text, statement: null };
}

export function parseObjectionDecision(text: string | null): ObjectionDecision | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as ObjectionDecision;
    if (v && (v.outcome === 'corrected' || v.outcome === 'dismissed') && Array.isArray(v.changes)) return v;
  } catch {
    // not a structured decision
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Objections about records (DW 9, SN 18; SPEC §3.8): a company about its credit records, any person about
// published information (with written evidence), a practitioner about their own good or bad record.

/** What a record objection is about (cases.subject_type). */
export const RECORD_SUBJECT_TYPES = ['credit_record', 'practitioner_record'] as const;
export type RecordSubject = (typeof RECORD_SUBJECT_TYPES)[number];
export type ObjectionSubject = 'practitioner' | RecordSubject;

export const OBJECTION_SUBJECT_LABELS: Record<ObjectionSubject, string> = {
  practitioner: '从业人员本人信息',
  credit_record: '企业信用记录',
  practitioner_record: '从业人员奖惩记录',
};

/** Who filed a record objection: the company about its own record, the person about theirs, or anyone. */
export type RecordObjectionFiler = 'company' | 'subject' | 'public';

export const RECORD_OBJECTION_FILER_LABELS: Record<RecordObjectionFiler, string> = {
  company: '企业',
  subject: '记录当事人',
  public: '公众',
};

/** What a record objection's body (cases.body, JSON text) holds. */
export interface RecordObjectionBody {
  filer: RecordObjectionFiler;
  /** What the objector says is wrong, and why. */
  reason: string;
}

export function parseRecordObjectionBody(text: string): RecordObjectionBody {
  try {
    const v = JSON.parse(text) as Partial<RecordObjectionBody>;
    if (v && typeof v.reason === 'string' && (v.filer === 'company' || v.filer === 'subject' || v.filer === 'public')) {
      return { filer: v.filer, reason: v.reason };
    }
  } catch {
    // fall through: a body written by hand
  }
  return { filer: 'public', reason: text };
}

/** What a decided record objection's `decision` (JSON text) holds: the published correction, if any. */
export interface RecordObjectionDecision {
  outcome: 'corrected' | 'revoked' | 'dismissed';
  correction: RecordCorrection | null;
}

export function parseRecordObjectionDecision(text: string | null): RecordObjectionDecision | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as RecordObjectionDecision;
    if (v && (v.outcome === 'corrected' || v.outcome === 'revoked' || v.outcome === 'dismissed')) return { outcome: v.outcome, correction: v.correction ?? null };
  } catch {
    // not a structured decision
  }
  return null;
}

export const RECORD_OPEN_EXISTS_MESSAGE = '该记录已有异议正在处理中，请等待处理结果（可凭查询码查看进度），办结前不再受理同一记录的异议。';
export const RECORD_REPEAT_MESSAGE =
  '该记录的异议已经处理完毕。没有新的书面证明材料的重复异议不予受理；如有新的证据，请上传此前未提交过的证明材料后再提出。';

/**
 * SPEC §3.8 / SN 18 / DW 9: may another objection on this record be accepted? Refused while one is open (by
 * anyone); after a decision, only with at least one evidence file (by content: sha256) that none of the earlier
 * objections on this record carried.
 */
export function recordRepeatRefusal(
  earlier: readonly { status: string }[],
  newEvidence: readonly string[],
  earlierEvidence: ReadonlySet<string>,
): 'open' | 'no-new-evidence' | null {
  if (earlier.some((c) => isOpenStatus(c.status))) return 'open';
  if (earlier.length === 0) return null;
  return newEvidence.some((h) => !earlierEvidence.has(h)) ? null : 'no-new-evidence';
}

/** The items of a record a handler may correct, with the labels the published correction uses. */
export interface CorrectableRecord {
  type: string;
  description: string;
  /** Credit warning records only. */
  severity?: string | null;
  /** Credit records only: confirmed points (numeric text such as "3.00"). */
  points?: string | null;
  /** Derived from the severity: the last day of public view. Shown when a severity change moves it. */
  publicUntil?: string | null;
}

export const RECORD_ITEM_LABELS: Record<keyof CorrectableRecord, string> = {
  type: '类型',
  description: '事实描述',
  severity: '严重程度',
  points: '分值',
  publicUntil: '公示截止日期',
};

/** "3.00" → "3", "2.50" → "2.5"; anything else as typed. */
export function formatPoints(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '';
  const n = Number(v);
  return Number.isFinite(n) ? String(Number(n.toFixed(2))) : String(v);
}

const show = (k: keyof CorrectableRecord, v: string | null | undefined) => (k === 'points' ? formatPoints(v) : (v ?? '').trim());

/**
 * The published correction (DW 9: 变更信息, never a silent edit) of a record from its values before and the
 * handler's changes: only the items that really change, labelled as the public sees them. Null when nothing
 * changes.
 */
export function buildRecordCorrection(
  before: CorrectableRecord,
  after: Partial<CorrectableRecord>,
  meta: { on: string; reason: string; caseId: string | null },
): RecordCorrection | null {
  const b: Record<string, string> = {};
  const a: Record<string, string> = {};
  for (const k of Object.keys(RECORD_ITEM_LABELS) as (keyof CorrectableRecord)[]) {
    if (!(k in after) || after[k] === undefined) continue;
    const was = show(k, before[k]);
    const now = show(k, after[k]);
    if (was === now) continue;
    b[RECORD_ITEM_LABELS[k]] = was || '—';
    a[RECORD_ITEM_LABELS[k]] = now || '—';
  }
  if (Object.keys(a).length === 0) return null;
  return { on: meta.on, reason: meta.reason, before: b, after: a, caseId: meta.caseId };
}

/** The published notice of a record withdrawn as a whole after an objection. */
export function revocationCorrection(meta: { on: string; reason: string; caseId: string | null }): RecordCorrection {
  return { on: meta.on, reason: meta.reason, before: {}, after: {}, caseId: meta.caseId, revoked: true };
}

/** How an objection names the kind of record it is about. */
export const RECORD_KIND_LABELS: Record<string, string> = {
  basic: '基本信息',
  performance: '业绩信息（红榜）',
  warning: '警示信息（黑榜）',
  good: '优良信息',
  bad: '不良信息',
};

/** The status of a record objection as the objector reads it. */
export function recordObjectionStatusLabel(status: string, outcome: RecordObjectionDecision['outcome'] | null): string {
  if (status === 'corrected') return outcome === 'revoked' ? '异议成立，记录已撤销' : '异议成立，记录已更正';
  if (status === 'dismissed') return '维持原记录（已说明理由）';
  return OBJECTION_STATUS_LABELS[status] ?? status;
}
