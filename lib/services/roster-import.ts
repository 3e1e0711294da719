import 'server-only';
/**
 * Bulk entry from the 信息名册 spreadsheet (SPEC §3.3; SN 4–8): the template, the upload and its row-by-row report.
 * Each row goes through `submitEntry`, the single-entry service, in its own transaction: an accepted row is written
 * completely (person, certificates, photo, pending employment, review submission, audit), a refused row writes
 * nothing, and the upload never leaves a half-written row. Rows without a photo are entered and flagged; the
 * district cannot approve them until the photo is added.
 */
import ExcelJS from 'exceljs';
import type { Db } from '@/db';
import { listCompanyEstates } from '@/db/queries/roster';
import { fail, fieldError, ok, type ActionResult } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { can, type Actor } from '@/lib/auth/policy';
import { today as clockToday } from '@/lib/clock';
import { maskIdNumber } from '@/lib/domain/id-number';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, POLITICAL_STATUSES, POSTS } from '@/lib/domain/practitioner';
import {
  columnForField,
  columnForHeader,
  IMPORT_COLUMNS,
  isInCellPicture,
  mapRosterRow,
  ROSTER_MAX_BYTES,
  ROSTER_MAX_ROWS,
  ROSTER_ZIP_CAPS,
  type CellValue,
  type ImportColumn,
  type ImportField,
  type RowError,
} from '@/lib/domain/roster';
import { env } from '@/lib/env';
import { type IdKeys, idKeysFrom } from '@/lib/security/id-crypto';
import { PHOTO_MAX_BYTES, sniff } from '@/lib/uploads/files';
import { inspectXlsx } from '@/lib/uploads/xlsx-guard';
import { practitionerEntrySchema } from '@/lib/validation/practitioner';
import { submitEntry } from './practitioner-entry';
import { admitImportImages, countImages } from './upload-limits';

/** SN 5, shown on the upload page and in the template: why the data is collected and how it is used. */
export const PURPOSE_NOTE =
  '依据《遂宁市物业服务从业人员执业管理办法》第五条至第八条，本名册采集的信息仅用于从业人员实名登记、执业管理和信用信息记录。' +
  '收集前须向本人明确告知收集目的和使用方式；只填写本表所列项目，不得收集与工作无关的敏感信息。' +
  '身份证号码加密保存，公开页面仅显示姓名、照片、性别、年龄、岗位、持证情况和信用记录；项目负责人及客服、工程、安保主管的手机号码公开，其他人员的手机号码不公开。';

const SHEET_NAME = '信息名册';
const TEMPLATE_ROWS = ROSTER_MAX_ROWS + 1;

export interface ImportRowReport {
  /** The spreadsheet's row number, as Excel shows it. */
  row: number;
  name: string;
  idNumberMasked: string | null;
  estate: string;
  accepted: boolean;
  deadline?: string;
  late?: boolean;
  workingDaysOverdue?: number;
  photoMissing?: boolean;
  /** A hint about the photo cell (a picture placed *in* the cell cannot be read). */
  photoNote?: string;
  errors: RowError[];
}

export interface ImportReport {
  total: number;
  accepted: number;
  rejected: number;
  photoMissing: number;
  late: number;
  rows: ImportRowReport[];
}

type Built = ActionResult<{ filename: string; content: Buffer }>;

