/**
 * The 信息名册 of the SN annex as a spreadsheet (SPEC §3.3 bulk entry, SN 8): the columns of the import template
 * and of the export, and the mapping of one spreadsheet row to the entry form's fields. Pure: no I/O and no
 * spreadsheet library — a cell value here is what exceljs hands over (string, number, Date, rich text, formula).
 */
import { normalizeIdNumber } from './id-number';
import { POSTS } from './practitioner';

/** A column of the import template. `field` is the entry form's field it fills. */
export interface ImportColumn {
  header: string;
  field: ImportField;
  required: boolean;
  /** Width in characters in the template. */
  width: number;
  /** Filled by a list in the template (data validation). */
  list?: 'ethnicity' | 'politicalStatus' | 'education' | 'post';
  note: string;
}

export type ImportField =
  | 'name'
  | 'photo'
  | 'ethnicity'
  | 'nativePlace'
  | 'school'
  | 'politicalStatus'
  | 'hiredOn'
  | 'labourContractOn'
  | 'major'
  | 'education'
  | 'skills'
  | 'mobile'
  | 'idNumber'
  | 'estate'
  | 'post'
  | 'certificates';

/**
 * The annex's fields in the annex's order (姓名, 证件照, 民族, 籍贯, 毕业院校, 政治面貌, 入职时间, 毕业专业, 手机号码,
 * 身份证号码, 项目名称 → 服务项目, 现任岗位 → 岗位类别, 资格证书), with the other SN 7 fields (劳动合同签订日期, 学历,
 * 专业技能) beside their neighbours. 性别 and 出生年月 come from the ID number; 企业名称 is the uploading company;
 * 奖励/惩处/信用信息 and 信息变更审核人 are written by the platform — none of them is asked.
 */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '姓名', field: 'name', required: true, width: 10, note: '与身份证一致' },
  { header: '证件照', field: 'photo', required: false, width: 12, note: '把照片粘贴到本行的证件照单元格内（浮动图片）；没有照片的人员先登记，之后在人员页面补传，补齐前不能审核通过' },
  { header: '民族', field: 'ethnicity', required: true, width: 10, list: 'ethnicity', note: '从下拉列表选择，如“汉族”' },
  { header: '籍贯', field: 'nativePlace', required: true, width: 12, note: '如“四川遂宁”' },
  { header: '毕业院校', field: 'school', required: false, width: 16, note: '' },
  { header: '政治面貌', field: 'politicalStatus', required: true, width: 12, list: 'politicalStatus', note: '从下拉列表选择' },
  { header: '入职时间', field: 'hiredOn', required: true, width: 12, note: '日期，如 2026-09-28' },
  { header: '劳动合同签订日期', field: 'labourContractOn', required: true, width: 14, note: '日期，不能晚于上传当天；签订后 10 个工作日内登记，逾期的会标注' },
  { header: '毕业专业', field: 'major', required: false, width: 14, note: '' },
  { header: '学历', field: 'education', required: true, width: 10, list: 'education', note: '从下拉列表选择' },
  { header: '专业技能', field: 'skills', required: false, width: 16, note: '' },
  { header: '手机号码', field: 'mobile', required: true, width: 14, note: '11 位手机号码' },
  { header: '身份证号码', field: 'idNumber', required: true, width: 22, note: '18 位；本列须为“文本”格式，否则 Excel 会丢失末几位' },
  { header: '服务项目', field: 'estate', required: true, width: 20, note: '本企业在管项目的名称，与平台上的项目名称一致' },
  { header: '岗位类别', field: 'post', required: true, width: 14, list: 'post', note: '从下拉列表选择' },
  { header: '资格证书', field: 'certificates', required: false, width: 40, note: '每项写作“名称|编号|发证机关|有效期”，多项用“;”分隔；有效期可空' },
];

/** The export's columns: the annex form, one person a row (ID number masked). */
export const EXPORT_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 10 },
  { header: '性别', width: 6 },
  { header: '出生年月（岁）', width: 14 },
  { header: '民族', width: 8 },
  { header: '籍贯', width: 12 },
  { header: '毕业院校', width: 16 },
  { header: '政治面貌', width: 12 },
  { header: '入职时间', width: 12 },
  { header: '毕业专业', width: 14 },
  { header: '学历', width: 10 },
  { header: '手机号码', width: 14 },
  { header: '身份证号码', width: 22 },
  { header: '项目名称', width: 20 },
  { header: '企业名称', width: 24 },
  { header: '现任岗位', width: 14 },
  { header: '资格证书', width: 40 },
  { header: '奖励情况', width: 24 },
  { header: '惩处情况', width: 24 },
  { header: '信用信息', width: 16 },
  { header: '信息变更审核人', width: 14 },
] as const;

export const ROSTER_MAX_ROWS = 2000;
/** Below the 10 MB the request proxy buffers, with room for the form's other parts. */
export const ROSTER_MAX_BYTES = 8 * 1024 * 1024;
/** The whole request body (file plus the form's other parts): read up to this, never further. */
export const ROSTER_MAX_BODY_BYTES = ROSTER_MAX_BYTES + 64 * 1024;

