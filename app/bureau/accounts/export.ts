import { listAccounts } from '@/db/queries/role-accounts';
import { ROLE_LABELS } from '@/lib/auth/policy';
import { formatDate } from '@/lib/format';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { scopeText } from './scope-text';
import { ACCOUNT_STATUS_LABELS, accountFilterSchema, type AccountFilters } from './filters';

/** The accounts of /bureau/accounts as filtered, for the city. */
export const accountsExport = defineListExport({
  path: '/bureau/accounts',
  title: '账号',
  roles: ['city'],
  parse: schemaParser(accountFilterSchema),
  load: (db, _actor, f: AccountFilters, { cap }) => allPages((page) => listAccounts(db, { q: f.q.trim(), role: f.role ?? '', status: f.status ?? '', page }), cap),
  filterLabels: { q: '账号、姓名或单位', role: '角色', status: '状态' },
  filterValue: (k, v) => (k === 'role' ? (ROLE_LABELS as Record<string, string>)[v] ?? v : k === 'status' ? (ACCOUNT_STATUS_LABELS as Record<string, string>)[v] ?? v : v),
  columns: [
    { header: '账号', value: (r) => r.username },
    { header: '姓名', value: (r) => r.displayName },
    { header: '角色', value: (r) => ROLE_LABELS[r.role] },
    { header: '辖区 / 单位', width: 30, value: (r) => scopeText(r) },
    { header: '状态', value: (r) => ACCOUNT_STATUS_LABELS[r.disabledAt ? 'disabled' : 'active'] },
    { header: '尚未首次登录', value: (r) => (r.mustChangePassword ? '是' : '') },
    { header: '开设日期', value: (r) => formatDate(r.createdAt) },
  ],
});