/** The template for one company: its estates are the 服务项目 list. */
export async function buildRosterTemplate(db: Db, actor: Actor | null): Promise<Built> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  const estates = await listCompanyEstates(db, actor.companyId);

  const wb = new ExcelJS.Workbook();
  wb.creator = '遂宁市物业信用监管平台';
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }));
  const header = ws.getRow(1);
  header.height = 30;
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: c.required ? 'FF9F1239' : 'FF1E293B' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E4' : 'FFE2E8F0' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${c.required ? '必填。' : '选填。'}${c.note}`;
  });
  // Text columns stay text: an ID number typed into a General cell loses its last digits.
  for (const f of ['idNumber', 'mobile', 'certificates', 'name', 'estate'] as ImportField[]) ws.getColumn(f).numFmt = '@';
  for (const f of ['hiredOn', 'labourContractOn'] as ImportField[]) ws.getColumn(f).numFmt = 'yyyy-mm-dd';

  const lists = wb.addWorksheet('选项', { state: 'veryHidden' });
  const listColumns: { key: NonNullable<ImportColumn['list']> | 'estate'; values: readonly string[] }[] = [
    { key: 'ethnicity', values: ETHNIC_GROUPS },
    { key: 'politicalStatus', values: POLITICAL_STATUSES },
    { key: 'education', values: EDUCATION_LEVELS },
    { key: 'post', values: POSTS },
    { key: 'estate', values: estates.map((e) => e.name) },
  ];
  const validations = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  listColumns.forEach((l, i) => {
    const letter = String.fromCharCode(65 + i);
    l.values.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v));
    if (l.values.length === 0) return;
    const target = ws.getColumn(l.key).letter;
    const strict = l.key !== 'estate';
    validations.add(`${target}2:${target}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${letter}$1:$${letter}$${l.values.length}`],
      showErrorMessage: strict,
      errorStyle: 'stop',
      errorTitle: '请从列表选择',
      error: '请从下拉列表中选择',
    });
  });

  const help = wb.addWorksheet('填表说明');
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 90;
  const lines: [string, string][] = [
    ['信息采集目的和用途', PURPOSE_NOTE],
    ['告知确认', '上传前须确认已向名册中每一位人员告知上述目的和用途。'],
    ['必填列', IMPORT_COLUMNS.filter((c) => c.required).map((c) => c.header).join('、')],
    ['选填列', IMPORT_COLUMNS.filter((c) => !c.required).map((c) => c.header).join('、')],
    ['不需填写', '性别、出生年月由身份证号码自动得出；企业名称为上传企业；奖励、惩处、信用信息和审核人由平台记录。'],
    ['日期格式', '入职时间、劳动合同签订日期、证书有效期写作 2026-09-28（也可写 2026/9/28 或 2026年9月28日，或使用 Excel 日期）。'],
    ['身份证号码', '18 位，末位 X 大小写均可。本列已设为“文本”格式；如从其他表格粘贴，请先把该列设为“文本”，否则 Excel 会把号码存成数字、丢失末几位，该行将不被接受。'],
    ['资格证书', '每项写作“名称|编号|发证机关|有效期”，多项之间用“;”分隔，例如：消防设施操作员|XF2024-0001|四川省消防救援总队|2029-12-31;电工证|DG123|遂宁市应急管理局|。有效期可空。'],
    ['证件照', `把照片以“浮动图片”方式粘贴到本行的证件照单元格内（JPEG、PNG 或 WebP，每张不超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB）。“嵌入单元格”的图片无法读取。没有照片的人员可先登记，再到人员页面补传，补齐前区县不能审核通过。`],
    ['服务项目', `本企业在管的项目：${estates.map((e) => e.name).join('、') || '（暂无）'}。`],
    ['岗位类别', POSTS.join('、')],
    ['登记时限', '新入职人员须在签订劳动合同后 10 个工作日内登记，逾期登记的会标注逾期天数。'],
    ['行数与大小', `每个文件最多 ${ROSTER_MAX_ROWS} 行人员、不超过 ${ROSTER_MAX_BYTES / 1024 / 1024} MB；更多人员请分多个文件上传。`],
    ['结果', '上传后逐行显示是否接受；未接受的行列出每一个原因，修改后只需重新上传这些行。已接受的人员进入区县住建部门审核。'],
  ];
  help.addRow(['遂宁市物业服务从业人员信息名册 填表说明']).font = { bold: true, size: 14 };
  for (const [k, v] of lines) {
    const row = help.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  }
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return ok({ filename: '从业人员信息名册-导入模板.xlsx', content });
}

const refuse = (message: string) => fieldError('file', message);

const TOO_MANY_ROWS = `名册超过 ${ROSTER_MAX_ROWS} 行人员，每个文件最多 ${ROSTER_MAX_ROWS} 行，请分多个文件上传`;
const UNREADABLE = '文件无法读取，请确认是 .xlsx 格式的名册（可下载模板填写）';

/** What the person uploading is told when the zip check refuses the file. */
const ZIP_REFUSALS = {
  corrupt: UNREADABLE,
  entries: '文件包含的内容过多，不像是人员名册，请使用模板填写后上传',
  size: '文件解压后过大，不像是人员名册，请使用模板填写后上传；人员较多时请分多个文件上传',
  ratio: '文件解压后过大，不像是人员名册，请使用模板填写后上传；人员较多时请分多个文件上传',
  rows: TOO_MANY_ROWS,
} as const;

interface SheetRow {
  row: number;
  cells: Partial<Record<ImportField, CellValue>>;
}

