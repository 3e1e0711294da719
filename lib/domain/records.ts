/**
 * Conduct and credit records (SPEC §3.4, §3.5, §3.7, §4): the closed lists of record types, filing deadlines,
 * publicity windows, what counts, credit repair and the penalty-publication deadline. Pure: no I/O, and every
 * rule takes "today" as an argument so tests move the clock by passing a date.
 *
 * Dates are 'YYYY-MM-DD'. A window runs from its start (the publication date) up to, not including, its end:
 * on `publicUntil` the record has left public view and stopped counting; on `minPublicUntil` repair may be asked.
 */
import type { CreditPolicy } from './credit-policy';
import { addMonths, addWorkingDays, calendarDaysBetween, workingDaysBetween } from './working-days';

// ---------------------------------------------------------------------------------------------------------
// Staff records (SN 9–14)

/** SN 9: the four types of good records. */
export const GOOD_RECORD_TYPES = ['政府部门表彰', '行业协会表彰', '业主书面表扬', '从业表现突出'] as const;
export type GoodRecordType = (typeof GOOD_RECORD_TYPES)[number];

/** SN 9 in the article's words, shown under the type on the filing form. */
export const GOOD_RECORD_HINTS: Record<GoodRecordType, string> = {
  政府部门表彰: '获得社区、街道、相关部门的表彰，如被评为优秀物业服务人员、先进个人等。',
  行业协会表彰: '获得行业协会评选颁发的荣誉，如行业标兵、优秀个人会员等。由行业协会在平台直接报送，每年不超过 100 人次（第十条）。',
  业主书面表扬:
    '业主对其服务态度、专业能力等方面给予的书面肯定性评价，仅限表扬信、锦旗。业主口头表扬或在业主群简单表扬等日常事项，不予纳入（第九条）。',
  从业表现突出: '成功处理物业服务中的复杂问题或突发事件，须写明参与人员并上传现场照片等佐证资料（第十一条）。',
};

/** 业主书面表扬: only these written forms are accepted (SN 9.3). */
export const OWNER_PRAISE_FORMS = ['表扬信', '锦旗'] as const;

/**
 * SN 13 (第十三条): the eleven types of bad records, in the article's own words (numbering and final full
 * stop removed). A closed list.
 */
export const BAD_RECORD_TYPES = [
  '在物业活动中，被县级以上行政主管部门予以行政处罚',
  '在物业活动中，被司法机关或者仲裁机构认定负有个人责任',
  '未按照规定及时填报、更新个人基本信息，或在行政管理部门检查、调查时，不配合提供相关信息或资料，拒绝整改存在的问题',
  '违反物业服务行业自律制度，被行业协会公开谴责',
  '被业主投诉，经核实相关人员负有责任的',
  '被国家、省、市权威媒体负面评价报道，相关人员负有责任的',
  '在物业活动中，存在伪造专业证书、虚报工作业绩、提供虚假服务报告等不诚信行为',
  '安全事故责任：发生人身伤亡安全事故，经司法机关或者仲裁机构或者相关行政管理部门确认相关人员负有责任的',
  '发生影响社会稳定事件或舆情事件，相关人员负有责任的',
  '在相关部门开展的物业服务质量以及安全检查等工作中，相关人员存在拒不接受检查、拒不提供资料、拒不整改、整改不到位等行为的',
  '在物业活动中的其他不良行为',
] as const;
export type BadRecordType = (typeof BAD_RECORD_TYPES)[number];

/** Short labels for BAD_RECORD_TYPES, index for index (narrow table cells; the full wording is on the record). */
export const BAD_RECORD_TYPE_SHORT = [
  '受到行政处罚',
  '被司法或仲裁认定负有个人责任',
  '未按规定填报更新信息或不配合检查',
  '被行业协会公开谴责',
  '业主投诉经核实负有责任',
  '被权威媒体负面报道',
  '伪造证书、虚报业绩等不诚信行为',
  '安全事故责任',
  '引发影响社会稳定事件或舆情事件',
  '拒不接受检查或整改不到位',
  '其他不良行为',
] as const satisfies readonly string[] & { length: 11 };

/** SN 13.4: the type the association reports (its public censures). */
export const ASSOCIATION_CENSURE_TYPE: BadRecordType = BAD_RECORD_TYPES[3];

export function badRecordShort(type: string): string {
  const i = (BAD_RECORD_TYPES as readonly string[]).indexOf(type);
  return i >= 0 ? BAD_RECORD_TYPE_SHORT[i] : type;
}

