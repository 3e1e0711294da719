import { listFilingQueue } from '@/db/queries/company-filing';
import { SUBMISSION_STATUS_LABELS, SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';
import { formatDateTime } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { filingFilterSchema } from './filters';

/** /bureau/filings as filtered, for the city (the page's own role and query). */
export const filingsExport = defineListExport({
  path: '/bureau/filings',
  title: '企业备案与信息变更审核',
  roles: ['city'],
  parse: schemaParser(filingFilterSchema),
  load: (db, actor, f: ReturnType<typeof filingFilterSchema.parse>, { cap }) => allPages((page) => listFilingQueue(db, actor, { ...f, page }), cap),
  filterLabels: { q: '企业名称或信用代码', status: '状态', type: '类型', district: '区县' },
  columns: [
    { header: '企业', width: 30, value: (r) => r.companyName },
    { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
    { header: '类型', value: (r) => SUBMISSION_TYPE_LABELS[r.type] ?? r.type },
    { header: '区县', value: (r) => r.districtName },
    { header: '提交时间', width: 18, value: (r) => formatDateTime(r.submittedAt) },
    { header: '已等待（天）', value: (r) => r.daysWaiting },
    { header: '绿色通道', value: (r) => (r.priority > 0 ? '是' : '') },
    { header: '状态', value: (r) => SUBMISSION_STATUS_LABELS[r.status] ?? r.status },
  ],
});
