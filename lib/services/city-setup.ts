import 'server-only';
/**
 * The first day of a real city (issue 18 item 1): the city imports its regions (区县、街道乡镇、社区) and its estates
 * from Excel templates. Upload → a row-by-row report (nothing written) → confirm → every row written in ONE
 * transaction with one audit row carrying the counts. One refused row and nothing is written (all-or-nothing,
 * docs/decisions/038-first-day-of-a-city.md). Re-importing the same file changes nothing: regions are known by code,
 * estates by name within their district; a new name or new values update the recorded row.
 *
 * The confirmation carries the rows the preview read (the page keeps them in a hidden field, so the file need not
 * be chosen again); they are checked again in full against the database before anything is written.
 */
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db } from '@/db';
import { insertEstate, listAllRegions, listEstatesForImport, updateEstate, writeRegions } from '@/db/queries/city-setup';
import { fail, fieldError, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import {
  checkEstateRows,
  checkRegionRows,
  ESTATE_COLUMNS,
  estateRowFromCells,
  IMPORT_MAX_ROWS,
  keyForHeader,
  PROJECT_TYPES,
  REGION_COLUMNS,
  regionRowFromCells,
  summarise,
  type EstateRowInput,
  type EstateRowReport,
  type RegionRowInput,
  type RegionRowReport,
} from '@/lib/domain/city-setup';
import type { CellValue } from '@/lib/domain/roster';
import { inspectXlsx } from '@/lib/uploads/xlsx-guard';
import { inTransaction, Rollback } from './errors';

export const SETUP_MAX_BYTES = 4 * 1024 * 1024;
const ZIP_CAPS = {
  maxEntries: 200,
  maxUncompressedBytes: 32 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxRows: IMPORT_MAX_ROWS * 4,
  maxCells: IMPORT_MAX_ROWS * 60,
} as const;

type Columns = readonly { key: string; header: string; width: number; note: string }[];

async function buildTemplate(sheet: string, columns: Columns, lists: { key: string; values: readonly string[] }[], help: [string, string][], example: string[][]) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '遂宁市物业信用监管平台';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
    cell.note = c.note;
  });
  for (const row of example) ws.addRow(row);
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const l of lists) {
    const letter = ws.getColumn(l.key).letter;
    validations.add(`${letter}2:${letter}${IMPORT_MAX_ROWS + 1}`, { type: 'list', allowBlank: true, formulae: [`"${l.values.join(',')}"`] });
  }
  const h = wb.addWorksheet('填表说明');
  h.getColumn(1).width = 18;
  h.getColumn(2).width = 90;
  for (const [k, v] of [...columns.map((c) => [c.header, c.note] as [string, string]), ...help]) {
    const row = h.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const REGION_SHEET = '区划';
export const ESTATE_SHEET = '项目';

/** The region template (with two example rows to overwrite). City only. */
export async function buildRegionTemplate(actor: Actor | null): Promise<ActionResult<{ filename: string; content: Buffer }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const content = await buildTemplate(
    REGION_SHEET,
    REGION_COLUMNS,
    [{ key: 'level', values: ['市', '区县', '街道乡镇', '社区'] }],
    [
      ['顺序', '行的顺序不限：上级可以写在下级之后。'],
      ['结果', `上传后逐行检查，全部通过才能确认导入；任何一行有误都不会写入。每个文件最多 ${IMPORT_MAX_ROWS} 行。`],
      ['重复导入', '已登记的区划按区划代码识别：名称不同的会更新名称，其余不变；不会移动或删除已登记的区划。'],
    ],
    [
      ['510900', '遂宁市', '市', ''],
      ['510903', '船山区', '区县', '510900'],
    ],
  );
  return ok({ filename: '区划导入模板.xlsx', content });
}

/** The estate template. City only. */
export async function buildEstateTemplate(actor: Actor | null): Promise<ActionResult<{ filename: string; content: Buffer }>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const content = await buildTemplate(
    ESTATE_SHEET,
    ESTATE_COLUMNS,
    [
      { key: 'type', values: PROJECT_TYPES },
      { key: 'hasOwnersCommittee', values: ['是', '否'] },
    ],
    [
      ['先导入区划', '所在区县、街道、社区须已在平台登记（先导入区划）。'],
      ['结果', `上传后逐行检查，全部通过才能确认导入；任何一行有误都不会写入。每个文件最多 ${IMPORT_MAX_ROWS} 行。`],
      ['重复导入', '同一区县内同名的项目视为同一项目：内容不同的会更新，其余不变。'],
    ],
    [['明月花园', '船山区明月路 1 号', '船山区', '', '', '住宅', '320', '42000', '否']],
  );
  return ok({ filename: '项目导入模板.xlsx', content });
}