export function isGoodRecordType(t: string): t is GoodRecordType {
  return (GOOD_RECORD_TYPES as readonly string[]).includes(t);
}

export function isBadRecordType(t: string): t is BadRecordType {
  return (BAD_RECORD_TYPES as readonly string[]).includes(t);
}

/**
 * Calendar days a filing is late: SN 12 (good records, "收到…文件…后五日内") and SN 14 (bad-conduct reports,
 * "自收到（出具）相关证明资料或信息之日起3日内"). 0 when on time. `limitDays` comes from the policy.
 */
export function filingLateDays(receivedOn: string, filedOn: string, limitDays: number): number {
  return Math.max(0, calendarDaysBetween(receivedOn, filedOn) - limitDays);
}

export function goodRecordLateDays(receivedOn: string, filedOn: string, policy: Pick<CreditPolicy, 'goodRecordFilingDays'>): number {
  return filingLateDays(receivedOn, filedOn, policy.goodRecordFilingDays);
}

export function badReportLateDays(receivedOn: string, filedOn: string, policy: Pick<CreditPolicy, 'badConductReportDays'>): number {
  return filingLateDays(receivedOn, filedOn, policy.badConductReportDays);
}

/** SN 10: how many association commendations are left this year; the filing that would exceed the cap is refused. */
export function associationQuotaLeft(usedThisYear: number, policy: Pick<CreditPolicy, 'associationCommendationsPerYear'>): number {
  return Math.max(0, policy.associationCommendationsPerYear - usedThisYear);
}

export function associationCapMessage(year: number, policy: Pick<CreditPolicy, 'associationCommendationsPerYear'>): string {
  return `${year} 年度行业协会表彰已达 ${policy.associationCommendationsPerYear} 人次上限（《遂宁市物业服务从业人员执业管理办法》第十条：原则上每年不超过 ${policy.associationCommendationsPerYear} 人次），不能再报送本年度的表彰。`;
}

// Staff records: filing and notices (SN 9–14, 18), used by lib/services/practitioner-records.ts

/** SN 9 and 10: a company files these three; 行业协会表彰 is filed by the association itself. */
export const COMPANY_GOOD_RECORD_TYPES = ['政府部门表彰', '业主书面表扬', '从业表现突出'] as const satisfies readonly GoodRecordType[];

export const ASSOCIATION_ONLY_MESSAGE = '行业协会表彰由行业协会在平台直接报送，物业服务企业不能登记（第十条）';

/** SN 9.3: what the form says next to the written forms it accepts. */
export const OWNER_PRAISE_NOTE = '只接受业主的表扬信、锦旗等书面表扬；业主口头表扬或在业主群中的简单表扬不予纳入（第九条第三项）。';

export function isOwnerPraiseForm(form: string): form is (typeof OWNER_PRAISE_FORMS)[number] {
  return (OWNER_PRAISE_FORMS as readonly string[]).includes(form);
}

export interface GoodRecordFacts {
  /** 业主书面表扬: 表扬信 or 锦旗. */
  praiseForm?: string | null;
  /** 从业表现突出: who took part. */
  participants?: string | null;
  /** Evidence files (documents or images) and, for 从业表现突出, site photos (images only). */
  evidenceFiles: number;
  photoFiles: number;
}

/**
 * What a good-record filing still lacks, by form field (empty when complete): SN 9.3 letters and banners only,
 * SN 11 participants and site photos, SN 12 "上传证明材料".
 */
export function goodRecordProblems(type: GoodRecordType, f: GoodRecordFacts): Partial<Record<'praiseForm' | 'participants' | 'photos' | 'evidence', string>> {
  const out: Partial<Record<'praiseForm' | 'participants' | 'photos' | 'evidence', string>> = {};
  if (type === '业主书面表扬' && !isOwnerPraiseForm((f.praiseForm ?? '').trim())) {
    out.praiseForm = `请选择书面表扬的形式（${OWNER_PRAISE_FORMS.join('或')}）。${OWNER_PRAISE_NOTE}`;
  }
  if (type === '从业表现突出') {
    if (!(f.participants ?? '').trim()) out.participants = '请填写参与处置的人员（第十一条）';
    if (f.photoFiles < 1) out.photos = '请上传至少一张现场照片（第十一条）';
  } else if (f.evidenceFiles < 1) {
    out.evidence = '请上传表彰文件、表扬信或锦旗照片等证明材料（第十二条）';
  }
  return out;
}

