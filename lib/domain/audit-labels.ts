/**
 * The audit log in Chinese: every action string the code writes, every object type, the fields of before/after
 * values, and the page of an object where one exists. Pure (no I/O). tests/unit/audit-labels.test.ts scans the
 * source for the actions that are written and fails when one has no label here.
 */

export const ACTION_LABELS: Record<string, string> = {
  // Access, sign-in, accounts
  'access.out_of_scope': '访问辖区外对象（已拒绝）',
  'auth.signed_in': '登录',
  'auth.signed_out': '退出登录',
  'auth.account_locked': '账号因多次登录失败被锁定',
  'user.created': '创建账号',
  'user.unlocked': '解除账号锁定',
  'user.password_changed': '修改密码',
  'throttle.refused': '匿名提交过于频繁（已拒绝）',
  // The audit log itself, exports
  'audit.checkpoint_exported': '下载审计链检查点',
  'audit.exported': '导出审计日志（Excel）',
  'list.exported': '导出列表（Excel）',
  'roster.exported': '导出信息名册',
  'roster.imported': '导入信息名册',
  'outbox.viewed': '查看短信发件箱',
  // Demo data
  'seed.loaded': '载入演示数据',
  'seed.city.loaded': '载入城市规模演示数据',
  // Companies
  'company.registered': '企业注册账号',
  'company.filing.saved': '保存企业备案草稿',
  'company.filing.submitted': '提交企业备案',
  'company.filing.withdrawn': '撤回企业备案',
  'company.filing.approved': '企业备案审核通过',
  'company.filing.rejected': '企业备案审核不通过',
  'company.filing.returned': '企业备案退回修改',
  // Contracts, boards
  'contract.registered': '登记物业服务合同',
  'contract.confirmed': '确认物业服务合同',
  'contract.rejected': '退回物业服务合同',
  'contract.non_renewal_notice': '提交不续约告知',
  'contract.exited': '办理退出项目',
  'board.published': '发布公示牌信息',
  // Practitioners
  'practitioner.entered': '登记从业人员',
  'practitioner.entry.resubmitted': '重新提交从业人员登记',
  'practitioner.submission.approved': '从业人员申请审核通过',
  'practitioner.submission.rejected': '从业人员申请审核不通过',
  'practitioner.submission.returned': '从业人员申请退回修改',
  'practitioner.idnumber.viewed': '查看完整身份证号',
  'practitioner.photo.added': '补充证件照',
  'practitioner.corrected': '更正从业人员信息',
  'practitioner.archived': '从业人员离职归档',
  'practitioner.reactivated': '从业人员恢复在岗',
  'practitioner.exit.requested': '申请从业人员离职',
  'practitioner.post_change.requested': '申请变更岗位',
  'practitioner.post_changed': '变更岗位',
  'practitioner.re_entry.requested': '申请重新入职',
  'practitioner.transfer.requested': '申请调入从业人员',
  'practitioner.transfer.consented': '原企业同意调出',
  'practitioner.transfer.refused': '原企业不同意调出',
  'practitioner.transfer.rejected': '调入申请未通过',
  'practitioner.transfer.submitted': '提交调入补充信息',
  'practitioner.transfer.released_by_district': '主管部门直接调出',
  'practitioner.transferred': '完成调动',
  'practitioner.move.withdrawn': '撤回流动申请',
  // Practitioner records (奖惩)
  'practitioner_record.filed': '登记优良信息',
  'practitioner_record.reported': '报送不良行为线索',
  'practitioner_record.entered': '直接录入不良行为记录',
  'practitioner_record.approved': '奖惩记录审核通过',
  'practitioner_record.rejected': '奖惩记录审核不通过',
  'record.statement': '企业发表记录说明',
  'record.corrected': '更正记录（异议成立）',
  'record.revoked': '撤销记录（异议成立）',
  // Company credit
  'credit.performance.filed': '企业报送业绩信息',
  'credit.performance.entered': '录入业绩信息',
  'credit.warning.reported': '街道社区报送警示信息',
  'credit.department.submitted': '政府部门报送企业信用信息',
  'credit.warning.entered': '录入警示信息',
  'credit.record.confirmed': '确认信用记录',
  'credit.record.rejected': '不予确认信用记录',
  'credit.penalty.published': '公开行政处罚信息',
  'credit.statement.set': '企业发表信用记录说明',
  'credit.veto.recorded': '记录一票否决事项',
  'credit.repair.applied': '申请信用修复',
  'credit.repair.approved': '信用修复审核通过',
  'credit.repair.rejected': '信用修复审核不通过',
  'credit_policy.saved': '修改信用评价办法参数',
  // Ratings, evaluations, lists
  'rating.quarter.saved': '保存季度评级',
  'rating.quarter.published': '公布季度评级',
  'rectification.passed': '整改复查合格',
  'rectification.failed': '整改复查不合格（转为市场禁入）',
  'rectification.refused': '拒不整改（转为市场禁入）',
  'evaluation.run': '计算年度信用评价',
  'evaluation.published': '公布年度信用评价',
  'list.entry.open': '列入名单',
  'list.entry.end': '移出名单',
  'list.entry.reschedule': '调整名单期限',
  // Objections and complaints
  'objection.filed': '提交信息异议',
  'objection.verifying': '开始核实异议',
  'objection.proposed': '企业提出更正意见',
  'objection.proposal_rejected': '不同意企业的更正意见',
  'objection.decided': '异议处理完毕',
  'complaint.filed': '业主提交投诉或表扬',
  'complaint.answered': '企业答复投诉',
  'complaint.decided': '主管部门核实投诉',
  // Staff badges (工牌)
  'badge.issued': '企业制作从业人员工作牌',
  'badge.reissued': '企业补发从业人员工作牌（原工作牌作废）',
  // Identity check (SMS)
  'identity.code_sent': '发送短信验证码',
  'identity.code_failed': '短信验证码错误',
  'identity.code_refused': '验证码尝试过多（已拒绝）',
  'identity.verified': '身份验证通过',
  'identity.no_match': '身份核验未匹配',
  'identity.notice_no_match': '告知书编号未匹配',
  // Settings
  'holiday_calendar.saved': '保存节假日安排',
};

