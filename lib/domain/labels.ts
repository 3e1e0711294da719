/** Chinese labels for enum values shown in the UI. */
export const SUBMISSION_TYPE_LABELS: Record<string, string> = {
  company_filing: '企业备案',
  company_change: '企业基本信息变更',
  contract: '物业服务合同登记',
  non_renewal_notice: '不续约书面告知',
  early_exit: '合同期内退出项目',
  disclosure_board: '公示栏更新',
  practitioner_entry: '从业人员信息录入',
  practitioner_update: '从业人员信息更新',
  post_change: '岗位变更',
  transfer: '跨企业流动',
  exit: '退出行业',
  re_entry: '重新执业',
  good_record: '良好行为记录',
  bad_report: '不良行为线索',
  performance_record: '业绩信息',
  warning_record: '警示信息',
  credit_repair: '信用修复申请',
  data_request: '信息查询申请',
  rectification_answer: '整改回复',
  rectification_inspection: '整改验收',
};

export const FILING_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  pending: '待审核',
  approved: '已备案',
  rejected: '未通过',
  revoked: '已撤销',
};

export const SUBMISSION_STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回修改',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** Staff good and bad records (SN 9–14): a report (线索) is `submitted` until the district decides. */
export const RECORD_KIND_LABELS: Record<string, string> = { good: '优良信息', bad: '不良信息' };

export const PRACTITIONER_RECORD_STATUS_LABELS: Record<string, string> = {
  submitted: '待审核',
  approved: '已记录',
  rejected: '未予记录',
  withdrawn: '已撤回',
  corrected: '已撤销（经异议更正）',
  repaired: '已修复',
};