/** SN 10: null when one more association commendation fits in the year, else the refusal. */
export function associationCapRefusal(usedThisYear: number, year: number, policy: Pick<CreditPolicy, 'associationCommendationsPerYear'>): string | null {
  return associationQuotaLeft(usedThisYear, policy) > 0 ? null : associationCapMessage(year, policy);
}

/** "逾期 N 天" beside a late filing; null when on time. */
export function lateLabel(lateDays: number): string | null {
  return lateDays > 0 ? `逾期 ${lateDays} 天` : null;
}

export interface BadRecordNoticeFacts {
  name: string;
  type: string;
  description: string;
  occurredOn: string;
  issuer: string;
  /** The bureau that entered the record, and when. */
  bureau: string;
  recordedOn: string;
  noticeCode: string;
}

/** The public forms a notice points to: an objection to this record, and a statement beside it. */
export function ownRecordObjectionUrl(siteUrl: string, noticeCode: string): string {
  return `${siteUrl}/objections/new?mode=own-record&notice=${encodeURIComponent(noticeCode)}`;
}

export function recordStatementUrl(siteUrl: string, noticeCode: string): string {
  return `${siteUrl}/statements/new?notice=${encodeURIComponent(noticeCode)}`;
}

/** SN 18: where the person may object (online by the notice code, or to the employer or the district). */
export function objectionRoutes(f: Pick<BadRecordNoticeFacts, 'bureau' | 'noticeCode'>, objectionUrl = '/objections/new'): string[] {
  return [
    `登录遂宁市物业信用监管平台“信息异议”页面（${objectionUrl}），凭本告知书编号 ${f.noticeCode} 在线提出异议，并上传相关证明材料；记录在平台公开期间均可提出。`,
    `向所在物业服务企业或${f.bureau}提交书面异议申请，写明具体异议内容并提供相关证明材料（《遂宁市物业服务从业人员执业管理办法》第十八条）。`,
    '经核实确属信息错误的，将在平台更正并公布更正情况；核实无误的，将向您说明情况。异议处理期间，该记录旁标注“异议处理中”。',
  ];
}

