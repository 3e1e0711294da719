/**
 * Companies and estates of the city-scale data: companies with their filed versions and managers, estates
 * spread over the districts' streets by the demo city's weights, and their service contracts.
 */
import { DISTRICTS } from '../regions';
import { COMPANY_BRANDS, COMPANY_PATTERNS, COMMERCIAL_SUFFIXES, ESTATE_PREFIXES, ESTATE_SUFFIXES, OFFICE_SUFFIXES, OLD_ESTATE_NAMES, RESETTLEMENT_SUFFIXES, ROADS, COMPANY_PLACE } from '../names';
import { addDays, addYears, at, dayNumber, fromDayNumber, Rng } from '../random';
import { TableRows } from './copy';
import { cityUuid, KIND, usccOf } from './ids';
import { personName } from './people';
import { apportion, type CityContext } from './plan';

export type CompanyStatus = 'approved' | 'pending' | 'rejected' | 'draft' | 'revoked';
export type ProjectType = '住宅' | '商业' | '办公' | '安置小区' | '老旧小区';

export interface CompanyInfo {
  idx: number;
  id: string;
  name: string;
  districtId: string;
  status: CompanyStatus;
  approvedOn: string | null;
  /** 0..1: how well the company serves (ratings, records). */
  quality: number;
}

export interface EstateInfo {
  idx: number;
  id: string;
  name: string;
  districtId: string;
  streetId: string;
  type: ProjectType;
  households: number;
  companyIdx: number;
  /** The company before the current one (an ended contract), if any. */
  previousCompanyIdx: number | null;
  contractStart: string;
  residential: boolean;
}

const STATUS_WEIGHTS: readonly (readonly [CompanyStatus, number])[] = [
  ['approved', 84],
  ['pending', 6],
  ['rejected', 4],
  ['draft', 4],
  ['revoked', 2],
];
const TYPE_WEIGHTS: readonly (readonly [ProjectType, number])[] = [
  ['住宅', 70],
  ['安置小区', 12],
  ['老旧小区', 7],
  ['商业', 6],
  ['办公', 5],
];
const BRAND_TAILS = ['', '', '', '祥', '盛', '达', '兴', '源', '佳', '和', '安', '泰', '华', '通', '利', '丰', '德', '信', '宏', '嘉'];
const PHASES = ['', '', '', '', '一期', '二期', '三期', '北区', '南区', '东区', '西区', 'A区', 'B区'];
const CAPITALS = [50, 100, 200, 300, 500, 500, 1000, 1000, 2000, 5000];
const districtWeights = DISTRICTS.map((d) => [d.id, d.weight] as const);

const landline = (r: Rng) => `0825-${r.pick(['2', '5', '6', '7', '8'])}${r.digits(6)}`;
const money = (n: number) => n.toFixed(2);

export const COMPANY_COLUMNS = ['id', 'uscc', 'name', 'address', 'registered_capital', 'legal_representative', 'contact_phone', 'district_id', 'filing_status', 'approved_at', 'version', 'created_at', 'updated_at'];
export const VERSION_COLUMNS = ['id', 'company_id', 'version', 'data', 'created_at'];
export const MANAGER_COLUMNS = ['id', 'company_id', 'kind', 'name', 'title', 'qualification'];
export const PROJECT_COLUMNS = ['id', 'name', 'address', 'district_id', 'street_id', 'community_id', 'type', 'households', 'floor_area', 'has_owners_committee', 'current_company_id', 'created_at'];
export const CONTRACT_COLUMNS = ['id', 'project_id', 'company_id', 'start_date', 'end_date', 'annual_fees', 'bond_amount', 'status', 'confirmed_at', 'created_at'];