export const OBJECT_TYPE_LABELS: Record<string, string> = {
  annual_evaluation: '年度信用评价',
  attachment: '附件',
  audit_events: '审计日志',
  case: '异议 / 投诉',
  company: '物业服务企业',
  credit_policy: '信用评价办法',
  credit_record: '企业信用记录',
  disclosure_board: '公示牌',
  holiday_calendar: '节假日安排',
  identity_check: '身份验证',
  list: '列表',
  list_entry: '名单',
  outbox: '短信发件箱',
  page: '页面',
  practitioner: '从业人员',
  practitioner_record: '人员奖惩记录',
  project: '物业项目（小区）',
  rating_quarter: '季度评级',
  service_contract: '物业服务合同',
  session: '登录会话',
  submission: '申请',
  system: '系统',
  throttle: '匿名提交限额',
  user: '账号',
};

/** The label of an action; an unknown one (written by newer code) is shown as it is, marked. */
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? `未命名操作（${action}）`;
export const objectTypeLabel = (type: string): string => OBJECT_TYPE_LABELS[type] ?? type;

/** What the link resolver needs to know about an event's object (extra facts come from the query). */
export interface LinkFacts {
  action: string;
  objectType: string;
  objectId: string | null;
  /** A company's credit code (its public page is by code). */
  uscc?: string | null;
  /** A practitioner's current estate (their public card is under it). */
  practitionerProjectId?: string | null;
  /** A submission's type and a case's kind: which queue's page shows it. */
  submissionType?: string | null;
  caseKind?: string | null;
}

const SUBMISSION_PAGES: Record<string, string> = {
  company_filing: '/bureau/filings/',
  company_change: '/bureau/filings/',
  credit_repair: '/bureau/credit/repairs/',
  practitioner_entry: '/bureau/staff/',
  practitioner_update: '/bureau/staff/',
  post_change: '/bureau/staff/',
  transfer: '/bureau/staff/',
  exit: '/bureau/staff/',
  re_entry: '/bureau/staff/',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An object id worth showing as text (a path, a year, a code); record ids (uuids) are not: the link stands for them. */
export const readableObjectId = (id: string | null): string | null => (id && !UUID.test(id) ? id : null);

/** The page of the event's object, where one exists; null otherwise. */
export function objectHref(e: LinkFacts): string | null {
  const id = e.objectId && UUID.test(e.objectId) ? e.objectId : null;
  switch (e.objectType) {
    case 'company':
      return e.uscc ? `/companies/${encodeURIComponent(e.uscc)}` : null;
    case 'project':
      return id && `/projects/${id}`;
    case 'practitioner':
      return id && e.practitionerProjectId ? `/projects/${e.practitionerProjectId}/staff/${id}` : null;
    case 'submission':
      return id && e.submissionType && SUBMISSION_PAGES[e.submissionType] ? `${SUBMISSION_PAGES[e.submissionType]}${id}` : null;
    case 'credit_record':
      return id && `/bureau/credit/${id}`;
    case 'practitioner_record':
      return id && `/bureau/records/${id}`;
    case 'case':
      if (!id || !e.caseKind) return null;
      return e.caseKind === 'objection' ? `/bureau/objections/${id}` : e.caseKind === 'complaint' || e.caseKind === 'praise' ? `/bureau/complaints/${id}` : null;
    case 'service_contract':
      return id && `/bureau/contracts/${id}`;
    case 'annual_evaluation':
      return '/bureau/evaluations';
    case 'rating_quarter':
      return '/bureau/ratings';
    case 'user':
      return '/bureau/accounts';
    case 'credit_policy':
      return '/bureau/policy';
    case 'holiday_calendar':
      return '/bureau/calendar';
    case 'outbox':
      return '/bureau/outbox';
    case 'list':
      return e.objectId && /^\/bureau\/[a-z/-]+$/.test(e.objectId) ? e.objectId : null;
    default:
      return null;
  }
}
