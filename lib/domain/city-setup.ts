/**
 * The first day of a city: the row-by-row checks of the region (区划) and estate (项目) import templates. Pure:
 * the service reads the spreadsheet and the database, these functions decide each row's fate and its Chinese
 * messages (tests/unit/region-import.test.ts). An import is all-or-nothing: one refused row and nothing is written.
 */
import { cellText, headerKey, type CellValue } from './roster';

export interface RowError {
  column: string;
  message: string;
}

export type RegionLevel = 'city' | 'district' | 'street' | 'community';

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = { city: '市', district: '区县', street: '街道乡镇', community: '社区' };

/** What a 层级 cell may say. */
const LEVEL_WORDS: Record<string, RegionLevel> = {
  市: 'city',
  地级市: 'city',
  区县: 'district',
  区: 'district',
  县: 'district',
  县级市: 'district',
  街道乡镇: 'street',
  街道: 'street',
  乡镇: 'street',
  镇: 'street',
  乡: 'street',
  社区: 'community',
  村: 'community',
  社区村: 'community',
};

const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = { city: null, district: 'city', street: 'district', community: 'street' };
/** National division codes: 6 digits for the city and its districts, 9 for a street or town, 12 for a community. */
const CODE_LENGTH: Record<RegionLevel, number> = { city: 6, district: 6, street: 9, community: 12 };

export const IMPORT_MAX_ROWS = 5000;

export const REGION_COLUMNS = [
  { key: 'code', header: '区划代码', width: 16, note: '国家行政区划代码：市、区县 6 位，街道乡镇 9 位，社区 12 位；以上级区划代码开头。' },
  { key: 'name', header: '名称', width: 20, note: '如：船山区、龙坪街道、明月社区。' },
  { key: 'level', header: '层级', width: 12, note: '市、区县、街道乡镇 或 社区。' },
  { key: 'parent', header: '上级区划代码', width: 16, note: '市一级留空；其余填写上级的区划代码（可在本表中，也可已在平台中）。' },
] as const;

export const ESTATE_COLUMNS = [
  { key: 'name', header: '项目名称', width: 24, note: '与物业服务合同一致；同一区县内项目名称不能重复。' },
  { key: 'address', header: '地址', width: 30, note: '街道门牌地址。' },
  { key: 'district', header: '所在区县', width: 12, note: '区县名称或区划代码，须已导入。' },
  { key: 'street', header: '街道', width: 14, note: '街道乡镇名称或区划代码（可空）；须属于所填区县。' },
  { key: 'community', header: '社区', width: 14, note: '社区名称或区划代码（可空）；须属于所填街道。' },
  { key: 'type', header: '类型', width: 12, note: '住宅、商业、办公、安置小区 或 老旧小区。' },
  { key: 'households', header: '户数', width: 10, note: '正整数。' },
  { key: 'floorArea', header: '建筑面积', width: 14, note: '平方米，最多两位小数。' },
  { key: 'hasOwnersCommittee', header: '是否成立业主委员会', width: 18, note: '是 或 否（空为否）。' },
] as const;

export type RegionKey = (typeof REGION_COLUMNS)[number]['key'];
export type EstateKey = (typeof ESTATE_COLUMNS)[number]['key'];

/** The column key a header cell names (spaces, “*” and “（必填）” ignored). */
export function keyForHeader<K extends string>(columns: readonly { key: K; header: string }[], text: string): K | null {
  const k = headerKey(text).replace(/（.*）$|\(.*\)$/, '');
  return columns.find((c) => c.header === k)?.key ?? null;
}

// ── Regions ───────────────────────────────────────────────────────────────────────────────────────────────

export interface RegionRowInput {
  row: number;
  code: string;
  name: string;
  level: string;
  parent: string;
}