const UNREADABLE = '文件无法读取，请确认是 .xlsx 格式（可下载模板填写）';

/** The rows of the first visible sheet whose header row (one of the first five) names the required columns. */
async function readSheet<K extends string>(
  bytes: Uint8Array,
  columns: readonly { key: K; header: string }[],
  required: readonly K[],
): Promise<{ ok: true; rows: { row: number; cells: Partial<Record<K, CellValue>> }[] } | { ok: false; message: string }> {
  if (bytes.byteLength === 0) return { ok: false, message: '请选择要上传的文件' };
  if (bytes.byteLength > SETUP_MAX_BYTES) return { ok: false, message: `文件不能超过 ${SETUP_MAX_BYTES / 1024 / 1024} MB` };
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return { ok: false, message: '这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 格式后上传' };
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, message: '只接受 .xlsx 格式，请下载模板填写' };
  const verdict = await inspectXlsx(bytes, ZIP_CAPS);
  if (!verdict.ok) return { ok: false, message: verdict.reason === 'corrupt' ? UNREADABLE : `文件过大或行数过多：每个文件最多 ${IMPORT_MAX_ROWS} 行，请分多个文件上传` };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  for (const ws of wb.worksheets.filter((s) => s.state === 'visible')) {
    for (let h = 1; h <= Math.min(5, ws.rowCount); h++) {
      const found = new Map<K, number>();
      ws.getRow(h).eachCell((cell, col) => {
        const k = keyForHeader(columns, String(cell.text ?? ''));
        if (k && !found.has(k)) found.set(k, col);
      });
      if (!required.every((k) => found.has(k))) continue;
      const rows: { row: number; cells: Partial<Record<K, CellValue>> }[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        if (r <= h) return;
        const cells: Partial<Record<K, CellValue>> = {};
        let filled = false;
        for (const [k, col] of found) {
          const v = row.getCell(col).value as CellValue;
          cells[k] = v;
          if (v != null && !(typeof v === 'string' && v.trim() === '')) filled = true;
        }
        if (filled) rows.push({ row: r, cells });
      });
      if (rows.length === 0) return { ok: false, message: '表中没有数据行' };
      if (rows.length > IMPORT_MAX_ROWS) return { ok: false, message: `每个文件最多 ${IMPORT_MAX_ROWS} 行，请分多个文件上传` };
      return { ok: true, rows };
    }
  }
  return { ok: false, message: `没有找到表头：第一行应为 ${columns.map((c) => c.header).join('、')}，请使用模板` };
}

const str = z.string().max(200);
const regionRowsSchema = z.array(z.object({ row: z.number().int().min(1).max(1_000_000), code: str, name: str, level: str, parent: str })).min(1).max(IMPORT_MAX_ROWS);
const estateRowsSchema = z
  .array(
    z.object({
      row: z.number().int().min(1).max(1_000_000),
      name: str,
      address: str,
      district: str,
      street: str,
      community: str,
      type: str,
      households: str,
      floorArea: str,
      hasOwnersCommittee: str,
    }),
  )
  .min(1)
  .max(IMPORT_MAX_ROWS);

/** What the upload form sends: a file, or (at confirmation) the rows the preview read, as JSON. */
export interface ImportInput {
  file?: Uint8Array | null;
  rowsJson?: string | null;
  confirm: boolean;
}

export interface ImportReport<R, I> {
  confirmed: boolean;
  total: number;
  refused: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rows: R[];
  /** The rows as read, for the confirmation (a hidden field). */
  input: I[];
}

