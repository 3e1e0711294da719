import { schemaParser, allPages, defineListExport } from '@/lib/services/list-export';
import { listRosterChecks } from '@/db/queries/supervision';
import { FOLLOW_UP_LABEL, verificationYear, type FollowUp } from '@/lib/domain/supervision';
import { rosterCheckFilterSchema } from './filters';

/** /bureau/roster-checks as filtered (year, done / not done, district, name) within the actor's scope. */
export const rosterChecksExport = defineListExport({
  path: '/bureau/roster-checks',
  title: '年度名册核查',
  roles: ['city', 'district'],
  parse: schemaParser(rosterCheckFilterSchema),
  load: async (db, actor, f: ReturnType<typeof rosterCheckFilterSchema.parse>, { today, cap }) => {
    const year = f.year ?? verificationYear(today);
    const rows = await allPages((page) => listRosterChecks(db, actor, { year, status: f.status, district: f.district ?? '', q: f.q ?? '', page }), cap);
    return rows.map((r) => ({ ...r, year }));
  },
  filterLabels: { year: '年度', status: '核查情况', district: '区县', q: '小区名称' },
  columns: [
    { header: '小区', width: 24, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '物业服务企业', width: 28, value: (r) => r.companyName ?? '' },
    { header: '年度', value: (r) => r.year },
    { header: '核查情况', value: (r) => (r.verificationId ? '已核查' : '未核查') },
    { header: '核查日期', value: (r) => r.verifiedOn ?? '' },
    { header: '发现问题（个）', value: (r) => (r.verificationId ? (r.discrepancyCount ?? 0) : '') },
    { header: '后续处理', width: 20, value: (r) => (r.verificationId && r.followUp ? (FOLLOW_UP_LABEL[r.followUp as FollowUp] ?? r.followUp) : '') },
  ],
});