/**
 * What the .xlsx may hold once unzipped, checked before ExcelJS loads it (lib/uploads/xlsx-guard.ts). A full
 * 2,000-row roster made from the template is about 2 MB of sheet XML compressed 10–15×, plus its pictures (at
 * most the 8 MB file, pictures barely compress): these caps leave it several times the room it needs, and stop
 * a zip bomb long before it costs memory.
 */
export const ROSTER_ZIP_CAPS = {
  maxEntries: ROSTER_MAX_ROWS * 2 + 200,
  maxUncompressedBytes: 64 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxRows: ROSTER_MAX_ROWS * 10,
  maxCells: ROSTER_MAX_ROWS * 100,
} as const;

/** How a sheet's header cell names a column: spaces, line breaks and a trailing “*” or “（必填）” ignored. */
export function headerKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[（(]必填[）)]$/, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '');
}

/** Aliases found in hand-made rosters (the annex's own names). */
const HEADER_ALIASES: Record<string, ImportField> = {
  项目名称: 'estate',
  现任岗位: 'post',
  岗位: 'post',
  身份证号: 'idNumber',
  手机: 'mobile',
  劳动合同签订时间: 'labourContractOn',
};

/** The import column a header cell names, if any. */
export function columnForHeader(text: string): ImportColumn | null {
  const key = headerKey(text);
  const byHeader = IMPORT_COLUMNS.find((c) => c.header === key);
  if (byHeader) return byHeader;
  const field = HEADER_ALIASES[key];
  return field ? IMPORT_COLUMNS.find((c) => c.field === field)! : null;
}

export function columnLabel(field: ImportField): string {
  return IMPORT_COLUMNS.find((c) => c.field === field)!.header;
}

/** What exceljs gives for a cell. */
export type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink?: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string }
  | Record<string, unknown>;

/** The value shown in a cell: rich text joined, formulas by their result. */
export function cellScalar(v: CellValue): string | number | boolean | Date | null {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => String((r as { text?: unknown }).text ?? '')).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellScalar(((v as { result?: unknown }).result ?? null) as CellValue);
  if ('text' in v) return cellScalar(v.text as CellValue);
  return null;
}

/** Whether the cell holds the WPS/Excel “picture in cell” (嵌入单元格图片), which cannot be read as a floating image. */
export function isInCellPicture(v: CellValue): boolean {
  if (v == null || typeof v !== 'object' || v instanceof Date) return false;
  const f = (v as { formula?: unknown }).formula;
  return (typeof f === 'string' && /DISPIMG/i.test(f)) || 'error' in v;
}

export function cellText(v: CellValue): string {
  const s = cellScalar(v);
  if (s == null) return '';
  if (s instanceof Date) return isoDate(s);
  return String(s).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Excel's 1900 date system: serial 25569 is 1970-01-01 (the leap-year bug is before 1900-03-01 and irrelevant here). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  return isoDate(new Date(Math.round((Math.floor(serial) - 25569) * 86400000)));
}

const DATE_FORMATS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

export type Mapped<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A date cell: an Excel date (exceljs gives a Date at UTC midnight, or the serial number when the cell is not
 * formatted as a date), or text 2026-09-28 / 2026/9/28 / 2026.9.28 / 2026年9月28日 / 20260928. Empty → null.
 */
export function cellToDate(v: CellValue, label: string): Mapped<string | null> {
  const s = cellScalar(v);
  if (s == null || s === '') return { ok: true, value: null };
  if (s instanceof Date) {
    if (Number.isNaN(s.getTime())) return { ok: false, message: `${label}不是有效的日期` };
    // A date typed in a local-time spreadsheet can arrive a few hours before UTC midnight: round to the nearest day.
    return { ok: true, value: isoDate(new Date(Math.round(s.getTime() / 86400000) * 86400000)) };
  }
  if (typeof s === 'number') {
    const iso = excelSerialToIso(s);
    return iso ? { ok: true, value: iso } : { ok: false, message: `${label}不是有效的日期` };
  }
  const text = String(s).trim().replace(/\s+/g, '');
  for (const re of DATE_FORMATS) {
    const m = re.exec(text);
    if (!m) continue;
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || isoDate(d) !== iso) return { ok: false, message: `${label}“${text}”不是有效的日期` };
    return { ok: true, value: iso };
  }
  return { ok: false, message: `${label}“${text.slice(0, 20)}”无法识别，请写作 2026-09-28 这样的日期` };
}

/**
 * The ID number cell. A number means Excel stored the 18 digits as a floating-point number and the last digits
 * are already lost (only 15–16 significant digits survive): it is refused, never guessed.
 */