async function rowsOf<K extends string, I>(
  input: ImportInput,
  columns: readonly { key: K; header: string }[],
  required: readonly K[],
  fromCells: (row: number, cells: Partial<Record<K, CellValue>>) => I,
  schema: z.ZodType<I[]>,
): Promise<ActionResult<I[]>> {
  if (input?.file instanceof Uint8Array && input.file.byteLength > 0) {
    const read = await readSheet(input.file, columns, required);
    if (!read.ok) return fieldError('file', read.message);
    return ok(read.rows.map((r) => fromCells(r.row, r.cells)));
  }
  if (typeof input?.rowsJson === 'string' && input.rowsJson.length > 0 && input.rowsJson.length < 4_000_000) {
    let json: unknown;
    try {
      json = JSON.parse(input.rowsJson);
    } catch {
      return fieldError('file', '请重新上传文件');
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) return ok(parsed.data);
    return fieldError('file', '请重新上传文件');
  }
  return fieldError('file', '请选择要上传的文件');
}

export type RegionImportReport = ImportReport<RegionRowReport, RegionRowInput>;

/** Check (confirm false) or write (confirm true) a region file. City only. */
export async function importRegions(db: Db, actor: Actor | null, input: ImportInput): Promise<ActionResult<RegionImportReport>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const read = await rowsOf(input, REGION_COLUMNS, ['code', 'name', 'level', 'parent'], regionRowFromCells, regionRowsSchema);
  if (!read.ok) return read;
  const check = async (q: Db | Parameters<Parameters<Db['transaction']>[0]>[0]) => {
    const existing = new Map((await listAllRegions(q)).map((r) => [r.id, r]));
    const rows = checkRegionRows(read.data, existing);
    return { confirmed: false, ...summarise(rows), rows, input: read.data } satisfies RegionImportReport;
  };
  if (!input.confirm) return ok(await check(db));
  return inTransaction(db, async (tx) => {
    const report = await check(tx);
    if (report.refused > 0) throw new Rollback({ ok: false, code: 'INVALID', message: `有 ${report.refused} 行未通过检查，未导入任何区划`, fieldErrors: { file: ['有未通过检查的行，请修改后重新上传'] } });
    const ready = report.rows.filter((r) => r.level).map((r) => ({ ...r, level: r.level! }));
    const written = await writeRegions(tx, ready);
    await audit(tx, actor, {
      action: 'region.imported',
      objectType: 'region',
      objectId: null,
      after: {
        total: report.total,
        inserted: written.inserted,
        renamed: written.renamed,
        unchanged: report.unchanged,
        codes: report.rows.filter((r) => r.outcome !== 'unchanged').map((r) => r.code).slice(0, 500),
      },
    });
    return ok({ ...report, confirmed: true });
  });
}

export type EstateImportReport = ImportReport<EstateRowReport, EstateRowInput>;

/** Check (confirm false) or write (confirm true) an estate file. City only. */
export async function importEstates(db: Db, actor: Actor | null, input: ImportInput): Promise<ActionResult<EstateImportReport>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'user.manage')) return fail('FORBIDDEN');
  const read = await rowsOf(input, ESTATE_COLUMNS, ['name', 'address', 'district', 'type', 'households', 'floorArea'], estateRowFromCells, estateRowsSchema);
  if (!read.ok) return read;
  const check = async (q: Db | Parameters<Parameters<Db['transaction']>[0]>[0]) => {
    const rows = checkEstateRows(read.data, await listAllRegions(q), await listEstatesForImport(q));
    return { confirmed: false, ...summarise(rows), rows, input: read.data } satisfies EstateImportReport;
  };
  if (!input.confirm) return ok(await check(db));
  return inTransaction(db, async (tx) => {
    const report = await check(tx);
    if (report.refused > 0) throw new Rollback({ ok: false, code: 'INVALID', message: `有 ${report.refused} 行未通过检查，未导入任何项目`, fieldErrors: { file: ['有未通过检查的行，请修改后重新上传'] } });
    for (const r of report.rows) {
      if (r.outcome === 'insert') await insertEstate(tx, r.values!);
      else if (r.outcome === 'update') await updateEstate(tx, r.existingId!, r.values!);
    }
    await audit(tx, actor, {
      action: 'estate.imported',
      objectType: 'project',
      objectId: null,
      after: {
        total: report.total,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        names: report.rows.filter((r) => r.outcome !== 'unchanged').map((r) => r.name).slice(0, 500),
      },
    });
    return ok({ ...report, confirmed: true });
  });
}
