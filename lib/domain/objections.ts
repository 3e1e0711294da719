/**
 * Objections of a practitioner about their own data (SN 18; SPEC §3.8): which items may be objected to, which of
 * them a handler corrects in place, the tracking code, and the case statuses. Pure: no I/O.
 */
import { randomInt } from 'node:crypto';

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

/** 12 characters of a 31-letter alphabet (≈ 59 bits): not guessable. */
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_LENGTH; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
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
