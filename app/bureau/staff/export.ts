import { STAFF_TYPE_LABELS } from '@/components/practitioner/labels';
import { listStaffQueue } from '@/db/queries/practitioner-review';
import { SUBMISSION_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import { ensureHolidayCalendar } from '@/lib/holiday-calendar';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { staffFilterSchema } from './filters';

/** /bureau/staff as filtered: the district its own estates', the city everyone's (the page's query). ID numbers are left out. */
export const staffExport = defineListExport({
  path: '/bureau/staff',
  title: '从业人员审核',
  roles: ['city', 'district'],
  parse: schemaParser(staffFilterSchema),
  load: async (db, actor, f: ReturnType<typeof staffFilterSchema.parse>, { cap }) => {
    await ensureHolidayCalendar(db);
    return allPages((page) => listStaffQueue(db, actor, { ...f, page }), cap);
  },
  filterLabels: { type: '类型', status: '状态', projectId: '小区', q: '小区名称或人员姓名', overdue: '只看逾期登记' },
  columns: [
    { header: '人员', value: (r) => r.name },
    { header: '类型', value: (r) => STAFF_TYPE_LABELS[r.type] ?? r.type },
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '小区', width: 24, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '提交时间', width: 18, value: (r) => formatDateTime(r.submittedAt) },
    { header: '已等待（天）', value: (r) => r.daysWaiting },
    { header: '登记期限', value: (r) => r.dueOn },
    { header: '逾期登记', value: (r) => (r.late ? '是' : '') },
    { header: '绿色通道', value: (r) => (r.priority > 0 ? '是' : '') },
    { header: '状态', value: (r) => SUBMISSION_STATUS_LABELS[r.status] ?? r.status },
  ],
});
