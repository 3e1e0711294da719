/**
 * Charts as server-rendered SVG (decision 030): d3-scale computes positions and d3-shape the line's path; React
 * writes the SVG. No client JavaScript, so a chart is in the HTML the server sends and in the page cache.
 * Each chart is an image to assistive technology (role="img" with <title> and <desc>) and is followed by its
 * data as a table (ListTable: a card per row on a phone) in a <details>, which works without JavaScript too.
 */
import type { ReactNode } from 'react';
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { ListTable, type Column } from '@/components/list-kit/table';

export interface Series {
  key: string;
  name: string;
  /** Fill or stroke; every colour here has at least 3:1 contrast with white (WCAG 1.4.11). */
  color: string;
}

export interface ChartRow {
  label: string;
  values: Record<string, number>;
}

/** The SVG's width in user units: close to a phone's width, so text stays legible when the SVG scales. */
const W = 360;
const FONT = 12;

function Legend({ series }: { series: readonly Series[] }) {
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function Svg({ id, title, desc, height, children }: { id: string; title: string; desc: string; height: number; children: ReactNode }) {
  return (
    <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-xl" fontSize={FONT}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

function DataTable({ caption, head, series, rows, unit }: { caption: string; head: string; series: readonly Series[]; rows: readonly ChartRow[]; unit: string }) {
  const columns: Column<ChartRow>[] = [
    { label: head, rowHeader: true, cell: (r) => r.label },
    ...series.map((s) => ({ label: s.name, className: 'tabular-nums', cell: (r: ChartRow) => `${r.values[s.key] ?? 0}${unit}` })),
  ];
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-brand-700 underline">查看数据表</summary>
      <div className="mt-2">
        <ListTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.label} />
      </div>
    </details>
  );
}

/** One sentence per row for the <desc>: "船山区：红榜 3，黑榜 1". */
export function describeRows(rows: readonly ChartRow[], series: readonly Series[], unit = ''): string {
  return rows.map((r) => `${r.label}：${series.map((s) => `${s.name} ${r.values[s.key] ?? 0}${unit}`).join('，')}`).join('；');
}

export interface ChartProps {
  id: string;
  title: string;
  /** The header of the first column of the data table (e.g. 区县, 月份). */
  head: string;
  series: readonly Series[];
  rows: readonly ChartRow[];
  unit?: string;
  /** The top of the value axis (e.g. 100 for a percentage); default: the largest total. */
  max?: number;
}

/** Horizontal bars, one row per category, the series stacked; the total at the end of each bar. */
export function BarChart({ id, title, head, series, rows, unit = '', max }: ChartProps) {
  // Room for the longest label (CJK characters are about one em wide; digits half of one).
  const labelW = Math.min(130, 10 + Math.max(0, ...rows.map((r) => [...r.label].reduce((w, ch) => w + (/[\x00-\x7f]/.test(ch) ? FONT * 0.6 : FONT), 0))));
  const row = 28;
  const height = rows.length * row + 8;
  const totals = rows.map((r) => series.reduce((s, x) => s + (r.values[x.key] ?? 0), 0));
  const x = scaleLinear()
    .domain([0, max ?? Math.max(1, ...totals)])
    .range([labelW, W - 44]);
  const y = scaleBand()
    .domain(rows.map((r) => r.label))
    .range([4, height - 4])
    .padding(0.25);
  return (
    <figure>
      {series.length > 1 && <Legend series={series} />}
      <Svg id={id} title={title} desc={describeRows(rows, series, unit)} height={height}>
        {rows.map((r, i) => {
          let at = labelW;
          const top = y(r.label) ?? 0;
          return (
            <g key={r.label}>
              <text x={labelW - 6} y={top + y.bandwidth() / 2} dy="0.35em" textAnchor="end" fill="#1e293b">
                {r.label}
              </text>
              {series.map((s) => {
                const w = x(r.values[s.key] ?? 0) - labelW;
                const rect = <rect key={s.key} x={at} y={top} width={Math.max(0, w)} height={y.bandwidth()} fill={s.color} />;
                at += Math.max(0, w);
                return rect;
              })}
              <text x={at + 4} y={top + y.bandwidth() / 2} dy="0.35em" fill="#1e293b">
                {`${totals[i]}${unit}`}
              </text>
            </g>
          );
        })}
        <line x1={labelW} x2={labelW} y1={0} y2={height} stroke="#64748b" />
      </Svg>
      <DataTable caption={title} head={head} series={series} rows={rows} unit={unit} />
    </figure>
  );
}

/** A line per series over ordered categories (months), with a point at each value and a light value grid. */
export function LineChart({ id, title, head, series, rows, unit = '' }: ChartProps) {
  const height = 200;
  const left = 32;
  const bottom = height - 24;
  const top = 10;
  const peak = Math.max(1, ...rows.flatMap((r) => series.map((s) => r.values[s.key] ?? 0)));
  const x = scalePoint()
    .domain(rows.map((r) => r.label))
    .range([left + 8, W - 12]);
  const y = scaleLinear().domain([0, peak]).nice().range([bottom, top]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  const every = Math.ceil(rows.length / 6);
  return (
    <figure>
      <Legend series={series} />
      <Svg id={id} title={title} desc={describeRows(rows, series, unit)} height={height}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - 4} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={left - 4} y={y(t)} dy="0.35em" textAnchor="end" fill="#334155">
              {t}
            </text>
          </g>
        ))}
        {rows.map((r, i) =>
          i % every === 0 ? (
            <text key={r.label} x={x(r.label)} y={height - 6} textAnchor="middle" fill="#334155">
              {r.label.slice(2)}
            </text>
          ) : null,
        )}
        {series.map((s) => {
          const path = line<ChartRow>()
            .x((r) => x(r.label) ?? 0)
            .y((r) => y(r.values[s.key] ?? 0))(rows);
          return (
            <g key={s.key}>
              <path d={path ?? ''} fill="none" stroke={s.color} strokeWidth={2} />
              {rows.map((r) => (
                <circle key={r.label} cx={x(r.label)} cy={y(r.values[s.key] ?? 0)} r={3} fill={s.color} />
              ))}
            </g>
          );
        })}
        <line x1={left} x2={W - 4} y1={bottom} y2={bottom} stroke="#64748b" />
      </Svg>
      <DataTable caption={title} head={head} series={series} rows={rows} unit={unit} />
    </figure>
  );
}
