/**
 * What `/verify/[code]` says about a printed document (SPEC §5: "verification of a printed record, letter, credit
 * report or staff badge"). Pure: the page passes the stored row and today. Only whitelisted summary fields are
 * shown, a person's name masked: the holder of the paper can match it, a passer-by learns nothing new.
 */

export const DOCUMENT_KIND_LABEL: Record<string, string> = {
  record_notice: '信用记录告知书',
  risk_warning_letter: '信用风险提示函',
  credit_report: '企业信用报告',
  staff_badge: '从业人员工作牌',
  full_record: '从业人员信用记录',
  criticism_notice: '通报批评告知书',
  data_release: '数据使用告知',
};

export type VerifyStatus = 'valid' | 'revoked' | 'expired' | 'record-withdrawn' | 'record-changed';

export const VERIFY_STATUS_TEXT: Record<VerifyStatus, string> = {
  valid: '该文书由本平台出具，内容如下。',
  revoked: '该文书已被出具机关撤销，不再有效。',
  expired: '该文书已过有效期。',
  'record-withdrawn': '该文书由本平台出具，但所告知的信用记录此后已经核查更正或撤销、修复，请以企业信用档案的当前信息为准。',
  'record-changed': '该文书由本平台出具，但出具后本人的执业信息已有变化，内容不再是最新的；请本人重新申请打印。',
};

/** 张三 → 张*, 欧阳娜娜 → 欧**娜, 李小明 → 李*明. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export interface VerifyInput {
  kind: string;
  summary: Record<string, unknown>;
  issuedAt: Date;
  validUntil: string | null;
  revokedAt: Date | null;
  creditRecord: { companyName: string; uscc: string; category: string; type: string; occurredOn: string; status: string } | null;
  /** A printed full record (SN 20.1): whether the person's record has changed since it was issued. */
  fullRecordChanged?: boolean | null;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null);

export function verifyView(d: VerifyInput, today: string): { title: string; status: VerifyStatus; rows: [string, string][] } {
  const s = d.summary;
  const rows: [string, string][] = [];
  const add = (label: string, v: unknown) => {
    const x = str(v);
    if (x) rows.push([label, x]);
  };
  if (d.kind === 'risk_warning_letter') {
    add('企业', s.companyName);
    add('统一社会信用代码', s.uscc);
    add('评价年度', s.year);
    if (typeof s.score === 'number') rows.push(['年度信用评价得分', `${s.score.toFixed(2)} 分（低于 ${str(s.line) ?? '90'} 分）`]);
    add('约谈期限', s.interviewDue);
    add('主管部门', s.districtName);
  } else if (d.kind === 'full_record') {
    // What the printed full record said: the name masked, and counts — never the ID number or private fields.
    if (str(s.name)) rows.push(['当事人', maskName(str(s.name)!)]);
    const n = (v: unknown) => (Array.isArray(v) ? v.length : 0);
    const posts = Array.isArray(s.posts) ? (s.posts as { post?: string; companyName?: string }[]) : [];
    if (posts.length) rows.push(['出具时岗位', posts.map((p) => `${p.companyName ?? ''} ${p.post ?? ''}`.trim()).join('；')]);
    rows.push(['从业经历', `${n(s.employment)} 段`], ['资格证书', `${n(s.certificates)} 项`], ['奖惩记录', `${n(s.records)} 条`]);
    add('审批机关', s.approvedBy);
  } else if (d.kind === 'criticism_notice') {
    // SN 24: the 通报批评 of a company that did not rectify by the deadline (lib/domain/supervision).
    add('企业', s.companyName);
    add('统一社会信用代码', s.uscc);
    add('通报机关', typeof s.districtName === 'string' ? `${s.districtName}住房和城乡建设局` : null);
    add('责令整改日期', s.issuedOn);
    add('整改期限', s.dueOn);
    add('通报批评日期', s.criticizedOn);
    add('公示至', s.publicUntil);
    add('内容', s.text);
  } else if (d.creditRecord) {
    const r = d.creditRecord;
    rows.push(['企业', r.companyName], ['统一社会信用代码', r.uscc], ['信用信息', `${r.category === 'performance' ? '业绩' : '警示'}：${r.type}`], ['发生日期', r.occurredOn]);
  } else {
    if (str(s.name)) rows.push(['当事人', maskName(str(s.name)!)]);
    add('记录类型', s.type);
    add('发生日期', s.occurredOn);
    add('记录机关', s.recordedBy);
    add('记录日期', s.recordedOn);
  }
  const status: VerifyStatus = d.revokedAt
    ? 'revoked'
    : d.validUntil && d.validUntil < today
      ? 'expired'
      : d.creditRecord && d.creditRecord.status !== 'approved'
        ? 'record-withdrawn'
        : d.kind === 'full_record' && d.fullRecordChanged
          ? 'record-changed'
          : 'valid';
  const title = str(s.title) ?? DOCUMENT_KIND_LABEL[d.kind] ?? '文书';
  return { title, status, rows };
}
