import { schemaParser, allPages, defineListExport } from '@/lib/services/list-export';
import { complaintFilterSchema } from '@/components/complaints/filters';
import { listComplaintsInScope } from '@/db/queries/complaints';
import { COMPLAINT_KIND_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintKind } from '@/lib/domain/complaints';
import { formatDateTime } from '@/lib/format';

/** /bureau/complaints as filtered: the district's estates', the city's all (the page's query). Owners' phones are left out. */
export const complaintsExport = defineListExport({
  path: '/bureau/complaints',
  title: '业主投诉和表扬',
  roles: ['city', 'district'],
  parse: schemaParser(complaintFilterSchema),
  load: (db, actor, f: ReturnType<typeof complaintFilterSchema.parse>, { today, cap }) => allPages((page) => listComplaintsInScope(db, actor, { ...f, page }, today), cap),
  filterLabels: { status: '状态', kind: '类别' },
  columns: [
    { header: '类别', value: (r) => COMPLAINT_KIND_LABELS[r.kind as ComplaintKind] ?? r.kind },
    { header: '小区', width: 24, value: (r) => r.projectName },
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '提交时间', width: 18, value: (r) => formatDateTime(r.createdAt) },
    { header: '答复期限', value: (r) => r.dueOn },
    { header: '状态', value: (r) => COMPLAINT_STATUS_LABELS[r.status] ?? r.status },
  ],
});
