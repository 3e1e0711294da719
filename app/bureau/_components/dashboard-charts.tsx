import { BarChart, type ChartRow, type Series } from '@/components/charts/charts';
import type { DistrictCoverage, DistrictHandling } from '@/db/queries/work-queues';

const HANDLING_SERIES: Series[] = [{ key: 'median', name: '办理天数中位数', color: '#1d4ed8' }];
const COVERAGE_SERIES: Series[] = [
  { key: 'complete', name: '关键岗位齐全', color: '#047857' },
  { key: 'partial', name: '有在册人员但缺关键岗位', color: '#b45309' },
  { key: 'none', name: '无在册人员', color: '#b91c1c' },
];

/** Shares that add up to 100 (rounded once, the remainder to the last part). */
export function coverageRows(rows: DistrictCoverage[]): ChartRow[] {
  return rows.map((d) => {
    const pct = (k: number) => (d.served ? Math.round((k / d.served) * 100) : 0);
    const complete = pct(d.keyPostsFilled);
    const staffed = pct(d.withStaff);
    return { label: d.districtName, values: d.served ? { complete, partial: staffed - complete, none: 100 - staffed } : { complete: 0, partial: 0, none: 0 } };
  });
}

export function handlingRows(rows: DistrictHandling[]): ChartRow[] {
  return rows.map((d) => ({ label: d.districtName, values: { median: d.median ?? 0 } }));
}

/** Handling time and registry coverage by district, drawn like /stats (decision 030): SVG with its data table. */
export function DashboardCharts({ handling, coverage }: { handling: DistrictHandling[]; coverage: DistrictCoverage[] }) {
  const decided = handling.reduce((n, d) => n + d.decided, 0);
  return (
    <section aria-labelledby="charts-heading" className="space-y-6 rounded-lg bg-white p-5 shadow-sm">
      <h2 id="charts-heading" className="text-lg font-semibold">
        办理时长与名册覆盖
      </h2>
      <div>
        <BarChart id="chart-handling" title="近 90 天审核办理天数（从提交到决定，中位数）" head="区县" series={HANDLING_SERIES} rows={handlingRows(handling)} unit=" 天" />
        <p className="mt-1 text-sm text-slate-600">
          近 90 天共决定 {decided} 件。
          {handling
            .filter((d) => d.decided > 0)
            .map((d) => `${d.districtName} ${d.decided} 件，九成在 ${d.p90} 天内`)
            .join('；')}
          {decided > 0 ? '。' : ''}
        </p>
      </div>
      <div>
        <BarChart id="chart-coverage" title="在服务小区的从业人员名册覆盖（%）" head="区县" series={COVERAGE_SERIES} rows={coverageRows(coverage)} unit="%" max={100} />
        <p className="mt-1 text-sm text-slate-600">
          {coverage.map((d) => `${d.districtName} 在服务小区 ${d.served} 个，有在册人员 ${d.withStaff} 个，关键岗位齐全 ${d.keyPostsFilled} 个`).join('；')}。
        </p>
      </div>
    </section>
  );
}
