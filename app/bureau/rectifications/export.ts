import { schemaParser, allPages, defineListExport } from '@/lib/services/list-export';
import { listOrdersInScope } from '@/db/queries/supervision';
import { GROUND_LABEL, isOrderOverdue, ORDER_STATUS_LABEL, type OrderStatus, type RectificationGround } from '@/lib/domain/supervision';
import { orderFilterSchema } from './filters';

/** /bureau/rectifications as filtered: the district's orders, the city's all (the page's query). */
export const rectificationsExport = defineListExport({
  path: '/bureau/rectifications',
  title: '责令限期整改',
  roles: ['city', 'district'],
  parse: schemaParser(orderFilterSchema),
  load: async (db, actor, f: ReturnType<typeof orderFilterSchema.parse>, { today, cap }) =>
    (await allPages((page) => listOrdersInScope(db, actor, { ...f, page }, today), cap)).map((r) => ({ ...r, overdue: isOrderOverdue(r, today) })),
  filterLabels: { status: '状态' },
  columns: [
    { header: '企业', width: 28, value: (r) => r.companyName },
    { header: '整改事由', width: 24, value: (r) => GROUND_LABEL[r.ground as RectificationGround] ?? r.ground },
    { header: '下发机关', width: 16, value: (r) => `${r.districtName}住建局` },
    { header: '下发日期', value: (r) => r.issuedOn },
    { header: '整改期限', value: (r) => r.dueOn },
    { header: '状态', value: (r) => ORDER_STATUS_LABEL[r.status as OrderStatus] ?? r.status },
    { header: '逾期未整改', value: (r) => (r.overdue ? '是' : '') },
    { header: '通报批评日期', value: (r) => r.criticizedOn ?? '' },
  ],
});
