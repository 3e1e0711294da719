import { listObjectionsInScope } from '@/db/queries/objections';
import { OBJECTION_STATUS_LABELS, OBJECTION_SUBJECT_LABELS } from '@/lib/domain/objections';
import { formatDateTime } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { objectionFilterSchema } from './filters';

/** /bureau/objections as filtered: a district's own, the city's all (the page's query). ID numbers are left out. */
export const objectionsExport = defineListExport({
  path: '/bureau/objections',
  title: '信息异议',
  roles: ['city', 'district'],
  parse: schemaParser(objectionFilterSchema),
  load: (db, actor, f: ReturnType<typeof objectionFilterSchema.parse>, { cap, today }) => allPages((page) => listObjectionsInScope(db, actor, { ...f, page }, today), cap),
  filterLabels: { status: '状态', subject: '异议对象' },
  columns: [
    { header: '查询码', value: (r) => r.trackingCode },
    { header: '异议对象', value: (r) => OBJECTION_SUBJECT_LABELS[r.subjectType as keyof typeof OBJECTION_SUBJECT_LABELS] ?? r.subjectType },
    { header: '人员', value: (r) => r.personName },
    { header: '记录', value: (r) => [r.recordType, r.recordOccurredOn].filter(Boolean).join(' ') },
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '小区', width: 24, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '提交时间', width: 18, value: (r) => formatDateTime(r.filedAt) },
    { header: '状态', value: (r) => OBJECTION_STATUS_LABELS[r.status] ?? r.status },
  ],
});
