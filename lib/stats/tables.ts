/**
 * The figures of `/stats` as named tables: one definition for the charts' series, the page's data tables and
 * the CSV download, so the three never disagree.
 */
import type { ChartRow, Series } from '@/components/charts/charts';
import type { PublicStats } from '@/db/queries/public-stats';
import { figure } from '@/lib/domain/stats';
import { toCsv } from '@/lib/open-data/csv';

export const LIST_SERIES: Series[] = [
  { key: 'red', name: '红榜', color: '#b91c1c' },
  { key: 'black', name: '黑榜', color: '#111827' },
];
export const GRADE_SERIES: Series[] = [{ key: 'companies', name: '企业数', color: '#1e40af' }];
export const RATING_SERIES: Series[] = [
  { key: '优秀', name: '优秀', color: '#15803d' },
  { key: '良好', name: '良好', color: '#1d4ed8' },
  { key: '差', name: '差', color: '#b91c1c' },
];
export const COVERAGE_SERIES: Series[] = [{ key: 'percent', name: '已登记人员的小区占比', color: '#1e40af' }];

export const GRADE_LABELS: Record<PublicStats['grades'][number]['grade'], string> = { A: 'A 级', B: 'B 级', C: 'C 级', D: 'D 级', none: '尚未评价' };
export const CASE_LABELS: Record<PublicStats['handling'][number]['kind'], string> = { complaint: '投诉', objection: '异议' };

export function gradeRows(s: PublicStats): ChartRow[] {
  return s.grades.map((g) => ({ label: GRADE_LABELS[g.grade], values: { companies: g.companies } }));
}
export function listDistrictRows(s: PublicStats): ChartRow[] {
  return s.listsByDistrict.map((d) => ({ label: d.name, values: { red: d.red, black: d.black } }));
}
export function listMonthRows(s: PublicStats): ChartRow[] {
  return s.listsByMonth.map((m) => ({ label: m.month, values: { red: m.red, black: m.black } }));
}
export function ratingRows(s: PublicStats): ChartRow[] {
  return s.ratingsByQuarter.map((q) => ({ label: q.label, values: { 优秀: q.优秀, 良好: q.良好, 差: q.差 } }));
}
export function coverageRows(s: PublicStats): ChartRow[] {
  return s.coverage.map((c) => ({ label: c.name, values: { percent: c.percent ?? 0 } }));
}

/**
 * The CSV download: one long table (`table, category, measure, value`), so every figure of the page is one row
 * that a spreadsheet can filter and pivot.
 */
export function statsCsv(s: PublicStats): string {
  const rows: (string | number | null)[][] = [
    ...s.grades.map((g) => ['grades', g.grade, 'companies', g.companies]),
    ...s.listsByDistrict.flatMap((d) => [
      ['listsByDistrict', d.district, 'red', d.red],
      ['listsByDistrict', d.district, 'black', d.black],
    ]),
    ...s.listsByMonth.flatMap((m) => [
      ['listsByMonth', m.month, 'red', m.red],
      ['listsByMonth', m.month, 'black', m.black],
    ]),
    ...s.ratingsByQuarter.flatMap((q) => [
      ['ratingsByQuarter', q.quarter, '优秀', q.优秀],
      ['ratingsByQuarter', q.quarter, '良好', q.良好],
      ['ratingsByQuarter', q.quarter, '差', q.差],
    ]),
    ...s.handling.flatMap((h) => [
      ['handling', h.kind, 'filed', h.filed],
      ['handling', h.kind, 'open', h.open],
      ['handling', h.kind, 'decided', h.times.decided],
      ['handling', h.kind, 'medianDays', h.times.medianDays],
      ['handling', h.kind, 'p90Days', h.times.p90Days],
    ]),
    ...s.coverage.flatMap((c) => [
      ['coverage', c.district, 'estates', c.estates],
      ['coverage', c.district, 'withStaff', c.withStaff],
      ['coverage', c.district, 'percent', c.percent],
    ]),
  ];
  return toCsv(['table', 'category', 'measure', 'value'], rows);
}

/** The handling times in one plain sentence, or the honest empty state when nothing was filed or decided. */
export function handlingSentence(h: PublicStats['handling'][number]): string {
  const what = CASE_LABELS[h.kind];
  if (h.filed === 0) return `平台尚未收到${what}，暂无办理用时可统计。`;
  if (h.times.decided === 0) return `共收到${what} ${h.filed} 件，尚无办结，暂无办理用时可统计。`;
  return `共收到${what} ${h.filed} 件，已办结 ${h.times.decided} 件、办理中 ${h.open} 件。已办结的${what}中，一半在 ${figure(h.times.medianDays, ' 天')}内办结（中位数），九成在 ${figure(h.times.p90Days, ' 天')}内办结（第 90 百分位数），从提交之时算到作出处理决定之时。`;
}
