import { listAuditEventsForExport } from '@/db/queries/audit';
import { ROLE_LABELS, type Role } from '@/lib/auth/policy';
import { auditChangesText } from '@/lib/domain/audit-changes';
import { ACTION_LABELS, actionLabel, OBJECT_TYPE_LABELS, objectTypeLabel } from '@/lib/domain/audit-labels';
import { formatDateTime } from '@/lib/format';
import { defineListExport, schemaParser } from '@/lib/services/list-export';
import { auditFilterSchema, type AuditFilter } from '@/lib/validation/audit-log';

/** The audit log as filtered on /bureau/audit, for the city only; the export is itself audited (`audit.exported`). */
export const auditExport = defineListExport({
  path: '/bureau/audit',
  title: '审计日志',
  roles: ['city'],
  action: 'audit.exported',
  parse: schemaParser(auditFilterSchema),
  load: (db, _actor, f: AuditFilter, { cap }) => listAuditEventsForExport(db, f, cap + 1),
  filterLabels: { actor: '操作人', action: '操作', type: '对象类型', object: '对象编号', from: '起始日期', to: '截止日期' },
  filterValue: (k, v) => (k === 'action' ? (ACTION_LABELS[v] ?? v) : k === 'type' ? (OBJECT_TYPE_LABELS[v] ?? v) : v),
  columns: [
    { header: '序号', width: 10, value: (r) => r.seq },
    { header: '时间', width: 18, value: (r) => formatDateTime(r.at) },
    { header: '操作人', width: 16, value: (r) => r.actorLabel },
    { header: '角色', width: 16, value: (r) => (r.actorRole ? (ROLE_LABELS[r.actorRole as Role] ?? r.actorRole) : '') },
    { header: '操作', width: 28, value: (r) => actionLabel(r.action) },
    { header: '对象类型', width: 16, value: (r) => objectTypeLabel(r.objectType) },
    { header: '对象编号', width: 38, value: (r) => r.objectId },
    { header: '变更内容', width: 60, value: (r) => auditChangesText(r.before, r.after) },
    { header: '来源地址', width: 16, value: (r) => r.ip },
  ],
});
