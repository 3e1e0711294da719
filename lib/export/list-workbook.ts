import 'server-only';
/**
 * The workbook of a list export: one sheet of rows under a bold, frozen, filterable header, and a second sheet
 * that says what was exported (the list, the filters applied, the count, the date, and whether the cap cut it).
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | Date | null | undefined;

export interface ExportColumn<R> {
  header: string;
  /** Width in characters (default 16). */
  width?: number;
  value: (row: R) => CellValue;
}

export interface ListWorkbook<R> {
  title: string;
  columns: readonly ExportColumn<R>[];
  rows: readonly R[];
  /** The filters applied, as label → value (only those set). */
  filters: readonly (readonly [string, string])[];
  /** The cap, when the filters selected more rows than it. */
  truncatedAt: number | null;
  on: string;
}

export async function listWorkbook<R>(w: ListWorkbook<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '遂宁市物业信用监管平台';
  const ws = wb.addWorksheet(w.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = w.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of w.rows) {
    const row = ws.addRow(w.columns.map((c) => c.value(r) ?? ''));
    row.alignment = { vertical: 'top', wrapText: true };
  }
  if (w.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: w.columns.length } };

  const about = wb.addWorksheet('导出说明');
  about.columns = [
    { header: '项目', width: 16 },
    { header: '内容', width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.addRow(['列表', w.title]);
  about.addRow(['导出日期', w.on]);
  about.addRow(['行数', w.rows.length]);
  if (w.truncatedAt !== null) about.addRow(['说明', `符合条件的记录超过 ${w.truncatedAt} 条，只导出了前 ${w.truncatedAt} 条；请缩小筛选范围后分批导出。`]);
  if (w.filters.length === 0) about.addRow(['筛选条件', '（无，全部记录）']);
  for (const [label, value] of w.filters) about.addRow([`筛选：${label}`, value]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