/** The notice to the employer (两书同达): what was recorded and how the person may object. */
export function badRecordEmployerNotice(f: BadRecordNoticeFacts): { title: string; body: string } {
  return {
    title: `不良行为记录告知：${f.name}（${badRecordShort(f.type)}）`,
    body:
      `${f.bureau}已于 ${f.recordedOn} 将贵单位从业人员${f.name}的不良行为记录录入遂宁市物业信用监管平台。` +
      `类型：${f.type}。发生日期：${f.occurredOn}。出具单位：${f.issuer}。事实：${f.description}\n` +
      `请打印《从业人员不良行为记录告知书》（编号 ${f.noticeCode}）并送达本人。本人如有异议：` +
      objectionRoutes(f).join(''),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Company credit records (DW 4, 8; CQ 三.(四); national credit-repair rules)

export const SEVERITIES = ['轻微', '一般', '严重'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_HINTS: Record<Severity, string> = {
  轻微: '情节轻微：不公示（或至多 3 个月），可随时申请信用修复',
  一般: '一般失信：公示最短 3 个月、最长 1 年',
  严重: '严重失信：公示最短 1 年、最长 3 年',
};

/** The publicity window of a warning record published on `publishedOn`, by its severity. */
export function warningWindow(publishedOn: string, severity: Severity, policy: Pick<CreditPolicy, 'warningPublicityMonths'>) {
  const [minM, maxM] = policy.warningPublicityMonths[severity];
  return { minPublicUntil: addMonths(publishedOn, minM), publicUntil: addMonths(publishedOn, maxM) };
}

/** A performance (red) record is public, and counts, for a fixed period. */
export function performanceWindow(publishedOn: string, policy: Pick<CreditPolicy, 'performancePublicityMonths'>) {
  return { minPublicUntil: null, publicUntil: addMonths(publishedOn, policy.performancePublicityMonths) };
}

export interface CreditRecordFacts {
  category: 'basic' | 'performance' | 'warning';
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'corrected' | 'repaired';
  severity: Severity | null;
  publishedOn: string | null;
  minPublicUntil: string | null;
  publicUntil: string | null;
}

/**
 * Where a credit record stands on a date:
 * - `pending`: reported, points not yet confirmed; `rejected`: not taken up;
 * - `revoked`: withdrawn after an objection (shown as a correction), `repaired`: credit repaired;
 * - `unpublished`: confirmed, not yet published (a penalty waiting for publication);
 * - `public`: in its window and shown; `internal`: in its window, counts, but not shown (轻微 by default);
 * - `expired`: its window has ended.
 */
export type CreditRecordPhase = 'pending' | 'rejected' | 'revoked' | 'repaired' | 'unpublished' | 'public' | 'internal' | 'expired';

export function creditRecordPhase(r: CreditRecordFacts, on: string, policy: Pick<CreditPolicy, 'publishMinorWarnings'>): CreditRecordPhase {
  if (r.status === 'submitted') return 'pending';
  if (r.status === 'rejected' || r.status === 'withdrawn') return 'rejected';
  if (r.status === 'corrected') return 'revoked';
  if (r.status === 'repaired') return 'repaired';
  if (!r.publishedOn || r.publishedOn > on) return 'unpublished';
  if (r.publicUntil && on >= r.publicUntil) return 'expired';
  if (r.category === 'warning' && r.severity === '轻微' && !policy.publishMinorWarnings) return 'internal';
  return 'public';
}

/** A record counts (score, lists) only in its window: never once expired, repaired or revoked. */
export function creditRecordCounts(r: CreditRecordFacts, on: string, policy: Pick<CreditPolicy, 'publishMinorWarnings'>): boolean {
  const phase = creditRecordPhase(r, on, policy);
  return phase === 'public' || phase === 'internal';
}

/** Why a company may not (yet) apply for credit repair of this record; null when it may. */
export function repairRefusal(r: CreditRecordFacts, on: string, policy: Pick<CreditPolicy, 'publishMinorWarnings'>): string | null {
  if (r.category !== 'warning') return '只有警示信用信息可以申请信用修复';
  const phase = creditRecordPhase(r, on, policy);
  if (phase === 'repaired') return '该记录已完成信用修复';
  if (phase === 'expired') return '该记录公示期已届满，不再计入信用评价，无需申请修复';
  if (phase !== 'public' && phase !== 'internal') return '该记录尚未生效，不能申请信用修复';
  if (r.minPublicUntil && on < r.minPublicUntil) return `最短公示期尚未届满：${r.minPublicUntil} 起方可申请信用修复`;
  return null;
}

/** The bureau decides a complete repair application within N working days of its filing. */
export function repairDecideBy(filedOn: string, policy: Pick<CreditPolicy, 'creditRepairDecisionWorkingDays'>): string {
  return addWorkingDays(filedOn, policy.creditRepairDecisionWorkingDays);
}

/** CQ 三.(四): an administrative penalty is published within N working days of its decision. */
export function penaltyPublishBy(decisionOn: string, policy: Pick<CreditPolicy, 'penaltyPublicationWorkingDays'>): string {
  return addWorkingDays(decisionOn, policy.penaltyPublicationWorkingDays);
}

export type PenaltyDeadlineState = 'published' | 'published-late' | 'overdue' | 'due-soon' | 'open';

/** Working days before the deadline at which the dashboard starts listing an unpublished penalty. */
export const PENALTY_WARN_WORKING_DAYS = 2;

/** Where a penalty stands against its publication deadline on `today`. */
export function penaltyDeadlineState(
  p: { decisionOn: string; publishedOn: string | null },
  today: string,
  policy: Pick<CreditPolicy, 'penaltyPublicationWorkingDays'>,
): { state: PenaltyDeadlineState; publishBy: string; workingDaysLeft: number } {
  const publishBy = penaltyPublishBy(p.decisionOn, policy);
  if (p.publishedOn) {
    return { state: p.publishedOn > publishBy ? 'published-late' : 'published', publishBy, workingDaysLeft: 0 };
  }
  if (today > publishBy) return { state: 'overdue', publishBy, workingDaysLeft: -workingDaysBetween(publishBy, today) };
  const left = workingDaysBetween(today, publishBy);
  return { state: left <= PENALTY_WARN_WORKING_DAYS ? 'due-soon' : 'open', publishBy, workingDaysLeft: left };
}

/** Points a bureau may set on one credit record (DW 8.2): 0 to this, in steps of 0.5 at most two decimals. */
export const CREDIT_POINTS_MAX = 20;

/**
 * The window fixed when a confirmed record is published on `publishedOn`: a warning by its severity, a
 * performance record for the policy's fixed period (no minimum: it is not repaired).
 */
export function creditWindow(
  category: 'performance' | 'warning',
  severity: Severity | null,
  publishedOn: string,
  policy: Pick<CreditPolicy, 'warningPublicityMonths' | 'performancePublicityMonths'>,
): { minPublicUntil: string | null; publicUntil: string } {
  if (category === 'warning') {
    if (!severity) throw new Error('a warning record needs its severity before it is published');
    return warningWindow(publishedOn, severity, policy);
  }
  return performanceWindow(publishedOn, policy);
}

/** A credit-repair application not decided by its date (repairDecideBy) is shown as late (逾期). */
export function repairIsOverdue(decideBy: string | null, today: string): boolean {
  return !!decideBy && today > decideBy;
}

/**
 * The notice of a warning record: the record itself, and how to object (DW 9) or apply for credit repair —
 * two documents in one, so that the company learns both at once.
 */
export function warningNoticeText(
  r: {
    companyName: string;
    projectName: string | null;
    type: string;
    occurredOn: string;
    description: string;
    severity: Severity;
    points: string;
    isPenalty: boolean;
    decisionOn: string | null;
    publishedOn: string | null;
    minPublicUntil: string | null;
    publicUntil: string | null;
    issuer: string | null;
  },
  code: string,
  policy: Pick<CreditPolicy, 'publishMinorWarnings' | 'creditRepairDecisionWorkingDays' | 'penaltyPublicationWorkingDays'>,
): { title: string; body: string } {
  const where = r.projectName ? `在${r.projectName}` : '';
  const hidden = r.severity === '轻微' && !policy.publishMinorWarnings;
  const window = !r.publishedOn
    ? `该行政处罚信息将于 ${penaltyPublishBy(r.decisionOn!, policy)} 前公布，公布之日起计算公示期。`
    : hidden
      ? `情节轻微，不向社会公示；自 ${r.publishedOn} 起计入信用评价，至 ${r.publicUntil} 止。`
      : `自 ${r.publishedOn} 起公示，最短至 ${r.minPublicUntil}，最长至 ${r.publicUntil}；届满后不再公示，也不再计入信用评价。`;
  const lines = [
    `${r.companyName}：`,
    `经核实，你单位${where}存在下列情形，已记入物业服务企业警示信用信息（黑榜）。`,
    '',
    '一、信用信息告知',
    `类型：${r.type}${r.isPenalty && !r.type.includes('行政处罚') ? '（行政处罚）' : ''}`,
    `发生日期：${r.occurredOn}`,
    ...(r.isPenalty && r.decisionOn ? [`处罚决定日期：${r.decisionOn}`] : []),
    ...(r.issuer ? [`决定机关及文号：${r.issuer}`] : []),
    `事实：${r.description}`,
    `情节：${r.severity}（${SEVERITY_HINTS[r.severity]}），记 ${Number(r.points)} 分`,
    `公示：${window}`,
    '',
    '二、异议和信用修复告知',
    '1. 对该信息有异议的，可以向住建部门申请信息核查，并提供相应书面证据（“红黑榜”管理办法第九条）。请在平台“企业信用记录”中该记录旁点击“对此信息提出异议”；核查期间，该信息旁标注“异议处理中”。',
    `2. 已纠正失信行为、消除不良影响的，可在最短公示期届满后（${r.minPublicUntil ? `${r.minPublicUntil} 起` : '自公布之日起计算'}）在平台申请信用修复，提交整改证明材料和加盖公章的信用承诺书；住建部门在 ${policy.creditRepairDecisionWorkingDays} 个工作日内作出决定。修复后该信息不再公示，也不再计入信用评价。`,
    `3. 你单位可以对该信息附一段不超过 ${STATEMENT_MAX_CHARS} 字的说明，与该信息一并公示。`,
    '',
    `告知书编号：${code}`,
  ];
  return { title: `警示信用信息告知书（${code}）`, body: lines.join('\n') };
}

// ---------------------------------------------------------------------------------------------------------
// Statements and corrections (SPEC §3.7, §3.8)

/** A subject's statement beside a record is short: it is shown publicly next to the record. */
export const STATEMENT_MAX_CHARS = 200;

/** One published correction of a record after an objection (DW 9: 变更信息 and 消除影响, never a silent edit). */
export interface RecordCorrection {
  /** Date of the correction. */
  on: string;
  /** Why: the finding of the verification. */
  reason: string;
  /** The corrected items, as shown: label → value. */
  before: Record<string, string>;
  after: Record<string, string>;
  /** The objection (cases.id) that led to it. */
  caseId: string | null;
  /** The record was withdrawn as a whole. */
  revoked?: boolean;
}

export function parseCorrections(v: unknown): RecordCorrection[] {
  return Array.isArray(v) ? (v as RecordCorrection[]) : [];
}
