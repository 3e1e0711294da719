import { listContractsForReview } from '@/db/queries/contracts';
import { CONTRACT_STATUS_LABELS } from '@/lib/domain/contracts';
import { formatDateTime } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { contractFilterSchema } from './filters';

/** /bureau/contracts as filtered: a district's own contracts, the city's all (the page's query). */
export const contractsExport = defineListExport({
  path: '/bureau/contracts',
  title: '物业服务合同确认',
  roles: ['city', 'district'],
  parse: schemaParser(contractFilterSchema),
  load: (db, actor, f: ReturnType<typeof contractFilterSchema.parse>, { cap }) =>
    allPages((page) => listContractsForReview(db, actor, { status: f.status, districtId: f.district ?? undefined, page }), cap),
  filterLabels: { status: '状态', district: '区县' },
  filterValue: (k, v) => (k === 'status' ? (CONTRACT_STATUS_LABELS[v as keyof typeof CONTRACT_STATUS_LABELS] ?? v) : v),
  columns: [
    { header: '项目', width: 28, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '登记企业', width: 28, value: (r) => r.companyName },
    { header: '合同开始', value: (r) => r.startDate },
    { header: '合同结束', value: (r) => r.endDate },
    { header: '履约保证金（元）', value: (r) => Number(r.bondAmount) },
    { header: '登记时间', width: 18, value: (r) => formatDateTime(r.createdAt) },
  ],
});