export interface ExistingRegion {
  id: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

export interface RegionRowReport {
  row: number;
  code: string;
  name: string;
  level: RegionLevel | null;
  parentId: string | null;
  /** What confirming would do with the row: a new region, a new name, or nothing. */
  outcome: 'insert' | 'rename' | 'unchanged' | 'refused';
  errors: RowError[];
}

export function regionRowFromCells(row: number, cells: Partial<Record<RegionKey, CellValue>>): RegionRowInput {
  return { row, code: cellText(cells.code), name: cellText(cells.name), level: cellText(cells.level), parent: cellText(cells.parent) };
}

/**
 * Every row checked against the file and the regions already recorded: a bad code, an unknown level, a missing or
 * unknown parent, a parent one level too high or low, a code that does not start with its parent's, a duplicate
 * code, and a recorded region that the row would move. A recorded region with the same place is unchanged or renamed.
 */
export function checkRegionRows(rows: readonly RegionRowInput[], existing: ReadonlyMap<string, ExistingRegion>): RegionRowReport[] {
  const firstRow = new Map<string, number>();
  const inFile = new Map<string, RegionLevel | null>();
  for (const r of rows) {
    const code = r.code.replace(/\s+/g, '');
    if (!inFile.has(code)) inFile.set(code, LEVEL_WORDS[r.level.replace(/\s+|[/、]/g, '')] ?? null);
  }
  return rows.map((r) => {
    const errors: RowError[] = [];
    const code = r.code.replace(/\s+/g, '');
    const name = r.name.trim();
    const parent = r.parent.replace(/\s+/g, '');
    const level = LEVEL_WORDS[r.level.replace(/\s+|[/、]/g, '')] ?? null;

    if (!r.level) errors.push({ column: '层级', message: '请填写层级（市、区县、街道乡镇或社区）' });
    else if (!level) errors.push({ column: '层级', message: `“${r.level}”不是层级，请填写市、区县、街道乡镇或社区` });

    if (!code) errors.push({ column: '区划代码', message: '请填写区划代码' });
    else if (!/^\d+$/.test(code)) errors.push({ column: '区划代码', message: '区划代码只能是数字' });
    else if (level && code.length !== CODE_LENGTH[level]) {
      errors.push({ column: '区划代码', message: `${REGION_LEVEL_LABELS[level]}的区划代码应为 ${CODE_LENGTH[level]} 位数字` });
    } else if (level === 'city' && !code.endsWith('00')) errors.push({ column: '区划代码', message: '市的区划代码应以 00 结尾' });

    if (!name) errors.push({ column: '名称', message: '请填写名称' });
    else if (name.length > 40) errors.push({ column: '名称', message: '名称不能超过 40 个字' });

    if (code) {
      const first = firstRow.get(code);
      if (first) errors.push({ column: '区划代码', message: `与第 ${first} 行的区划代码重复` });
      else firstRow.set(code, r.row);
    }

    let parentId: string | null = null;
    if (level) {
      const wanted = PARENT_LEVEL[level];
      if (!wanted) {
        if (parent) errors.push({ column: '上级区划代码', message: '市一级不填上级区划代码' });
      } else if (!parent) {
        errors.push({ column: '上级区划代码', message: `请填写上级${REGION_LEVEL_LABELS[wanted]}的区划代码` });
      } else {
        const parentLevel = inFile.has(parent) ? inFile.get(parent)! : (existing.get(parent)?.level ?? undefined);
        if (parentLevel === undefined) errors.push({ column: '上级区划代码', message: `上级区划代码 ${parent} 不在本表中，也未在平台登记` });
        else if (parentLevel !== wanted) {
          errors.push({
            column: '上级区划代码',
            message: `${REGION_LEVEL_LABELS[level]}的上级应是${REGION_LEVEL_LABELS[wanted]}，而 ${parent} 是${parentLevel ? REGION_LEVEL_LABELS[parentLevel] : '层级有误的行'}`,
          });
        } else {
          parentId = parent;
          const prefix = wanted === 'city' ? parent.slice(0, 4) : parent;
          if (/^\d+$/.test(code) && !code.startsWith(prefix)) {
            errors.push({ column: '区划代码', message: `区划代码应以上级区划代码 ${prefix} 开头` });
          }
        }
      }
    }

    const before = existing.get(code);
    if (before && level && (before.level !== level || before.parentId !== parentId) && !errors.some((e) => e.column !== '名称')) {
      errors.push({ column: '区划代码', message: `区划代码 ${code} 已登记为“${before.name}”（${REGION_LEVEL_LABELS[before.level]}），层级或上级不同；导入不改变已登记区划的位置` });
    }
    const outcome: RegionRowReport['outcome'] = errors.length ? 'refused' : !before ? 'insert' : before.name === name ? 'unchanged' : 'rename';
    return { row: r.row, code, name, level, parentId, outcome, errors };
  });
}

// ── Estates ───────────────────────────────────────────────────────────────────────────────────────────────

export const PROJECT_TYPES = ['住宅', '商业', '办公', '安置小区', '老旧小区'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

export interface EstateRowInput {
  row: number;
  name: string;
  address: string;
  district: string;
  street: string;
  community: string;
  type: string;
  households: string;
  floorArea: string;
  hasOwnersCommittee: string;
}

export interface EstateValues {
  name: string;
  address: string;
  districtId: string;
  streetId: string | null;
  communityId: string | null;
  type: ProjectType;
  households: number;
  floorArea: string;
  hasOwnersCommittee: boolean;
}

export interface ExistingEstate extends EstateValues {
  id: string;
}

export interface EstateRowReport {
  row: number;
  name: string;
  district: string;
  outcome: 'insert' | 'update' | 'unchanged' | 'refused';
  values: EstateValues | null;
  /** The recorded estate a row updates (same name in the same district). */
  existingId: string | null;
  errors: RowError[];
}

export function estateRowFromCells(row: number, cells: Partial<Record<EstateKey, CellValue>>): EstateRowInput {
  const t = (k: EstateKey) => cellText(cells[k]);
  return {
    row,
    name: t('name'),
    address: t('address'),
    district: t('district'),
    street: t('street'),
    community: t('community'),
    type: t('type'),
    households: t('households'),
    floorArea: t('floorArea'),
    hasOwnersCommittee: t('hasOwnersCommittee'),
  };
}

/** A region by its code or, under the given parent, by its name. */
function findRegion(regions: readonly ExistingRegion[], level: RegionLevel, text: string, parentId: string | null) {
  const t = text.replace(/\s+/g, '');
  const candidates = regions.filter((r) => r.level === level && (parentId === null || r.parentId === parentId));
  const byCode = candidates.find((r) => r.id === t);
  if (byCode) return { region: byCode, ambiguous: false };
  const byName = candidates.filter((r) => r.name === t);
  return { region: byName.length === 1 ? byName[0]! : null, ambiguous: byName.length > 1 };
}

const sameValues = (a: EstateValues, b: EstateValues) =>
  a.name === b.name &&
  a.address === b.address &&
  a.districtId === b.districtId &&
  a.streetId === b.streetId &&
  a.communityId === b.communityId &&
  a.type === b.type &&
  a.households === b.households &&
  Number(a.floorArea) === Number(b.floorArea) &&
  a.hasOwnersCommittee === b.hasOwnersCommittee;

/** Every estate row checked against the recorded regions and estates; an estate is known by its name in its district. */
export function checkEstateRows(rows: readonly EstateRowInput[], regions: readonly ExistingRegion[], existing: readonly ExistingEstate[]): EstateRowReport[] {
  const firstRow = new Map<string, number>();
  return rows.map((r) => {
    const errors: RowError[] = [];
    const name = r.name.trim();
    const address = r.address.trim();
    if (!name) errors.push({ column: '项目名称', message: '请填写项目名称' });
    else if (name.length < 2 || name.length > 60) errors.push({ column: '项目名称', message: '项目名称为 2–60 个字' });
    if (!address) errors.push({ column: '地址', message: '请填写地址' });
    else if (address.length > 100) errors.push({ column: '地址', message: '地址不能超过 100 个字' });

    let districtId: string | null = null;
    let streetId: string | null = null;
    let communityId: string | null = null;
    if (!r.district) errors.push({ column: '所在区县', message: '请填写所在区县' });
    else {
      const d = findRegion(regions, 'district', r.district, null);
      if (!d.region) errors.push({ column: '所在区县', message: d.ambiguous ? `有多个名为“${r.district}”的区县，请填写区划代码` : `区县“${r.district}”未在平台登记，请先导入区划` });
      else districtId = d.region.id;
    }
    if (r.street && districtId) {
      const s = findRegion(regions, 'street', r.street, districtId);
      if (!s.region) errors.push({ column: '街道', message: s.ambiguous ? `有多个名为“${r.street}”的街道乡镇，请填写区划代码` : `“${r.street}”不是该区县已登记的街道乡镇` });
      else streetId = s.region.id;
    }
    if (r.community) {
      if (!r.street) errors.push({ column: '社区', message: '填写社区时须同时填写街道' });
      else if (streetId) {
        const c = findRegion(regions, 'community', r.community, streetId);
        if (!c.region) errors.push({ column: '社区', message: c.ambiguous ? `有多个名为“${r.community}”的社区，请填写区划代码` : `“${r.community}”不是该街道已登记的社区` });
        else communityId = c.region.id;
      }
    }

    const type = PROJECT_TYPES.find((t) => t === r.type.trim()) ?? null;
    if (!r.type) errors.push({ column: '类型', message: '请填写类型' });
    else if (!type) errors.push({ column: '类型', message: `“${r.type}”不是项目类型，请填写${PROJECT_TYPES.join('、')}之一` });

    const households = Number(r.households);
    if (!r.households) errors.push({ column: '户数', message: '请填写户数' });
    else if (!/^\d+$/.test(r.households) || households < 1 || households > 100_000) errors.push({ column: '户数', message: '户数应为 1–100000 的整数' });

    const area = r.floorArea.replace(/,/g, '');
    if (!area) errors.push({ column: '建筑面积', message: '请填写建筑面积' });
    else if (!/^\d+(\.\d{1,2})?$/.test(area) || Number(area) <= 0 || Number(area) > 100_000_000) {
      errors.push({ column: '建筑面积', message: '建筑面积应为大于 0 的数字（平方米），最多两位小数' });
    }

    const committeeWord = r.hasOwnersCommittee.trim();
    const hasOwnersCommittee = ['是', '有', '已成立', 'Y', 'y', 'TRUE', 'true'].includes(committeeWord);
    if (committeeWord && !hasOwnersCommittee && !['否', '无', '未成立', 'N', 'n', 'FALSE', 'false'].includes(committeeWord)) {
      errors.push({ column: '是否成立业主委员会', message: '请填写“是”或“否”' });
    }

    if (name && districtId) {
      const key = `${districtId}\u0000${name}`;
      const first = firstRow.get(key);
      if (first) errors.push({ column: '项目名称', message: `与第 ${first} 行是同一区县的同名项目` });
      else firstRow.set(key, r.row);
    }

    if (errors.length || !districtId || !type) return { row: r.row, name, district: r.district, outcome: 'refused', values: null, existingId: null, errors };
    const values: EstateValues = { name, address, districtId, streetId, communityId, type, households, floorArea: Number(area).toFixed(2), hasOwnersCommittee };
    const before = existing.find((e) => e.districtId === districtId && e.name === name);
    const outcome = !before ? 'insert' : sameValues(before, values) ? 'unchanged' : 'update';
    return { row: r.row, name, district: r.district, outcome, values, existingId: before?.id ?? null, errors };
  });
}

/** The counts of a checked import, for the report and the audit row. */
export function summarise(outcomes: readonly { outcome: string }[]) {
  const count = (o: string) => outcomes.filter((r) => r.outcome === o).length;
  return {
    total: outcomes.length,
    refused: count('refused'),
    inserted: count('insert'),
    updated: count('update') + count('rename'),
    unchanged: count('unchanged'),
  };
}