/** Companies: each from its own random stream, so that any one of them is the same whatever the scale. */
export function generateCompanies(ctx: CityContext, count: number) {
  const companies: CompanyInfo[] = [];
  const rows = new TableRows('companies', COMPANY_COLUMNS);
  const versions = new TableRows('company_versions', VERSION_COLUMNS);
  const managers = new TableRows('company_managers', MANAGER_COLUMNS);
  const usedNames = new Set(ctx.demoCompanyNames);
  for (let k = 0; k < count; k++) {
    const r = new Rng(`${ctx.seed}:company:${k}`);
    const districtId = r.weighted(districtWeights);
    const status = r.weighted(STATUS_WEIGHTS);
    let name = '';
    for (let attempt = 0; !name || usedNames.has(name); attempt++) {
      const brand = r.pick(COMPANY_BRANDS) + r.pick(BRAND_TAILS);
      name = r.weighted(COMPANY_PATTERNS).replace('{p}', r.pick(COMPANY_PLACE[districtId] ?? ['遂宁市'])).replace('{b}', brand);
      if (attempt > 8) name = name.replace('有限', `${'一二三四五六七八九'[attempt % 9]}有限`);
      if (attempt > 30) name = `${name}（${k}）`;
    }
    usedNames.add(name);
    const id = cityUuid(KIND.company, k);
    const uscc = usccOf(districtId, k);
    const founded = r.date('2008-01-01', '2025-12-31');
    const approvedOn = status === 'approved' || status === 'revoked' ? addDays(founded, r.int(10, 60)) : null;
    const created = at(founded, 9, r.int(0, 59));
    const updated = approvedOn ? at(approvedOn, 15) : created;
    const road = r.pick(ROADS[districtId] ?? ROADS['510903']);
    const address = `四川省遂宁市${ctx.districtNames.get(districtId)}${road}${r.int(1, 499)}号`;
    const legalRep = personName(r, r.chance(0.6));
    const phone = landline(r);
    const capital = money(r.pick(CAPITALS));
    rows.add([id, uscc, name, address, capital, legalRep, phone, districtId, status, approvedOn ? at(approvedOn, 15).toISOString() : null, 1, created.toISOString(), updated.toISOString()]);
    const mgrs = [
      { kind: '主要负责人', name: legalRep, title: '总经理', qualification: '物业管理师' },
      { kind: '项目经理', name: personName(r, r.chance(0.5)), title: '项目经理', qualification: '物业项目经理证' },
      { kind: '工程技术人员', name: personName(r, r.chance(0.8)), title: '工程部经理', qualification: '机电工程师（中级）' },
    ];
    mgrs.forEach((m, i) => managers.add([cityUuid(KIND.manager, k * 3 + i), id, m.kind, m.name, m.title, m.qualification]));
    if (approvedOn) {
      const data = { name, uscc, address, registeredCapital: capital, legalRepresentative: legalRep, contactPhone: phone, districtId, managers: mgrs };
      versions.add([cityUuid(KIND.companyVersion, k), id, 1, JSON.stringify(data), at(approvedOn, 15).toISOString()]);
    }
    companies.push({ idx: k, id, name, districtId, status, approvedOn, quality: r.normal(0.55, 0.2, 0, 1) });
  }
  return { companies, tables: [rows, versions, managers] };
}

function estateName(r: Rng, type: ProjectType): string {
  switch (type) {
    case '商业':
      return r.pick(ESTATE_PREFIXES) + r.pick(COMMERCIAL_SUFFIXES);
    case '办公':
      return r.pick(ESTATE_PREFIXES) + r.pick(OFFICE_SUFFIXES);
    case '安置小区':
      return r.pick(ESTATE_PREFIXES) + r.pick(RESETTLEMENT_SUFFIXES) + r.pick(PHASES);
    case '老旧小区':
      return r.pick(OLD_ESTATE_NAMES);
    default:
      return r.pick(ESTATE_PREFIXES) + r.weighted(ESTATE_SUFFIXES) + r.pick(PHASES);
  }
}

const HOUSEHOLDS: Record<ProjectType, [number, number]> = {
  住宅: [180, 2600],
  安置小区: [300, 2200],
  老旧小区: [40, 400],
  商业: [60, 600],
  办公: [40, 500],
};

/**
 * Estates: spread over the approved companies (a few large, many small: log-normal weights), mostly in the
 * company's own district; each with a confirmed contract, and one in eight with an ended one before it.
 */