export function cellToIdNumber(v: CellValue): Mapped<string | null> {
  const s = cellScalar(v);
  if (s == null || s === '') return { ok: true, value: null };
  if (typeof s === 'number') {
    return { ok: false, message: '身份证号码被 Excel 存成了数字，末几位已丢失；请把该列设置为“文本”格式后重新填写' };
  }
  if (s instanceof Date || typeof s === 'boolean') return { ok: false, message: '身份证号码格式不正确' };
  const text = normalizeIdNumber(String(s).replace(/[\s'’]/g, ''));
  if (/^\d(\.\d+)?E\+\d+$/i.test(text)) {
    return { ok: false, message: '身份证号码被 Excel 显示为科学计数法，末几位已丢失；请把该列设置为“文本”格式后重新填写' };
  }
  return { ok: true, value: text };
}

/** A mobile number may arrive as a number (11 digits are exact in a double). */
export function cellToMobile(v: CellValue): string {
  const s = cellScalar(v);
  if (typeof s === 'number' && Number.isInteger(s)) return String(s);
  return cellText(v).replace(/[\s-]/g, '');
}

export interface CertificateCell {
  name: string;
  number: string;
  issuer: string;
  validUntil: string | null;
}

/**
 * 资格证书: items separated by “;” / “；” / line breaks, each “名称|编号|发证机关|有效期” (full-width “｜” too; the
 * validity may be left out). Every malformed item is reported by its position.
 */
export function parseCertificates(v: CellValue): { value: CertificateCell[]; errors: string[] } {
  const text = cellText(v);
  if (!text) return { value: [], errors: [] };
  const items = text
    .split(/[;；\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const value: CertificateCell[] = [];
  const errors: string[] = [];
  items.forEach((item, i) => {
    const parts = item.split(/[|｜]/).map((s) => s.trim());
    const [name, number, issuer, until] = parts;
    if (parts.length < 3 || parts.length > 4 || !name || !number || !issuer) {
      errors.push(`第 ${i + 1} 项“${item.slice(0, 30)}”应写作“名称|编号|发证机关|有效期”`);
      return;
    }
    let validUntil: string | null = null;
    if (until) {
      const d = cellToDate(until, '有效期');
      if (!d.ok) {
        errors.push(`第 ${i + 1} 项的${d.message}`);
        return;
      }
      validUntil = d.value;
    }
    value.push({ name, number, issuer, validUntil });
  });
  return { value, errors };
}

/** 岗位类别: the closed list; 项目经理 is the same post as 项目负责人 (SN 2). */
export function normalisePost(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t === '项目经理' ? '项目负责人' : t;
}

export interface RowError {
  column: string;
  message: string;
}

export interface MappedRow {
  /** The entry form's fields (projectId filled by the caller from `estate`). */
  data: Record<string, unknown>;
  estate: string;
  name: string;
  /** Normalised ID number text, when the cell held text. */
  idNumber: string | null;
  errors: RowError[];
}

/**
 * One spreadsheet row → the entry form's fields. Cell-level problems (a date that is not a date, an ID number
 * stored as a number, a malformed certificate) are reported here by column; everything else is left to
 * `practitionerEntrySchema`, the same schema as the single-entry form.
 */
export function mapRosterRow(cells: Partial<Record<ImportField, CellValue>>): MappedRow {
  const errors: RowError[] = [];
  const text = (f: ImportField) => cellText(cells[f]) || null;
  const data: Record<string, unknown> = {
    name: text('name') ?? '',
    ethnicity: text('ethnicity') ?? '',
    nativePlace: text('nativePlace') ?? '',
    school: text('school'),
    politicalStatus: text('politicalStatus') ?? '',
    major: text('major'),
    education: text('education') ?? '',
    skills: text('skills'),
    mobile: cellToMobile(cells.mobile),
    post: normalisePost(text('post') ?? ''),
    informed: true,
  };
  for (const f of ['hiredOn', 'labourContractOn'] as const) {
    const label = columnLabel(f);
    const d = cellToDate(cells[f], label);
    if (d.ok) data[f] = d.value ?? undefined;
    else errors.push({ column: label, message: d.message });
  }
  const id = cellToIdNumber(cells.idNumber);
  if (id.ok) data.idNumber = id.value ?? '';
  else errors.push({ column: '身份证号码', message: id.message });
  const certs = parseCertificates(cells.certificates);
  data.certificates = certs.value;
  for (const m of certs.errors) errors.push({ column: '资格证书', message: m });
  return { data, estate: text('estate') ?? '', name: String(data.name), idNumber: id.ok ? id.value : null, errors };
}

/** The entry form's field names → the template's column headers, for the schema's and the service's messages. */
export function columnForField(path: string): string {
  const head = path.split('.')[0]!;
  if (head === 'projectId') return '服务项目';
  if (head === 'certificates') return '资格证书';
  if (head === 'informed') return '告知确认';
  if (head === '_form') return '整行';
  const col = IMPORT_COLUMNS.find((c) => c.field === head);
  return col ? col.header : head;
}

/** The lists the template offers as drop-downs. */
export const POST_OPTIONS: readonly string[] = POSTS;
