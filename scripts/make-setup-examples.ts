/**
 * `npm run examples:setup` — writes docs/examples/regions.xlsx and docs/examples/estates.xlsx, the sample files of
 * the README's "first day of a real city" (the same columns as the templates on /bureau/setup). They are small and
 * committed; run this again after changing the rows below. tests/integration/first-day.test.ts imports them.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ESTATE_COLUMNS, REGION_COLUMNS } from '../lib/domain/city-setup';

export const REGION_ROWS: string[][] = [
  ['510900', '遂宁市', '市', ''],
  ['510903', '船山区', '区县', '510900'],
  ['510904', '安居区', '区县', '510900'],
  ['510981', '射洪市', '区县', '510900'],
  ['510921', '蓬溪县', '区县', '510900'],
  ['510923', '大英县', '区县', '510900'],
  ['510903001', '凯旋路街道', '街道乡镇', '510903'],
  ['510903002', '南津路街道', '街道乡镇', '510903'],
  ['510903001001', '凯旋社区', '社区', '510903001'],
  ['510903001002', '明月社区', '社区', '510903001'],
  ['510903002001', '南津社区', '社区', '510903002'],
  ['510981001', '太和街道', '街道乡镇', '510981'],
  ['510981001001', '金华社区', '社区', '510981001'],
];

export const ESTATE_ROWS: string[][] = [
  ['凯旋花园', '船山区凯旋北路 88 号', '船山区', '凯旋路街道', '凯旋社区', '住宅', '620', '71500.5', '是'],
  ['明月小区', '船山区明月路 12 号', '船山区', '凯旋路街道', '明月社区', '老旧小区', '180', '15200', '否'],
  ['南津商务中心', '船山区南津路 6 号', '船山区', '南津路街道', '南津社区', '办公', '40', '23800', '否'],
  ['太和安居苑', '射洪市太和大道 200 号', '射洪市', '太和街道', '金华社区', '安置小区', '960', '88000', '否'],
];

async function write(path: string, sheet: string, headers: readonly string[], rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  // Fixed dates so that regenerating the files without a change gives the same bytes' content.
  wb.created = wb.modified = new Date('2026-12-01T00:00:00Z');
  const ws = wb.addWorksheet(sheet);
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

await write('docs/examples/regions.xlsx', '区划', REGION_COLUMNS.map((c) => c.header), REGION_ROWS);
await write('docs/examples/estates.xlsx', '项目', ESTATE_COLUMNS.map((c) => c.header), ESTATE_ROWS);
console.log('Wrote docs/examples/regions.xlsx and docs/examples/estates.xlsx');
