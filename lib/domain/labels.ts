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

/** Company credit records (DW 4): the three kinds of information. */
export const CREDIT_CATEGORY_LABELS: Record<string, string> = {
  basic: '基本信用信息',
  performance: '业绩信用信息（红榜）',
  warning: '警示信用信息（黑榜）',
};

/** Short category labels for table cells. */
export const CREDIT_CATEGORY_SHORT: Record<string, string> = { basic: '基本', performance: '业绩', warning: '警示' };

/** Where a credit record stands on a date (creditRecordPhase in lib/domain/records.ts). */
export const CREDIT_PHASE_LABELS: Record<string, string> = {
  pending: '待住建部门确认',
  rejected: '未予采纳',
  revoked: '已撤销（经异议更正）',
  repaired: '已信用修复',
  unpublished: '已确认，待公布',
  public: '公示中',
  internal: '计入评价，不公示',
  expired: '公示期已满',
};

/** Where an unpublished administrative penalty stands against its 7-working-day deadline. */
export const PENALTY_STATE_LABELS: Record<string, string> = {
  open: '未到期',
  'due-soon': '即将到期',
  overdue: '已逾期',
  published: '已按期公布',
  'published-late': '逾期后公布',
};

const LIST_NAMES = { red: '红榜', black: '黑榜' } as const;

/**
 * A list change in the public's words, with the list's name: 列入红榜, 移出黑榜, 期满移出红榜… The stored event codes
 * (`added`, `removed`, `expired`, `changed`, and the computed 期满移出) stay as they are in the open data.
 */
export function listEventLabel(event: string, list: 'red' | 'black'): string {
  const name = LIST_NAMES[list];
  switch (event) {
    case 'added':
      return `列入${name}`;
    case 'removed':
      return `移出${name}`;
    case 'expired':
    case '期满移出':
      return `期满移出${name}`;
    case 'changed':
      return `${name}信息更新`;
    default:
      return `${name}变动`;
  }
}
