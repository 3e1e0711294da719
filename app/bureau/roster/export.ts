import { COMPLETENESS_LABELS, KEY_POSTS, listRosterCompleteness } from '@/db/queries/roster';
import { allPages, defineListExport, schemaParser } from '@/lib/services/list-export';
import { rosterFilterSchema } from './filters';

/** /bureau/roster as filtered: the district its own estates (its `district` filter ignored, as on the page), the city all. */
export const rosterExport = defineListExport({
  path: '/bureau/roster',
  title: '从业人员名册完整性',
  roles: ['city', 'district'],
  parse: schemaParser(rosterFilterSchema),
  load: (db, actor, f: ReturnType<typeof rosterFilterSchema.parse>, { cap }) => {
    const scoped = { ...f, district: actor.role === 'city' ? f.district : null };
    return allPages((page) => listRosterCompleteness(db, actor, { ...scoped, page }), cap);
  },
  filterLabels: { q: '小区名称', status: '完整性', district: '区县' },
  columns: [
    { header: '小区', width: 28, value: (r) => r.projectName },
    { header: '区县', value: (r) => r.districtName },
    { header: '服务企业', width: 28, value: (r) => r.companyName },
    { header: '在册人员', value: (r) => r.staff },
    { header: '待审核登记', value: (r) => r.pending },
    { header: '逾期登记', value: (r) => r.late },
    { header: '关键岗位缺员', width: 30, value: (r) => KEY_POSTS.filter((p) => !r.keyPostsFilled.includes(p)).join('、') },
    { header: '完整性', value: (r) => COMPLETENESS_LABELS[r.status] },
  ],
});
