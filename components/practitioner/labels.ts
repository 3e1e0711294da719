/** Chinese labels of the practitioner registry's statuses. */
export const EMPLOYMENT_STATUS_LABELS: Record<string, string> = {
  pending: '待审核',
  current: '在职',
  ended: '已离职',
  rejected: '未通过',
  returned: '退回修改',
};

export const PRACTITIONER_STATUS_LABELS: Record<string, string> = {
  pending: '待审核',
  active: '在册',
  archived: '已退出行业（归档）',
};

/** The staff queue's types (SPEC §3.3, §3.6). */
export const STAFF_TYPE_LABELS: Record<string, string> = {
  practitioner_entry: '人员录入',
  practitioner_update: '信息更新',
  post_change: '岗位变更',
  transfer: '跨企业流动',
  exit: '退出行业',
  re_entry: '重新执业',
};

/** The entry timing stored with an entry submission, when there is one. */
export function entryTimingOf(payload: unknown, dueOn: string | null): { deadline: string | null; late: boolean; workingDaysOverdue: number } {
  const p = (payload ?? {}) as { deadline?: unknown; late?: unknown; workingDaysOverdue?: unknown };
  return {
    deadline: typeof p.deadline === 'string' ? p.deadline : dueOn,
    late: p.late === true,
    workingDaysOverdue: typeof p.workingDaysOverdue === 'number' ? p.workingDaysOverdue : 0,
  };
}
