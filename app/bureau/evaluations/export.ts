import { z } from 'zod';
import { evaluationsOfYear } from '@/db/queries/evaluations';
import { formatDateTime } from '@/lib/format';
import { defineListExport, schemaParser } from '@/lib/services/list-export';

const evaluationFilterSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).nullable().catch(null) });

/**
 * A year's evaluation as /bureau/evaluations shows it: the city every company (also before publication), a district
 * its companies' published results. A year after this one, or none, means last year (as on the page).
 */
export const evaluationsExport = defineListExport({
  path: '/bureau/evaluations',
  title: '年度信用评价',
  roles: ['city', 'district'],
  parse: schemaParser(evaluationFilterSchema),
  load: (db, actor, f: z.output<typeof evaluationFilterSchema>, { today }) => {
    const thisYear = Number(today.slice(0, 4));
    const year = f.year && f.year <= thisYear ? f.year : thisYear - 1;
    return evaluationsOfYear(db, actor, year, { publishedOnly: actor.role !== 'city' });
  },
  filterLabels: { year: '评价年度' },
  columns: [
    { header: '年度', width: 8, value: (r) => r.year },
    { header: '企业', width: 30, value: (r) => r.companyName },
    { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
    { header: '区县', value: (r) => r.districtName },
    { header: '得分', value: (r) => r.score },
    { header: '等级', width: 8, value: (r) => r.grade },
    { header: '一票否决', value: (r) => (r.vetoed ? '是' : '') },
    { header: '公布时间', width: 18, value: (r) => (r.publishedAt ? formatDateTime(r.publishedAt) : '尚未公布') },
  ],
});