export function generateEstates(ctx: CityContext, companies: CompanyInfo[], count: number) {
  const approved = companies.filter((c) => c.status === 'approved');
  const projects = new TableRows('projects', PROJECT_COLUMNS);
  const contracts = new TableRows('service_contracts', CONTRACT_COLUMNS);
  const estates: EstateInfo[] = [];
  if (approved.length === 0 || count === 0) return { estates, tables: [projects, contracts] };
  const sizeRng = new Rng(`${ctx.seed}:estate-sizes`);
  const sizes = apportion(
    count,
    approved.map(() => Math.exp(sizeRng.normal(0, 0.9))),
  );
  const streetsOf = new Map<string, (readonly [(typeof ctx.streets)[number], number])[]>();
  for (const s of ctx.streets) streetsOf.set(s.districtId, [...(streetsOf.get(s.districtId) ?? []), [s, s.weight] as const]);
  const refDay = dayNumber(ctx.ref);
  let j = 0;
  let contractNo = 0;
  approved.forEach((c, ci) => {
    for (let n = 0; n < sizes[ci]; n++, j++) {
      const r = new Rng(`${ctx.seed}:estate:${j}`);
      const districtId = r.chance(0.8) ? c.districtId : r.weighted(districtWeights);
      const street = r.weighted(streetsOf.get(districtId)!);
      const community = r.pick(street.communities);
      const type = r.weighted(TYPE_WEIGHTS);
      const [h0, h1] = HOUSEHOLDS[type];
      const households = Math.round(r.float(h0, h1));
      const floorArea = households * r.normal(type === '老旧小区' ? 70 : 105, 15, 45, 220);
      const name = estateName(r, type);
      const road = r.pick(ROADS[districtId] ?? ROADS['510903']);
      const address = `遂宁市${ctx.districtNames.get(districtId)}${road}${r.int(1, 699)}号`;
      const id = cityUuid(KIND.project, j);
      // The current contract began after the company's approval and runs past the reference date.
      const earliest = Math.max(dayNumber(c.approvedOn ?? '2016-01-01'), dayNumber('2017-01-01'));
      const startDay = r.int(earliest, Math.max(earliest, refDay - 200));
      const start = fromDayNumber(startDay);
      let years = r.pick([3, 3, 5]);
      while (dayNumber(addYears(start, years)) <= refDay + 30) years += 3;
      const end = addDays(addYears(start, years), -1);
      const fees = Math.round(floorArea * r.float(0.6, 2.2) * 12);
      const bond = Math.min(300_000, Math.ceil((fees * 0.05) / 100) * 100);
      const createdOn = addDays(start, -r.int(20, 60));
      projects.add([id, name, address, districtId, street.id, community.id, type, households, money(floorArea), r.chance(0.3), c.id, at(createdOn, 11).toISOString()]);
      let previousCompanyIdx: number | null = null;
      if (r.chance(0.12) && approved.length > 1) {
        let prev = r.pick(approved);
        if (prev.idx === c.idx) prev = approved[(ci + 1) % approved.length];
        previousCompanyIdx = prev.idx;
        const pStart = addYears(start, -3);
        contracts.add([cityUuid(KIND.contract, contractNo++), id, prev.id, pStart, addDays(start, -1), money(fees * 0.9), money(Math.min(300_000, Math.ceil((fees * 0.045) / 100) * 100)), 'ended', at(addDays(pStart, -10), 16).toISOString(), at(addDays(pStart, -20), 10).toISOString()]);
      }
      contracts.add([cityUuid(KIND.contract, contractNo++), id, c.id, start, end, money(fees), money(bond), 'confirmed', at(addDays(start, -10), 16).toISOString(), at(addDays(start, -20), 10).toISOString()]);
      estates.push({ idx: j, id, name, districtId, streetId: street.id, type, households, companyIdx: c.idx, previousCompanyIdx, contractStart: start, residential: type === '住宅' || type === '安置小区' || type === '老旧小区' });
    }
  });
  return { estates, tables: [projects, contracts] };
}
