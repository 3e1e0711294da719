import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, ROSTER_MAX_ROWS, ROSTER_ZIP_CAPS } from '@/lib/domain/roster';
import { inspectXlsx } from '@/lib/uploads/xlsx-guard';
import { buildZip, minimalXlsx } from '../fixtures/zip';

const HEADER = ['姓名', '身份证号码'];

describe('the zip check before a roster is loaded', () => {
  it('lets a full 2,000-row roster from the template through with room to spare', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信息名册');
    ws.addRow(IMPORT_COLUMNS.map((c) => c.header));
    for (let i = 0; i < ROSTER_MAX_ROWS; i++) {
      ws.addRow([`导入${i}`, '汉族', '四川遂宁', '群众', '2026-11-09', '2026/11/9', '高中', `139${10000000 + i}`, `51090419750101${String(i).padStart(4, '0')}`, '某某小区', '保洁人员', `保洁员证|BJ${i}|遂宁市人社局|2030-01-01`, '遂宁职业学院', '物业管理', '消防控制室值班']);
    }
    // A formatted but empty block below, as Excel writes when a range is formatted as text.
    for (let r = ROSTER_MAX_ROWS + 2; r <= ROSTER_MAX_ROWS * 2; r++) for (let c = 1; c <= IMPORT_COLUMNS.length; c++) ws.getCell(r, c).numFmt = '@';
    const v = await inspectXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), ROSTER_ZIP_CAPS);
    expect(v).toMatchObject({ ok: true });
    if (!v.ok) return;
    expect(v.rows).toBeGreaterThanOrEqual(ROSTER_MAX_ROWS + 1);
    // "Comfortably": at most a quarter of each cap.
    expect(v.rows * 4).toBeLessThan(ROSTER_ZIP_CAPS.maxRows);
    expect(v.cells * 2).toBeLessThan(ROSTER_ZIP_CAPS.maxCells);
    expect(v.uncompressedBytes * 4).toBeLessThan(ROSTER_ZIP_CAPS.maxUncompressedBytes);
  });

  it('the test workbook is a real one: ExcelJS reads it', async () => {
    const bytes = minimalXlsx([HEADER, ['张三', '510904197501010011']]);
    expect(await inspectXlsx(bytes, ROSTER_ZIP_CAPS)).toMatchObject({ ok: true, rows: 2, cells: 4 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.getWorksheet('信息名册')!.getCell('A2').value).toBe('张三');
  });

  it('refuses a zip bomb by its declared size before inflating it', async () => {
    const bomb = minimalXlsx([HEADER], { padding: 70 * 1024 * 1024 });
    expect(bomb.byteLength).toBeLessThan(200 * 1024);
    // 'size' is the declared-size check, made from the central directory before the entry is inflated.
    expect(await inspectXlsx(bomb, ROSTER_ZIP_CAPS)).toEqual({ ok: false, reason: 'size' });
  });

  it('refuses an entry that compresses too well, one that holds more than it declares, too many rows and too many entries', async () => {
    expect(await inspectXlsx(minimalXlsx([HEADER], { padding: 4 * 1024 * 1024 }), ROSTER_ZIP_CAPS)).toEqual({ ok: false, reason: 'ratio' });
    // Declares 1 KB, inflates to 70 MB: stopped while inflating, never trusted.
    expect(await inspectXlsx(minimalXlsx([HEADER], { padding: 70 * 1024 * 1024, sheetDeclaredSize: 1024 }), ROSTER_ZIP_CAPS)).toMatchObject({ ok: false });
    expect(await inspectXlsx(minimalXlsx([HEADER], { extraRows: ROSTER_ZIP_CAPS.maxRows + 1 }), ROSTER_ZIP_CAPS)).toEqual({ ok: false, reason: 'rows' });
    const many = buildZip(Array.from({ length: ROSTER_ZIP_CAPS.maxEntries + 1 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: 'x' })));
    expect(await inspectXlsx(many, ROSTER_ZIP_CAPS)).toEqual({ ok: false, reason: 'entries' });
    expect(await inspectXlsx(new TextEncoder().encode('PK not really a zip'), ROSTER_ZIP_CAPS)).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('counts rows split across inflated chunks exactly', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`人${i}`, String(i)]);
    expect(await inspectXlsx(minimalXlsx(rows), { ...ROSTER_ZIP_CAPS, maxCells: 1e9, maxRows: 1e9 })).toMatchObject({ ok: true, rows: 5000, cells: 10000 });
  });
});