/** The sheet that holds the roster and the column of each field, by the header row (one of the first five rows). */
function locateRoster(wb: ExcelJS.Workbook) {
  const sheets = [wb.getWorksheet(SHEET_NAME), ...wb.worksheets].filter((s): s is ExcelJS.Worksheet => !!s && s.state === 'visible');
  for (const ws of sheets) {
    for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
      const columns = new Map<ImportField, number>();
      ws.getRow(r).eachCell((cell, col) => {
        const text = typeof cell.value === 'string' ? cell.value : cell.text;
        const c = text ? columnForHeader(String(text)) : null;
        if (c && !columns.has(c.field)) columns.set(c.field, col);
      });
      if (columns.has('name') && columns.has('idNumber')) return { ws, headerRow: r, columns };
    }
  }
  return null;
}

export interface ImportInput {
  bytes: Uint8Array;
  informed: boolean;
}

/** Parse → map → validate → enter, row by row. Whole-file problems answer INVALID with a `file` message. */
export async function importRoster(
  db: Db,
  actor: Actor | null,
  input: ImportInput,
  opts: { today?: string; now?: Date; keys?: IdKeys } = {},
): Promise<ActionResult<ImportReport>> {
  if (!actor) return fail('UNAUTHENTICATED');
  if (!can(actor, 'practitioner.enter') || !actor.companyId) return fail('FORBIDDEN');
  if (!input || !(input.bytes instanceof Uint8Array)) return refuse('请选择要上传的名册文件');
  if (input.informed !== true) return fieldError('informed', '请确认已向名册中每一位人员告知信息采集的目的和用途');
  const bytes = input.bytes;
  if (bytes.byteLength === 0) return refuse('请选择要上传的名册文件');
  if (bytes.byteLength > ROSTER_MAX_BYTES) return refuse(`文件不能超过 ${ROSTER_MAX_BYTES / 1024 / 1024} MB，请分多个文件上传`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return refuse('这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 格式后上传');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return refuse('只接受 .xlsx 格式的名册，请下载模板填写');

  // Before ExcelJS inflates anything: the zip's entries, sizes and ratios, and the worksheets' rows, all capped.
  const verdict = await inspectXlsx(bytes, ROSTER_ZIP_CAPS);
  if (!verdict.ok) return refuse(ZIP_REFUSALS[verdict.reason]);

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return refuse(UNREADABLE);
  }
  const located = locateRoster(wb);
  if (!located) return refuse('没有找到表头：第一行应包含“姓名”“身份证号码”等列，请使用模板');
  const { ws, headerRow, columns } = located;
  const missing = IMPORT_COLUMNS.filter((c) => c.required && !columns.has(c.field)).map((c) => c.header);
  if (missing.length) return refuse(`表头缺少必填列：${missing.join('、')}`);

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r <= headerRow) return;
    const cells: SheetRow['cells'] = {};
    let filled = false;
    for (const [field, col] of columns) {
      const v = row.getCell(col).value as CellValue;
      cells[field] = v;
      if (v != null && !(typeof v === 'string' && v.trim() === '')) filled = true;
    }
    if (filled) rows.push({ row: r, cells });
  });
  if (rows.length === 0) return refuse('名册中没有人员数据');
  if (rows.length > ROSTER_MAX_ROWS) return refuse(TOO_MANY_ROWS);

  // Pictures anchored in a row's 证件照 cell.
  const photoCol = columns.get('photo');
  const photos = new Map<number, Uint8Array[]>();
  if (photoCol) {
    for (const img of ws.getImages()) {
      const tl = img.range.tl;
      const col = Math.floor(tl.nativeCol ?? tl.col) + 1;
      const row = Math.floor(tl.nativeRow ?? tl.row) + 1;
      if (col !== photoCol) continue;
      const media = wb.getImage(Number(img.imageId));
      if (!media?.buffer) continue;
      const b = media.buffer as unknown as Uint8Array;
      (photos.get(row) ?? photos.set(row, []).get(row)!).push(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    }
  }

  // One admission for every picture the rows hand to the entry service, before any is decoded: the rows then
  // use the import's pass, not the per-account limit of single entries.
  const pictured = rows.map((r) => photos.get(r.row)).filter((p) => p?.length === 1).map((p) => ({ bytes: p![0] }));
  const admitted = await admitImportImages(db, actor, countImages(pictured), { at: opts.now, field: 'file' });
  if (!admitted.ok) return admitted;
  const imagePass = admitted.data;

  const on = opts.today ?? clockToday();
  const keys = opts.keys ?? idKeysFrom(env());
  const estates = await listCompanyEstates(db, actor.companyId);
  const estateByName = new Map<string, string[]>();
  for (const e of estates) (estateByName.get(e.name) ?? estateByName.set(e.name, []).get(e.name)!).push(e.id);
  const firstRowOfId = new Map<string, number>();
  const report: ImportRowReport[] = [];

  for (const { row, cells } of rows) {
    const m = mapRosterRow(cells);
    const errors: RowError[] = [...m.errors];
    const r: ImportRowReport = { row, name: m.name, idNumberMasked: m.idNumber && m.idNumber.length === 18 ? maskIdNumber(m.idNumber) : null, estate: m.estate, accepted: false, errors };

    // 服务项目 by name: one of the company's current estates.
    const ids = estateByName.get(m.estate);
    if (!m.estate) errors.push({ column: '服务项目', message: '请填写服务项目' });
    else if (!ids) errors.push({ column: '服务项目', message: `“${m.estate}”不是本企业在管的项目` });
    else if (ids.length > 1) errors.push({ column: '服务项目', message: `本企业有多个名为“${m.estate}”的项目，请联系区县住建部门核对项目名称` });
    else m.data.projectId = ids[0];

    const parsed = practitionerEntrySchema.safeParse(m.data);
    if (!parsed.success) {
      const seen = new Set(errors.map((e) => e.column));
      for (const issue of parsed.error.issues) {
        const column = columnForField(issue.path.join('.') || '_form');
        if (seen.has(column)) continue;
        const item = issue.path[0] === 'certificates' && typeof issue.path[1] === 'number' ? `第 ${issue.path[1] + 1} 项：` : '';
        errors.push({ column, message: item + issue.message });
      }
    }
    // The service's own date checks, so that a row reports every reason at once.
    for (const f of ['hiredOn', 'labourContractOn'] as const) {
      const v = m.data[f];
      if (typeof v === 'string' && v > on && !errors.some((e) => e.column === columnForField(f))) {
        errors.push({ column: columnForField(f), message: `${columnForField(f)}不能晚于今天` });
      }
    }
    if (m.idNumber && m.idNumber.length === 18) {
      const first = firstRowOfId.get(m.idNumber);
      if (first) errors.push({ column: '身份证号码', message: `与第 ${first} 行的身份证号码重复` });
      else firstRowOfId.set(m.idNumber, row);
    }
    const pictures = photos.get(row) ?? [];
    if (pictures.length > 1) errors.push({ column: '证件照', message: '证件照单元格中有多张图片，请只保留一张' });
    const picture = pictures[0];
    if (picture) {
      const kind = sniff(picture);
      if (!kind || kind === 'pdf') errors.push({ column: '证件照', message: '照片只接受 JPEG、PNG 或 WebP 格式' });
      else if (picture.byteLength > PHOTO_MAX_BYTES) errors.push({ column: '证件照', message: '照片不能超过 5 MB' });
    } else if (photoCol && isInCellPicture(cells.photo)) {
      r.photoNote = '证件照是“嵌入单元格”的图片，无法读取；请在人员页面补传，或改为浮动图片后重新上传';
    }

    if (errors.length === 0) {
      const entered = await submitEntry(db, actor, { data: m.data, photo: picture ? { bytes: picture } : null }, { today: on, now: opts.now, keys, allowMissingPhoto: true, imagePass });
      if (entered.ok) {
        Object.assign(r, {
          accepted: true,
          deadline: entered.data.deadline,
          late: entered.data.late,
          workingDaysOverdue: entered.data.workingDaysOverdue,
          photoMissing: !picture,
        });
      } else if (entered.fieldErrors) {
        for (const [field, messages] of Object.entries(entered.fieldErrors)) {
          for (const message of messages) errors.push({ column: field === 'photo' ? '证件照' : columnForField(field), message });
        }
      } else {
        errors.push({ column: '整行', message: entered.message });
      }
    }
    report.push(r);
  }

  const accepted = report.filter((r) => r.accepted);
  const summary: ImportReport = {
    total: report.length,
    accepted: accepted.length,
    rejected: report.length - accepted.length,
    photoMissing: accepted.filter((r) => r.photoMissing).length,
    late: accepted.filter((r) => r.late).length,
    rows: report,
  };
  await audit(db, actor, {
    action: 'roster.imported',
    objectType: 'company',
    objectId: actor.companyId,
    after: { total: summary.total, accepted: summary.accepted, rejected: summary.rejected, photoMissing: summary.photoMissing, late: summary.late, rejectedRows: report.filter((r) => !r.accepted).map((r) => r.row).slice(0, 200) },
  });
  return ok(summary);
}
