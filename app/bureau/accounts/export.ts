import { listCompanyOperators } from '@/db/queries/accounts';
import { FILING_STATUS_LABELS } from '@/lib/domain/labels';
import { formatDate } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { accountFilterSchema } from './filters';

/** The company operators of /bureau/accounts as searched, for the city. */
export const accountsExport = defineListExport({
  path: '/bureau/accounts',
  title: '企业操作员账号',
  roles: ['city'],
  parse: schemaParser(accountFilterSchema),
  load: (db, _actor, f: ReturnType<typeof accountFilterSchema.parse>, { cap }) => allPages((page) => listCompanyOperators(db, f.q.trim(), page), cap),
  filterLabels: { q: '企业名称、信用代码或账号' },
  columns: [
    { header: '账号', value: (r) => r.username },
    { header: '姓名', value: (r) => r.displayName },
    { header: '尚未首次登录', value: (r) => (r.mustChangePassword ? '是' : '') },
    { header: '企业', width: 30, value: (r) => r.companyName },
    { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
    { header: '备案状态', value: (r) => FILING_STATUS_LABELS[r.filingStatus] ?? r.filingStatus },
    { header: '开设日期', value: (r) => formatDate(r.createdAt) },
  ],
});
