/**
 * Builds the demo city in memory: every row of every table, deterministically from a seed string and a fixed
 * reference date (never the wall clock). `demo.ts` writes the rows; this module does no I/O.
 *
 * The story is designed, not only random: the list entries, flags and evaluations are derived from the
 * generated records and ratings by the rules of SPEC §3.7/§4, and a few companies are given roles (the clean
 * demo company, a company below 90 two years running, a vetoed one, a banned one…) so that every list and
 * dashboard has something to show. `checkInvariants` verifies the promises before anything is written.
 */
import type * as schema from '../schema';
import { defaultCreditPolicy, type CreditPolicy } from '../../lib/domain/credit-policy';
import { badRecordEmployerNotice } from '../../lib/domain/records';
import { idCheckChar } from '../../lib/domain/id-number';
import { TRACKING_ALPHABET, TRACKING_LENGTH } from '../../lib/domain/objections';
import { repairDecideBy, warningNoticeText } from '../../lib/domain/records';
import { usccCheckChar, USCC_CHARSET } from '../../lib/domain/uscc';
import { addWorkingDays } from '../../lib/domain/working-days';
import { protectIdNumber, type IdKeys } from '../../lib/security/id-crypto';
import {
  BAD_RECORD_TYPES,
  BIRTHPLACES,
  CERTIFICATES_BY_POST,
  COMMERCIAL_SUFFIXES,
  COMPANY_BRANDS,
  COMPANY_PATTERNS,
  COMPANY_PLACE,
  DISTRICT_NAMES,
  ELEVATOR_COMPANIES,
  ESTATE_PREFIXES,
  ESTATE_SUFFIXES,
  ETHNICITIES,
  FIRE_COMPANIES,
  GIVEN_FEMALE,
  GIVEN_MALE,
  GOOD_RECORD_TYPES,
  MAJORS_BY_POST,
  OFFICE_SUFFIXES,
  OLD_ESTATE_NAMES,
  PENALTY_TYPES,
  PERFORMANCE_TYPES,
  POLITICAL_STATUSES,
  RESETTLEMENT_SUFFIXES,
  ROADS,
  ROLE_USER_NAMES,
  SCHOOLS,
  SKILLS_BY_POST,
  SURNAMES,
  WARNING_TYPES,
  type Education,
} from './names';
import { CANARIES } from './canaries';
import { buildRegions, CITY, DISTRICTS, streetOfficeName, type StreetInfo } from './regions';
import { addDays, addMonths, addYears, at, Rng } from './random';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type Post = (typeof schema.post.enumValues)[number];
type ProjectType = (typeof schema.projectType.enumValues)[number];
type Severity = '轻微' | '一般' | '严重';
type Rating = '优秀' | '良好' | '差';

export const DEFAULT_SEED = 'suining-demo-2026';
export const DEFAULT_REFERENCE_DATE = '2026-11-01';
export const DEMO_PASSWORD = 'suining-demo-2026';
export const DEMO_USERNAMES = ['city', 'chuanshan', 'shehong', 'company', 'company2', 'association', 'committee', 'department', 'street'] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];

export interface BuildOptions {
  keys: IdKeys;
  seed?: string;
  referenceDate?: string;
  /** argon2id hash per demo username (hashed by the caller: hashing is async). */
  passwordHashes: Record<DemoUsername, string>;
}

export interface DemoFacts {
  seed: string;
  referenceDate: string;
  company: { id: string; name: string; uscc: string };
  company2: { id: string; name: string; uscc: string };
  committee: { organisationId: string; name: string; projectId: string; projectName: string };
  bannedCompany: { id: string; name: string };
  /** The `street` account: the street office of the committee's estate (船山区, served by `company`). */
  street: { organisationId: string; name: string; streetId: string };
  /** The leak canaries (canaries.ts) and the estates where the public sees them. */
  canaries: { name: string; practitionerId: string; projectId: string; projectName: string }[];
}

export interface DemoData {
  regions: Row<typeof schema.regions>[];
  organisations: Row<typeof schema.organisations>[];
  creditPolicies: Row<typeof schema.creditPolicies>[];
  users: Row<typeof schema.users>[];
  companies: Row<typeof schema.companies>[];
  companyVersions: Row<typeof schema.companyVersions>[];
  companyManagers: Row<typeof schema.companyManagers>[];
  projects: Row<typeof schema.projects>[];
  serviceContracts: Row<typeof schema.serviceContracts>[];
  disclosureBoards: Row<typeof schema.disclosureBoards>[];
  practitioners: Row<typeof schema.practitioners>[];
  certificates: Row<typeof schema.certificates>[];
  employments: Row<typeof schema.employments>[];
  practitionerRecords: Row<typeof schema.practitionerRecords>[];
  creditRecords: Row<typeof schema.creditRecords>[];
  estateRatings: Row<typeof schema.estateRatings>[];
  ratingPublications: Row<typeof schema.ratingPublications>[];
  annualEvaluations: Row<typeof schema.annualEvaluations>[];
  listEntries: Row<typeof schema.listEntries>[];
  listEvents: Row<typeof schema.listEvents>[];
  companyFlags: Row<typeof schema.companyFlags>[];
  submissions: Row<typeof schema.submissions>[];
  notices: Row<typeof schema.notices>[];
  facts: DemoFacts;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158',
  '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];

const money = (n: number) => n.toFixed(2);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

function ratingOf(score: number, p: CreditPolicy): Rating {
  if (score >= p.estateRating.excellent) return '优秀';
  if (score >= p.estateRating.good) return '良好';
  return '差';
}

function gradeOf(score: number, p: CreditPolicy): 'A' | 'B' | 'C' | 'D' {
  if (score >= p.grades.A) return 'A';
  if (score >= p.grades.B) return 'B';
  if (score >= p.grades.C) return 'C';
  return 'D';
}

/** GB 11714 organisation code: 8 characters and a check character (0-9 or X; both in the USCC charset). */
function orgCode(rng: Rng): string {
  const body = rng.chars('0123456789', 2) + rng.chars(USCC_CHARSET, 6);
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body[i];
    const v = ch >= '0' && ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += v * weights[i];
  }
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const QUARTERS = [
  { year: 2025, quarter: 4, end: '2025-12-31', published: '2026-01-15' },
  { year: 2026, quarter: 1, end: '2026-03-31', published: '2026-04-15' },
  { year: 2026, quarter: 2, end: '2026-06-30', published: '2026-07-15' },
  { year: 2026, quarter: 3, end: '2026-09-30', published: '2026-10-15' },
] as const;

const quarterLabel = (i: number) => `${QUARTERS[i].year}年第${QUARTERS[i].quarter}季度`;

// ---------------------------------------------------------------------------------------------------------

interface CompanyInfo {
  id: string;
  name: string;
  uscc: string;
  districtId: string;
  status: 'approved' | 'pending' | 'rejected' | 'draft' | 'revoked';
  approvedOn: string | null;
  legalRep: string;
  /** Mean inspection score of its estates. */
  quality: number;
  role: string;
  size: number;
}

interface ProjectInfo {
  id: string;
  name: string;
  address: string;
  districtId: string;
  street: StreetInfo;
  communityId: string;
  type: ProjectType;
  households: number;
  floorArea: number;
  hasOwnersCommittee: boolean;
  companyId: string;
  contractStart: string;
  contractId: string;
  staff: { practitionerId: string; post: Post; name: string; mobile: string; hiredOn: string }[];
}

interface PersonInfo {
  id: string;
  name: string;
  status: 'active' | 'pending' | 'archived';
  hiredOn: string;
  companyId: string;
  projectId: string;
  post: Post;
  birthDate: string;
}

export function buildDemo(opts: BuildOptions): DemoData {
  const seed = opts.seed ?? DEFAULT_SEED;
  const REF = opts.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const policy = defaultCreditPolicy;
  const root = new Rng(seed);
  const ids = root.fork('ids');
  const uuid = () => ids.uuid();

  const data: DemoData = {
    regions: [],
    organisations: [],
    creditPolicies: [],
    users: [],
    companies: [],
    companyVersions: [],
    companyManagers: [],
    projects: [],
    serviceContracts: [],
    disclosureBoards: [],
    practitioners: [],
    certificates: [],
    employments: [],
    practitionerRecords: [],
    creditRecords: [],
    estateRatings: [],
    ratingPublications: [],
    annualEvaluations: [],
    listEntries: [],
    listEvents: [],
    companyFlags: [],
    submissions: [],
    notices: [],
    facts: undefined as unknown as DemoFacts,
  };

  const nameRng = root.fork('names');
  const personName = (male: boolean, r: Rng = nameRng) => {
    const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
    const given = r.chance(0.72) ? r.pick(pool) + r.pick(pool) : r.pick(pool);
    return r.weighted(SURNAMES) + given;
  };
  const usedMobiles = new Set<string>();
  const mobile = (r: Rng) => {
    for (;;) {
      const m = r.pick(MOBILE_PREFIXES) + r.digits(8);
      if (!usedMobiles.has(m)) {
        usedMobiles.add(m);
        return m;
      }
    }
  };
  const landline = (r: Rng) => `0825-${r.pick(['2', '5', '6', '7', '8'])}${r.digits(6)}`;

  // ------------------------------------------------------------------------------------------------------
  // Regions and organisations

  const { rows: regionRows, streets } = buildRegions();
  data.regions = regionRows;
  const districtById = new Map(DISTRICTS.map((d) => [d.id, d]));
  const orgId = {
    city: uuid(),
    association: uuid(),
    department: uuid(),
    committee: uuid(),
    district: new Map<string, string>(),
    street: new Map<string, string>(),
  };
  data.organisations.push({ id: orgId.city, kind: 'city_bureau', name: '遂宁市住房和城乡建设局', regionId: CITY.id });
  for (const d of DISTRICTS) {
    const id = uuid();
    orgId.district.set(d.id, id);
    data.organisations.push({ id, kind: 'district_bureau', name: d.bureau, regionId: d.id });
  }
  for (const s of streets) {
    const id = uuid();
    orgId.street.set(s.id, id);
    data.organisations.push({ id, kind: 'street_office', name: streetOfficeName(DISTRICT_NAMES[s.districtId], s.name), regionId: s.id });
  }
  data.organisations.push({ id: orgId.association, kind: 'association', name: '遂宁市物业管理协会', regionId: CITY.id });
  data.organisations.push({ id: orgId.department, kind: 'department', name: '遂宁市市场监督管理局', regionId: CITY.id });
  const orgName = new Map(data.organisations.map((o) => [o.id!, o.name]));
  // The owners' committee is added once its estate is chosen.

  data.creditPolicies.push({
    version: 1,
    settings: policy,
    reason: '初始默认政策（SPEC §4）',
    createdAt: at('2024-01-01', 9),
  });

  const userId: Record<DemoUsername, string> = Object.fromEntries(DEMO_USERNAMES.map((u) => [u, uuid()])) as Record<
    DemoUsername,
    string
  >;

  // ------------------------------------------------------------------------------------------------------
  // Companies

  const cRng = root.fork('companies');
  const companies: CompanyInfo[] = [];
  const usedNames = new Set<string>();
  const usedUscc = new Set<string>();
  const brands = cRng.shuffle(COMPANY_BRANDS.filter((b) => b !== '锦华'));

  const newUscc = (districtId: string) => {
    for (;;) {
      const region = districtId === '510903' && cRng.chance(0.35) ? '510900' : districtId;
      const first17 = `91${region}${orgCode(cRng)}`;
      const code = first17 + usccCheckChar(first17);
      if (!usedUscc.has(code)) {
        usedUscc.add(code);
        return code;
      }
    }
  };

  // Home districts of the ordinary approved companies, roughly in proportion to the estates there.
  const homeDistricts: string[] = [
    ...Array(15).fill('510903'),
    ...Array(6).fill('510904'),
    ...Array(8).fill('510981'),
    ...Array(5).fill('510921'),
    ...Array(6).fill('510923'),
  ];
  const addCompany = (c: Omit<CompanyInfo, 'id' | 'uscc' | 'legalRep' | 'name'> & { name?: string }) => {
    let name = c.name;
    while (!name || usedNames.has(name)) {
      const brand = brands.pop()!;
      const place = cRng.pick(COMPANY_PLACE[c.districtId]);
      name = cRng.weighted(COMPANY_PATTERNS).replace('{p}', place).replace('{b}', brand);
    }
    usedNames.add(name);
    const info: CompanyInfo = { ...c, name, id: uuid(), uscc: newUscc(c.districtId), legalRep: personName(cRng.chance(0.75), cRng) };
    companies.push(info);
    return info;
  };

  const demoCompany = addCompany({
    name: '遂宁市安居乐业物业服务有限公司',
    districtId: '510903',
    status: 'approved',
    approvedOn: '2016-05-18',
    quality: 89,
    role: 'demo',
    size: 12,
  });
  const demoCompany2 = addCompany({
    name: '四川锦华物业服务有限公司',
    districtId: '510903',
    status: 'approved',
    approvedOn: '2018-09-06',
    quality: 86,
    role: 'demo2',
    size: 10,
  });
  const ordinary: CompanyInfo[] = [];
  for (const districtId of homeDistricts) {
    ordinary.push(
      addCompany({
        districtId,
        status: 'approved',
        approvedOn: cRng.date('2013-03-01', '2021-10-31'),
        quality: cRng.normal(86, 2.2, 81, 90),
        role: 'ordinary',
        size: cRng.weighted([
          [2, 3],
          [4, 4],
          [7, 4],
          [11, 2],
          [16, 1],
        ]),
      }),
    );
  }
  // Roles for the designed stories (the companies are already in random order).
  const byRole = new Map<string, CompanyInfo>();
  const takeRole = (role: string, districtId: string, quality: number) => {
    const c = ordinary.find((o) => o.role === 'ordinary' && o.districtId === districtId)!;
    c.role = role;
    c.quality = quality;
    c.size = Math.max(c.size, 4);
    byRole.set(role, c);
    return c;
  };
  takeRole('twoYears', '510903', 82);
  takeRole('veto', '510904', 82);
  takeRole('poor1', '510903', 80);
  takeRole('poor2', '510981', 80);
  takeRole('severeA', '510923', 83);
  takeRole('severeB', '510921', 83);
  takeRole('low3', '510903', 83);
  takeRole('repaired', '510981', 85);
  takeRole('passedRect', '510923', 82);
  takeRole('excellent', '510903', 89);
  const banned = addCompany({
    districtId: '510903',
    status: 'revoked',
    approvedOn: '2015-04-10',
    quality: 70,
    role: 'banned',
    size: 0,
  });
  byRole.set('banned', banned);
  const others: CompanyInfo[] = [];
  for (const status of ['pending', 'pending', 'pending', 'rejected', 'rejected', 'draft', 'draft'] as const) {
    others.push(
      addCompany({
        districtId: cRng.weighted([
          ['510903', 4],
          ['510904', 1],
          ['510981', 2],
          ['510921', 1],
          ['510923', 1],
        ]),
        status,
        approvedOn: null,
        quality: 85,
        role: status,
        size: 0,
      }),
    );
  }
  const approvedCompanies = companies.filter((c) => c.status === 'approved');
  const companyById = new Map(companies.map((c) => [c.id, c]));
  const blackRoles = new Set(['twoYears', 'veto', 'poor1', 'poor2', 'severeA', 'severeB', 'banned']);
  const MARKET_BAN_SINCE = '2025-03-18';
  const bannedUntil = addDays(addYears(MARKET_BAN_SINCE, policy.marketBanYears), -1);

  for (const c of companies) {
    const district = districtById.get(c.districtId)!;
    const road = cRng.pick(ROADS[c.districtId]);
    const address = `${c.districtId === '510981' ? '四川省射洪市' : `四川省遂宁市${district.name}`}${road}${cRng.int(1, 399)}号${
      cRng.chance(0.5) ? `${cRng.int(1, 12)}楼` : ''
    }`;
    const capital = cRng.weighted([
      [50, 3],
      [100, 6],
      [200, 5],
      [300, 4],
      [500, 5],
      [800, 2],
      [1000, 4],
      [2000, 2],
      [3000, 1],
      [5000, 1],
    ]);
    const registeredCapital = c.role === 'demo' ? 1000 : c.role === 'demo2' ? 2000 : capital;
    const phone = cRng.chance(0.7) ? landline(cRng) : mobile(cRng);
    const createdOn = c.approvedOn ? addDays(c.approvedOn, -cRng.int(8, 30)) : cRng.date(addDays(REF, -120), addDays(REF, -10));
    const approvedAt = c.approvedOn ? at(c.approvedOn, 15) : null;
    data.companies.push({
      id: c.id,
      uscc: c.uscc,
      name: c.name,
      address,
      registeredCapital: money(registeredCapital),
      legalRepresentative: c.legalRep,
      contactPhone: phone,
      districtId: c.districtId,
      filingStatus: c.status,
      approvedAt,
      bannedUntil: c.role === 'banned' ? bannedUntil : null,
      version: 1,
      createdAt: at(createdOn, 9),
      updatedAt: c.role === 'banned' ? at(MARKET_BAN_SINCE, 16) : approvedAt ?? at(createdOn, 9),
    });
  }
  const companyRow = new Map(data.companies.map((c) => [c.id!, c]));

  // ------------------------------------------------------------------------------------------------------
  // Projects (estates)

  const pRng = root.fork('projects');
  const districtEstates: Record<string, number> = { '510903': 132, '510904': 46, '510981': 62, '510921': 43, '510923': 47 };
  const projects: ProjectInfo[] = [];
  const usedEstateNames = new Set<string>();
  for (const d of DISTRICTS) {
    const dStreets = streets.filter((s) => s.districtId === d.id);
    for (let i = 0; i < districtEstates[d.id]; i++) {
      const street = pRng.weighted(dStreets.map((s) => [s, s.weight] as const));
      const isTown = street.name.endsWith('镇') && street.weight < 5;
      const type: ProjectType = isTown
        ? pRng.weighted([
            ['住宅', 55],
            ['安置小区', 30],
            ['老旧小区', 12],
            ['商业', 3],
          ])
        : pRng.weighted([
            ['住宅', 72],
            ['老旧小区', 11],
            ['安置小区', 7],
            ['商业', 6],
            ['办公', 4],
          ]);
      const road = pRng.pick(ROADS[d.id]);
      let name = '';
      while (!name || usedEstateNames.has(name)) {
        const prefix = pRng.pick(ESTATE_PREFIXES);
        if (type === '住宅') name = prefix + pRng.weighted(ESTATE_SUFFIXES);
        else if (type === '商业') name = prefix + pRng.pick(COMMERCIAL_SUFFIXES);
        else if (type === '办公') name = prefix + pRng.pick(OFFICE_SUFFIXES);
        else if (type === '安置小区') name = (pRng.chance(0.5) ? street.name.replace(/(街道|镇)$/, '') : prefix) + pRng.pick(RESETTLEMENT_SUFFIXES);
        else name = road + pRng.pick(OLD_ESTATE_NAMES);
        if (usedEstateNames.has(name) && type === '住宅' && pRng.chance(0.5)) name += pRng.pick(['二期', '三期', '南区', '北区']);
      }
      usedEstateNames.add(name);
      let households: number;
      let perUnit: number;
      switch (type) {
        case '住宅':
          households = pRng.weighted([
            [pRng.int(80, 300), 15],
            [pRng.int(300, 800), 40],
            [pRng.int(800, 1500), 30],
            [pRng.int(1500, 3000), 15],
          ]);
          perUnit = pRng.float(92, 132);
          break;
        case '老旧小区':
          households = pRng.int(80, 420);
          perUnit = pRng.float(58, 82);
          break;
        case '安置小区':
          households = pRng.int(300, 2000);
          perUnit = pRng.float(72, 96);
          break;
        case '商业':
          households = pRng.int(80, 600);
          perUnit = pRng.float(60, 160);
          break;
        default:
          households = pRng.int(80, 400);
          perUnit = pRng.float(80, 200);
      }
      if (isTown) households = Math.min(households, 1200);
      const community = pRng.pick(street.communities);
      const districtPrefix = d.id === '510981' ? '射洪市' : `遂宁市${d.name}`;
      projects.push({
        id: uuid(),
        name,
        address: `${districtPrefix}${road}${pRng.int(1, 688)}号`,
        districtId: d.id,
        street,
        communityId: community.id,
        type,
        households,
        floorArea: Math.round(households * perUnit * 100) / 100,
        hasOwnersCommittee:
          type === '住宅' ? pRng.chance(0.45) : type === '商业' || type === '办公' ? pRng.chance(0.1) : pRng.chance(0.3),
        companyId: '',
        contractStart: '',
        contractId: '',
        staff: [],
      });
    }
  }
  const residential = (p: ProjectInfo) => p.type === '住宅' || p.type === '老旧小区' || p.type === '安置小区';

  // Assign serving companies. The demo companies first, then two estates per ordinary company at home, then
  // the rest weighted by size (mostly at home, some city companies across the city).
  const unassigned = new Set(projects.map((p) => p.id));
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const take = (companyId: string, districtId: string, n: number, filter: (p: ProjectInfo) => boolean = () => true) => {
    const pool = pRng.shuffle(projects.filter((p) => unassigned.has(p.id) && p.districtId === districtId && filter(p)));
    for (const p of pool.slice(0, n)) {
      p.companyId = companyId;
      unassigned.delete(p.id);
    }
  };
  const bigHome = (p: ProjectInfo) => p.type === '住宅' && p.households >= 300;
  take(demoCompany.id, '510903', 6, bigHome);
  take(demoCompany.id, '510981', 6, bigHome);
  take(demoCompany2.id, '510903', 6, residential);
  take(demoCompany2.id, '510904', 4, residential);
  for (const c of ordinary) take(c.id, c.districtId, c.role === 'ordinary' ? 2 : 3, residential);
  for (const id of pRng.shuffle([...unassigned])) {
    const p = projectById.get(id)!;
    const home = ordinary.filter((c) => c.districtId === p.districtId);
    const cityWide = ordinary.filter((c) => c.districtId === '510903' && c.size >= 7);
    const pool = pRng.chance(0.85) || cityWide.length === 0 ? home : cityWide;
    const c = pRng.weighted(pool.map((o) => [o, o.size] as const));
    p.companyId = c.id;
    unassigned.delete(id);
  }

  // ------------------------------------------------------------------------------------------------------
  // Service contracts: the current confirmed one, and history (ended, terminated).

  const kRng = root.fork('contracts');
  const contractsByProject = new Map<string, Row<typeof schema.serviceContracts>[]>();
  const addContract = (c: Row<typeof schema.serviceContracts>) => {
    data.serviceContracts.push(c);
    const list = contractsByProject.get(c.projectId) ?? [];
    list.push(c);
    contractsByProject.set(c.projectId, list);
    return c;
  };
  const fees = (p: ProjectInfo) => {
    const rate =
      p.type === '商业' || p.type === '办公'
        ? kRng.float(2.5, 5)
        : p.type === '老旧小区'
          ? kRng.float(0.35, 0.6)
          : p.type === '安置小区'
            ? kRng.float(0.5, 0.9)
            : kRng.float(0.9, 2.4);
    // ZJ 9: the bond is at least 5 % of a year's fees and at most 300,000 yuan, so fees stay under 6 million.
    const annual = Math.min(Math.round(p.floorArea * rate * 12), 5_800_000 + kRng.int(0, 90_000));
    const min = Math.ceil((annual * policy.bond.minShareOfAnnualFees) / 100) * 100;
    const max = Math.min(policy.bond.maxYuan, Math.floor((annual * 0.08) / 100) * 100);
    const bond = max <= min ? min : min + Math.floor(kRng.int(0, max - min) / 100) * 100;
    return { annualFees: money(annual), bondAmount: money(bond) };
  };

  // Estates the banned company lost in 2025 and the estate the vetoed company walked away from.
  const bannedLost = kRng.sample(
    projects.filter((p) => p.districtId === '510903' && residential(p) && companyById.get(p.companyId)!.role === 'ordinary'),
    4,
  );
  const vetoCompany = byRole.get('veto')!;
  const vetoLost = kRng.pick(
    projects.filter((p) => p.districtId === '510904' && residential(p) && companyById.get(p.companyId)!.role === 'ordinary'),
  );
  const VETO_EXIT = '2025-10-20';
  const noticeProjects = new Set(
    kRng
      .sample(
        projects.filter((p) => ![demoCompany.id].includes(p.companyId) && !bannedLost.includes(p) && p !== vetoLost),
        6,
      )
      .map((p) => p.id),
  );
  const endingSoonNoNotice = new Set(
    kRng
      .sample(
        projects.filter((p) => p.companyId !== demoCompany.id && !noticeProjects.has(p.id) && !bannedLost.includes(p) && p !== vetoLost),
        2,
      )
      .map((p) => p.id),
  );

  for (const p of projects) {
    let start: string;
    let end: string;
    if (bannedLost.includes(p)) {
      start = kRng.date('2025-04-01', '2025-05-31');
    } else if (p === vetoLost) {
      start = addDays(VETO_EXIT, 12);
    } else if (noticeProjects.has(p.id)) {
      end = kRng.date(addDays(REF, 95), addDays(REF, 145));
      start = addDays(addYears(end, -kRng.int(3, 4)), 1);
    } else if (endingSoonNoNotice.has(p.id)) {
      end = kRng.date(addDays(REF, 20), addDays(REF, 80));
      start = addDays(addYears(end, -3), 1);
    } else if (companyById.get(p.companyId)!.role !== 'ordinary') {
      // Companies with a designed story have served their estates since before the story's first record.
      start = kRng.date('2022-01-01', '2023-12-31');
    } else {
      start = kRng.date('2022-01-01', '2025-09-30');
    }
    if (!end!) {
      let years = kRng.int(3, 5);
      end = addDays(addYears(start, years), -1);
      while (end <= addDays(REF, 30)) {
        years++;
        end = addDays(addYears(start, years), -1);
      }
    }
    const id = uuid();
    p.contractStart = start;
    p.contractId = id;
    const confirmedOn = addDays(start, -kRng.int(3, 20));
    addContract({
      id,
      projectId: p.id,
      companyId: p.companyId,
      startDate: start,
      endDate: end,
      ...fees(p),
      status: 'confirmed',
      confirmedAt: at(confirmedOn, 16),
      nonRenewalNoticeOn: noticeProjects.has(p.id)
        ? kRng.date(addDays(end, -150), minDate(addDays(end, -(policy.nonRenewalNoticeDays + 1)), addDays(REF, -1)))
        : null,
      createdAt: at(addDays(confirmedOn, -kRng.int(2, 10)), 10),
    });

    // History.
    if (bannedLost.includes(p)) {
      const prevStart = kRng.date('2019-01-01', '2022-06-30');
      const exited = addDays(start, -1);
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: banned.id,
        startDate: prevStart,
        endDate: addDays(addYears(prevStart, 5), -1),
        ...fees(p),
        status: 'terminated',
        confirmedAt: at(addDays(prevStart, -7), 16),
        exitedOn: exited,
        exitReason: '被列入物业服务市场禁入名单，依法退出项目（DW 14）',
        handoverDone: true,
        createdAt: at(addDays(prevStart, -12), 10),
      });
    } else if (p === vetoLost) {
      const prevStart = '2024-03-01';
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: vetoCompany.id,
        startDate: prevStart,
        endDate: '2027-02-28',
        ...fees(p),
        status: 'terminated',
        confirmedAt: at('2024-02-20', 16),
        exitedOn: VETO_EXIT,
        exitReason: '合同期内以经营亏损为由擅自撤出，未办理交接',
        handoverDone: false,
        createdAt: at('2024-02-15', 10),
      });
    } else if (kRng.chance(0.15) && start >= '2022-06-01') {
      const prev = kRng.pick(approvedCompanies.filter((c) => c.id !== p.companyId && !c.role.startsWith('demo')));
      const prevEnd = addDays(start, -1);
      const prevStart = addDays(addYears(prevEnd, -kRng.int(3, 5)), 1);
      addContract({
        id: uuid(),
        projectId: p.id,
        companyId: prev.id,
        startDate: prevStart,
        endDate: prevEnd,
        ...fees(p),
        status: 'ended',
        confirmedAt: at(addDays(prevStart, -9), 16),
        createdAt: at(addDays(prevStart, -15), 10),
      });
    }
  }

  // Owners' committee: one of the demo company's 船山区 estates.
  const committeeProject = projects.find((p) => p.companyId === demoCompany.id && p.districtId === '510903')!;
  committeeProject.hasOwnersCommittee = true;
  const committeeName = `${committeeProject.name}业主委员会`;
  data.organisations.push({
    id: orgId.committee,
    kind: 'owners_committee',
    name: committeeName,
    regionId: committeeProject.communityId,
    projectId: committeeProject.id,
  });
  orgName.set(orgId.committee, committeeName);

  for (const p of projects) {
    data.projects.push({
      id: p.id,
      name: p.name,
      address: p.address,
      districtId: p.districtId,
      streetId: p.street.id,
      communityId: p.communityId,
      type: p.type,
      households: p.households,
      floorArea: money(p.floorArea),
      hasOwnersCommittee: p.hasOwnersCommittee,
      currentCompanyId: p.companyId,
      createdAt: at(addDays(p.contractStart, -30), 11),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Practitioners, certificates, employments

  const sRng = root.fork('staff');
  const usedIds = new Set<string>();
  const people: PersonInfo[] = [];
  const peopleById = new Map<string, PersonInfo>();

  const MALE_SHARE: Record<Post, number> = {
    项目负责人: 0.6,
    财务人员: 0.15,
    客服人员: 0.2,
    客服主管: 0.3,
    工程维修人员: 0.96,
    工程主管: 0.95,
    安保人员: 0.93,
    安保主管: 0.95,
    保洁人员: 0.15,
    绿化养护人员: 0.6,
    外包服务管理岗位: 0.5,
  };
  const BIRTH_YEARS: Record<Post, [number, number]> = {
    项目负责人: [1970, 1993],
    财务人员: [1972, 2001],
    客服人员: [1985, 2003],
    客服主管: [1978, 1998],
    工程维修人员: [1966, 2002],
    工程主管: [1968, 1994],
    安保人员: [1965, 2003],
    安保主管: [1968, 1995],
    保洁人员: [1965, 1988],
    绿化养护人员: [1965, 1992],
    外包服务管理岗位: [1975, 1998],
  };
  const EDUCATION_BY_POST: Record<Post, readonly (readonly [Education, number])[]> = {
    项目负责人: [['高中', 1], ['大专', 5], ['本科', 4], ['硕士研究生', 0.2]],
    财务人员: [['中专', 2], ['大专', 5], ['本科', 3]],
    客服人员: [['高中', 2], ['中专', 3], ['大专', 5], ['本科', 2]],
    客服主管: [['中专', 1], ['大专', 5], ['本科', 3]],
    工程维修人员: [['初中', 3], ['高中', 3], ['中专', 4], ['大专', 2]],
    工程主管: [['高中', 1], ['中专', 3], ['大专', 4], ['本科', 2]],
    安保人员: [['初中', 5], ['高中', 4], ['中专', 2], ['大专', 1]],
    安保主管: [['高中', 4], ['中专', 2], ['大专', 3], ['本科', 0.5]],
    保洁人员: [['小学', 3], ['初中', 6], ['高中', 1]],
    绿化养护人员: [['小学', 2], ['初中', 5], ['高中', 2], ['中专', 1]],
    外包服务管理岗位: [['大专', 5], ['本科', 3]],
  };

  const minorityPlaces = new Map<string, (typeof BIRTHPLACES)[number][]>();
  for (const b of BIRTHPLACES) if (b.ethnic) minorityPlaces.set(b.ethnic, [...(minorityPlaces.get(b.ethnic) ?? []), b]);
  const commonPlaces = BIRTHPLACES.filter((b) => b.weight > 0).map((b) => [b, b.weight] as const);

  const newPerson = (post: Post, earliestHire: string, latestHire: string) => {
    const male = sRng.chance(MALE_SHARE[post]);
    const [y0, y1] = BIRTH_YEARS[post];
    // Hired adults only: the birth year leaves room for an 18th birthday before the latest hire date.
    const latestBirthYear = Math.min(y1, Number(latestHire.slice(0, 4)) - 19);
    const birthDate = sRng.date(`${y0}-01-01`, `${Math.max(y0, latestBirthYear)}-12-28`);
    const ethnicity = sRng.weighted(ETHNICITIES);
    const minority = minorityPlaces.get(ethnicity);
    const place = minority && sRng.chance(0.6) ? sRng.pick(minority) : sRng.weighted(commonPlaces);
    let idNumber = '';
    while (!idNumber || usedIds.has(idNumber)) {
      const seq2 = sRng.digits(2);
      const last = male ? sRng.pick(['1', '3', '5', '7', '9']) : sRng.pick(['0', '2', '4', '6', '8']);
      const first17 = `${place.code}${birthDate.replaceAll('-', '')}${seq2}${last}`;
      idNumber = first17 + idCheckChar(first17);
    }
    usedIds.add(idNumber);
    const education = sRng.weighted(EDUCATION_BY_POST[post]);
    let school: string | null = null;
    let major: string | null = null;
    if (education === '中专' || education === '大专' || education === '本科' || education === '硕士研究生') {
      school = sRng.pick(SCHOOLS[education]);
      major = sRng.pick(MAJORS_BY_POST[post]);
    }
    const age18 = addYears(birthDate, 18);
    const from = maxDate(earliestHire, age18);
    const hiredOn = from > latestHire ? latestHire : sRng.date(from, latestHire);
    const labourContractOn = sRng.chance(0.8) ? hiredOn : addDays(hiredOn, sRng.int(1, 7));
    const skills = sRng.sample(SKILLS_BY_POST[post], sRng.int(1, 3)).join('、');
    const name = personName(male, sRng);
    const political =
      (post === '客服人员' || post === '客服主管') && birthDate > '1994-01-01' && sRng.chance(0.25)
        ? '共青团员'
        : sRng.weighted(POLITICAL_STATUSES);
    return { male, birthDate, ethnicity, place, idNumber, education, school, major, hiredOn, labourContractOn, skills, name, political };
  };

  type NewPerson = ReturnType<typeof newPerson>;
  const pushPractitioner = (
    x: NewPerson,
    status: 'active' | 'pending' | 'archived',
    post: Post,
    companyId: string,
    projectId: string,
  ) => {
    const id = uuid();
    const enteredOn = minDate(addDays(x.labourContractOn, sRng.int(1, 9)), REF);
    const mob = mobile(sRng);
    data.practitioners.push({
      id,
      ...protectIdNumber(x.idNumber, opts.keys),
      name: x.name,
      gender: x.male ? '男' : '女',
      birthDate: x.birthDate,
      ethnicity: x.ethnicity,
      nativePlace: x.place.place,
      photoId: null,
      politicalStatus: x.political,
      mobile: mob,
      school: x.school,
      major: x.major,
      education: x.education,
      skills: x.skills,
      hiredOn: x.hiredOn,
      labourContractOn: x.labourContractOn,
      status,
      version: 1,
      createdAt: at(enteredOn, 10, sRng.int(0, 59)),
      updatedAt: at(enteredOn, 10, sRng.int(0, 59)),
    });
    // Certificates.
    const certs = CERTIFICATES_BY_POST[post];
    const pHas: Partial<Record<Post, number>> = {
      项目负责人: 0.92,
      工程主管: 0.95,
      工程维修人员: 0.8,
      安保主管: 0.85,
      安保人员: 0.55,
      财务人员: 0.6,
      客服主管: 0.6,
      客服人员: 0.25,
      绿化养护人员: 0.2,
      外包服务管理岗位: 0.4,
    };
    // Most holders renew in time; some certificates have lapsed.
    const validUntil = (issued: string, years: number) => {
      let k = 1;
      while (addDays(addYears(issued, years * k), -1) <= REF && sRng.chance(0.85)) k++;
      return addDays(addYears(issued, years * k), -1);
    };
    if (certs.length && sRng.chance(pHas[post] ?? 0)) {
      const n = certs.length > 1 && sRng.chance(0.35) ? 2 : 1;
      for (const [certName, issuer, prefix, years] of sRng.sample(certs, n)) {
        const issued = sRng.date(maxDate(addYears(x.birthDate, 19), addYears(x.hiredOn, -6)), minDate(addDays(x.hiredOn, 400), addDays(REF, -30)));
        const year = issued.slice(0, 4);
        data.certificates.push({
          id: uuid(),
          practitionerId: id,
          name: certName,
          number: prefix === 'T' ? `T5109${year}${sRng.digits(6)}` : `${prefix}${year}${sRng.digits(prefix.length > 3 ? 5 : 6)}`,
          issuer,
          validUntil: years ? validUntil(issued, years) : null,
        });
      }
    }
    const info: PersonInfo = { id, name: x.name, status, hiredOn: x.hiredOn, companyId, projectId, post, birthDate: x.birthDate };
    people.push(info);
    peopleById.set(id, info);
    return { id, mobile: mob };
  };

  const staffPlan = (p: ProjectInfo): Post[] => {
    const h = p.households;
    const posts: Post[] = ['项目负责人', '客服主管', '工程主管', '安保主管', '财务人员'];
    const add = (post: Post, n: number) => {
      for (let i = 0; i < n; i++) posts.push(post);
    };
    const jitter = () => sRng.int(-1, 1);
    if (p.type === '商业' || p.type === '办公') {
      add('客服人员', 1 + Math.floor(h / 400));
      add('工程维修人员', Math.max(1, 2 + Math.floor(h / 350) + jitter()));
      add('安保人员', Math.max(2, 3 + Math.floor(h / 200) + jitter()));
      add('保洁人员', Math.max(1, 2 + Math.floor(h / 250) + jitter()));
    } else {
      add('客服人员', Math.max(1, 1 + Math.floor(h / 800) + jitter()));
      add('工程维修人员', Math.max(1, 1 + Math.floor(h / 600) + jitter()));
      add('安保人员', Math.max(2, 2 + Math.floor(h / 320) + jitter()));
      add('保洁人员', Math.max(1, 1 + Math.floor(h / 320) + jitter()));
      add('绿化养护人员', p.type === '老旧小区' ? (sRng.chance(0.4) ? 1 : 0) : Math.max(1, 1 + Math.floor(h / 1500)));
    }
    if (sRng.chance(0.12)) add('外包服务管理岗位', 1);
    return posts;
  };

  const pushEmployment = (e: Row<typeof schema.employments>) => data.employments.push({ id: uuid(), ...e });

  const latestActiveHire = addDays(REF, -45);
  for (const p of projects) {
    for (const post of staffPlan(p)) {
      // Staff of a taken-over estate often stayed on: their earlier employment with the old company is kept.
      const stayedOn = bannedLost.includes(p) && sRng.chance(0.5);
      // The manager and the supervisors are appointed when the company takes the estate over.
      const lead = post === '项目负责人' || post.endsWith('主管');
      const latest = stayedOn ? p.contractStart : lead ? minDate(addDays(p.contractStart, 180), latestActiveHire) : latestActiveHire;
      const x = newPerson(post, p.contractStart, latest);
      const { id, mobile: mob } = pushPractitioner(x, 'active', post, p.companyId, p.id);
      p.staff.push({ practitionerId: id, post, name: x.name, mobile: mob, hiredOn: x.hiredOn });
      if (stayedOn) {
        const bannedContract = contractsByProject.get(p.id)!.find((k) => k.companyId === banned.id)!;
        const prevStart = maxDate(addYears(x.birthDate, 18), sRng.date(bannedContract.startDate, '2024-06-30'));
        pushEmployment({
          practitionerId: id,
          companyId: banned.id,
          projectId: p.id,
          post,
          startDate: prevStart,
          endDate: addDays(x.hiredOn, -1),
          status: 'ended',
          endReason: '原物业服务企业退出项目，随项目转入新企业',
          createdAt: at(prevStart, 10),
        });
      } else if (sRng.chance(0.05)) {
        // Transfer history: an earlier employment at another company.
        const prevEnd = addDays(x.hiredOn, -sRng.int(1, 20));
        const prevStart = maxDate(addYears(x.birthDate, 18), addDays(prevEnd, -sRng.int(200, 1500)));
        const candidates = projects.filter((q) => q.companyId !== p.companyId && q.contractStart <= prevStart);
        const q = candidates.length ? sRng.pick(candidates) : undefined;
        if (q && prevStart < prevEnd) {
          pushEmployment({
            practitionerId: id,
            companyId: q.companyId,
            projectId: q.id,
            post: sRng.chance(0.7) ? post : sRng.pick(['客服人员', '安保人员', '工程维修人员', '保洁人员'] as Post[]),
            startDate: prevStart,
            endDate: prevEnd,
            status: 'ended',
            endReason: '调往其他物业服务企业',
            createdAt: at(prevStart, 10),
          });
        }
      }
      pushEmployment({
        practitionerId: id,
        companyId: p.companyId,
        projectId: p.id,
        post,
        startDate: x.hiredOn,
        status: 'current',
        createdAt: at(x.hiredOn, 10),
      });
    }
  }
  const activeCount = people.length;

  // Pending entries (~3 %), each with its practitioner_entry submission.
  const pendingPeople: { person: PersonInfo; labourContractOn: string; project: ProjectInfo }[] = [];
  const pendingN = Math.round(activeCount * 0.031);
  const weightedProjects = projects.map((p) => [p, p.households] as const);
  for (let i = 0; i < pendingN; i++) {
    const p = sRng.weighted(weightedProjects);
    const post = sRng.weighted<Post>([
      ['客服人员', 3],
      ['工程维修人员', 2],
      ['安保人员', 4],
      ['保洁人员', 3],
      ['绿化养护人员', 1],
    ]);
    const x = newPerson(post, addDays(REF, -40), addDays(REF, -2));
    const { id } = pushPractitioner(x, 'pending', post, p.companyId, p.id);
    pushEmployment({ practitionerId: id, companyId: p.companyId, projectId: p.id, post, startDate: x.hiredOn, status: 'pending', createdAt: at(minDate(addDays(x.labourContractOn, 2), REF), 11) });
    pendingPeople.push({ person: peopleById.get(id)!, labourContractOn: x.labourContractOn, project: p });
  }

  // Archived (~3 %): left the industry; only ended employments.
  const archivedN = Math.round(activeCount * 0.031);
  const archivable = projects.filter((p) => p.contractStart <= '2025-06-30');
  for (let i = 0; i < archivedN; i++) {
    const p = sRng.pick(archivable);
    const post = sRng.weighted<Post>([
      ['客服人员', 2],
      ['工程维修人员', 2],
      ['安保人员', 4],
      ['保洁人员', 4],
      ['绿化养护人员', 1],
      ['财务人员', 0.5],
    ]);
    const companyId = p.companyId;
    const x = newPerson(post, p.contractStart, addDays(REF, -200));
    const { id } = pushPractitioner(x, 'archived', post, companyId, p.id);
    const endDate = sRng.date(addDays(x.hiredOn, 120), addDays(REF, -30));
    pushEmployment({ practitionerId: id, companyId, projectId: p.id, post, startDate: x.hiredOn, endDate, status: 'ended', endReason: '退出物业行业', createdAt: at(x.hiredOn, 10) });
    const last = data.practitioners[data.practitioners.length - 1];
    last.updatedAt = at(addDays(endDate, sRng.int(1, 6)), 15);
  }

  // ------------------------------------------------------------------------------------------------------
  // Company versions and managers (the filing's principal managers, project managers, engineering staff).

  const mRng = root.fork('managers');
  for (const c of companies) {
    const row = companyRow.get(c.id)!;
    const own = projects.filter((p) => p.companyId === c.id);
    const managers: Row<typeof schema.companyManagers>[] = [
      {
        id: uuid(),
        companyId: c.id,
        kind: '主要负责人',
        name: c.legalRep,
        title: mRng.pick(['总经理', '执行董事兼总经理', '董事长']),
        qualification: mRng.chance(0.6) ? '物业管理师' : null,
      },
    ];
    const pms = own.flatMap((p) => p.staff.filter((s) => s.post === '项目负责人'));
    const engineers = own.flatMap((p) => p.staff.filter((s) => s.post === '工程主管'));
    const nPm = mRng.int(1, 2);
    for (let i = 0; i < nPm; i++) {
      const pm = pms[i];
      managers.push({
        id: uuid(),
        companyId: c.id,
        kind: '项目经理',
        name: pm ? pm.name : personName(mRng.chance(0.6), mRng),
        title: '项目经理',
        qualification: '物业项目经理证',
      });
    }
    if (mRng.chance(0.7) || managers.length < 2) {
      const eng = engineers[0];
      managers.push({
        id: uuid(),
        companyId: c.id,
        kind: '工程技术人员',
        name: eng ? eng.name : personName(true, mRng),
        title: '工程部经理',
        qualification: mRng.pick(['电气工程师（中级）', '助理工程师', '高压电工作业证', '机电工程师（中级）']),
      });
    }
    data.companyManagers.push(...managers);
    data.companyVersions.push({
      id: uuid(),
      companyId: c.id,
      version: 1,
      data: {
        name: row.name,
        uscc: row.uscc,
        address: row.address,
        registeredCapital: row.registeredCapital,
        legalRepresentative: row.legalRepresentative,
        contactPhone: row.contactPhone,
        districtId: row.districtId,
        managers: managers.map((m) => ({ kind: m.kind, name: m.name, title: m.title, qualification: m.qualification })),
      },
      createdAt: row.approvedAt ?? row.createdAt,
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Disclosure boards

  const dRng = root.fork('boards');
  for (const p of projects) {
    const pm = p.staff.find((s) => s.post === '项目负责人')!;
    const stale = dRng.chance(0.06) && pm.hiredOn <= addDays(REF, -400);
    const updatedOn = stale
      ? dRng.date(maxDate(pm.hiredOn, addDays(REF, -720)), addDays(REF, -380))
      : dRng.date(maxDate(pm.hiredOn, addDays(REF, -330)), addDays(REF, -3));
    const area = p.floorArea;
    const isResidential = residential(p);
    const feeRate = Number(contractsByProject.get(p.id)![0].annualFees) / Math.max(1, area) / 12;
    const hasElevator = p.type !== '老旧小区' && (p.type !== '安置小区' || dRng.chance(0.6));
    const parkingSpaces = Math.round(p.households * dRng.float(0.3, 1.1));
    const fees = [
      { item: '物业服务费', standard: `${feeRate.toFixed(2)}元/㎡·月` },
      ...(hasElevator ? [{ item: '电梯运行维护费', standard: `${dRng.pick(['0.15', '0.20', '0.25', '0.30'])}元/㎡·月（仅电梯楼栋）` }] : []),
      ...(parkingSpaces > 0 ? [{ item: '车位管理费', standard: `${dRng.pick([40, 50, 60, 80, 100])}元/个·月` }] : []),
      { item: '装修垃圾清运费', standard: `${dRng.pick([300, 400, 500, 600])}元/户（一次性）` },
    ];
    const income = dRng.int(8, 260) * 1000;
    const spending = Math.round(income * dRng.float(0.3, 0.9));
    data.disclosureBoards.push({
      id: uuid(),
      projectId: p.id,
      companyId: p.companyId,
      version: 1,
      data: {
        managerName: pm.name,
        managerPhone: pm.mobile,
        complaintPhone: landline(dRng),
        serviceContent: isResidential
          ? '公共区域秩序维护、保洁、绿化养护，共用部位和共用设施设备日常维修养护，装饰装修管理，车辆停放管理，物业档案管理'
          : '公共区域秩序维护、保洁，共用设施设备运行维护，消防安全巡查，车辆停放管理，租户服务',
        serviceStandard: dRng.pick([
          '《四川省住宅物业服务等级规范》二级',
          '《四川省住宅物业服务等级规范》三级',
          '《四川省住宅物业服务等级规范》一级',
          '按物业服务合同约定的服务标准执行',
        ]),
        fees,
        elevatorMaintenance: hasElevator
          ? { unit: dRng.pick(ELEVATOR_COMPANIES), contact: landline(dRng) }
          : { unit: '本项目无电梯', contact: '' },
        fireMaintenance: { unit: dRng.pick(FIRE_COMPANIES), contact: landline(dRng) },
        parking:
          parkingSpaces > 0
            ? `共有车位${parkingSpaces}个（地面${Math.round(parkingSpaces * 0.3)}个、地下${parkingSpaces - Math.round(parkingSpaces * 0.3)}个），已出租${Math.round(parkingSpaces * dRng.float(0.5, 0.95))}个，出售情况见附表`
            : '无规划车位，临时停车按业主大会决定执行',
        sharedUtilities: `公共区域水电费按月据实分摊，${updatedOn.slice(0, 4)}年月均${dRng.float(1.5, 9).toFixed(2)}元/户`,
        commonRevenue: {
          income: `${updatedOn.slice(0, 4)}年公共收益收入${(income / 10000).toFixed(2)}万元（广告位、临时停车、场地租赁）`,
          spending: `支出${(spending / 10000).toFixed(2)}万元（公共设施维修、文化活动），结余${((income - spending) / 10000).toFixed(2)}万元，单独建账`,
        },
        maintenanceFund:
          dRng.chance(0.4)
            ? `${updatedOn.slice(0, 4)}年使用专项维修资金${dRng.float(2, 60).toFixed(2)}万元，用于${dRng.pick(['屋面防水维修', '外墙脱落修复', '二次供水设施改造', '消防管网更换', '电梯主要部件更换'])}`
            : `${updatedOn.slice(0, 4)}年未使用专项维修资金`,
        elevatorSpending: hasElevator
          ? `${updatedOn.slice(0, 4)}年1—${Number(updatedOn.slice(5, 7))}月电梯维保支出${dRng.float(1, 30).toFixed(2)}万元`
          : '无',
        updatedOn,
      },
      createdAt: at(updatedOn, 14),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Practitioner records: good (SN 9) and bad (SN 13)

  const rRng = root.fork('records');
  const districtBureauName = (districtId: string) => orgName.get(orgId.district.get(districtId)!)!;
  const streetOfficeOf = (p: ProjectInfo) => orgName.get(orgId.street.get(p.street.id)!)!;
  const activePeople = people.filter((x) => x.status === 'active');
  const eligible = activePeople.filter((x) => x.hiredOn <= addDays(REF, -60));
  const associationPerYear = new Map<string, number>();
  const goodPicked = rRng.sample(eligible, 300);
  for (const person of goodPicked) {
    const p = projectById.get(person.projectId)!;
    const occurredOn = rRng.date(maxDate(person.hiredOn, addDays(REF, -730)), addDays(REF, -7));
    const year = occurredOn.slice(0, 4);
    let type = rRng.weighted<(typeof GOOD_RECORD_TYPES)[number]>([
      ['政府部门表彰', 18],
      ['行业协会表彰', 25],
      ['业主书面表扬', 42],
      ['从业表现突出', 15],
    ]);
    if (type === '行业协会表彰' && (associationPerYear.get(year) ?? 0) >= policy.associationCommendationsPerYear - 20) type = '业主书面表扬';
    if (type === '行业协会表彰') associationPerYear.set(year, (associationPerYear.get(year) ?? 0) + 1);
    let issuer: string;
    let description: string;
    const prevYear = String(Number(year) - 1);
    switch (type) {
      case '政府部门表彰':
        issuer = rRng.pick([districtBureauName(p.districtId), '遂宁市住房和城乡建设局', `${streetOfficeOf(p)}`]);
        description = rRng.pick([
          `被${issuer}评为“${prevYear}年度优秀物业服务从业人员”`,
          `在${year}年汛期防汛抢险工作中表现突出，获${issuer}通报表扬`,
          `在创建全国文明城市迎检工作中表现突出，获${issuer}书面表扬`,
          `获${issuer}“${prevYear}年度物业服务先进个人”称号`,
        ]);
        break;
      case '行业协会表彰':
        issuer = '遂宁市物业管理协会';
        description =
          person.post === '项目负责人'
            ? `获遂宁市物业管理协会“${prevYear}年度优秀物业项目经理”称号`
            : rRng.pick([`获遂宁市物业管理协会“${prevYear}年度物业服务之星”称号`, `获遂宁市物业管理协会“最美物业人”称号`, `在遂宁市物业服务技能竞赛中获${rRng.pick(['一', '二', '三'])}等奖`]);
        break;
      case '业主书面表扬':
        issuer = `${p.name}业主`;
        description = rRng.pick([
          `${p.name}业主赠送锦旗“服务周到 热情为民”，感谢其及时处理家中水管爆裂`,
          `${p.name}${rRng.int(1, 18)}栋业主致感谢信，感谢其帮助独居老人就医`,
          `${p.name}业主赠送锦旗“拾金不昧 品德高尚”，感谢其归还遗失的钱包`,
          `${p.name}业主联名致感谢信，表扬其耐心细致处理报修`,
          `${p.name}业主赠送锦旗“尽职尽责 守护家园”，感谢其夜间及时处置电梯困人`,
        ]);
        break;
      default:
        issuer = companyById.get(person.companyId)!.name;
        description = rRng.pick([
          `${p.name}突发停电时第一时间到场组织抢修，参与人员：${person.name}等${rRng.int(2, 5)}人（附现场照片）`,
          `${p.name}地下车库进水时连夜组织排水，避免业主车辆受损，参与人员：${person.name}等${rRng.int(3, 6)}人（附现场照片）`,
          `成功处置${p.name}${rRng.int(1, 20)}栋楼道电瓶车起火，未造成人员伤亡，参与人员：${person.name}等${rRng.int(2, 4)}人（附现场照片）`,
        ]);
    }
    // SN 12: the company files within 5 days of receiving the document; about one in ten is late.
    const receivedOn = minDate(addDays(occurredOn, rRng.int(0, 2)), REF);
    const filedOn = minDate(addDays(receivedOn, rRng.chance(0.1) ? rRng.int(6, 12) : rRng.int(0, 5)), REF);
    data.practitionerRecords.push({
      id: uuid(),
      practitionerId: person.id,
      kind: 'good',
      type,
      occurredOn,
      issuer,
      description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: 'approved',
      // Association commendations are filed by the association (SN 10); the others by the company.
      reportedBy: type === '行业协会表彰' ? orgId.association : null,
      receivedOn: type === '行业协会表彰' ? null : receivedOn,
      filedOn,
      participants: type === '从业表现突出' ? (description.match(/参与人员：([^（]+)/)?.[1] ?? null) : null,
      decidedAt: at(minDate(addDays(filedOn, rRng.int(1, 4)), REF), 16, rRng.int(0, 59)),
      createdAt: at(filedOn, 10, rRng.int(0, 59)),
    });
  }

  const badWeights = [6, 3, 8, 4, 30, 3, 5, 3, 3, 8, 7];
  const goodIds = new Set(goodPicked.map((x) => x.id));
  const badPool = eligible.filter((x) => !goodIds.has(x.id));
  for (const [i, person] of rRng.sample(badPool, 80).entries()) {
    const p = projectById.get(person.projectId)!;
    const t = rRng.weighted(BAD_RECORD_TYPES.map((ty, k) => [k, badWeights[k]] as const));
    const occurredOn = rRng.date(maxDate(person.hiredOn, addDays(REF, -720)), addDays(REF, -10));
    const bureau = districtBureauName(p.districtId);
    const street = streetOfficeOf(p);
    const court = `${DISTRICT_NAMES[p.districtId] === '射洪市' ? '射洪市' : p.districtId === '510903' ? '遂宁市船山区' : p.districtId === '510904' ? '遂宁市安居区' : DISTRICT_NAMES[p.districtId]}人民法院`;
    const [issuer, description] = (
      [
        [bureau, `因在${p.name}擅自占用消防通道设置收费岗亭，被${bureau}予以警告并处罚款${rRng.pick([500, 1000, 2000])}元`],
        [court, `在与业主的物业服务纠纷中擅自对业主停水，被${court}判决认定负有个人责任`],
        [bureau, `在${bureau}开展从业人员信息核查时，个人信息变更后未按规定更新，且拒不提供相关资料`],
        ['遂宁市物业管理协会', '违反《遂宁市物业服务行业自律公约》，在小区内张贴侮辱业主的欠费公告，被遂宁市物业管理协会公开谴责'],
        [street, rRng.pick([`${p.name}业主投诉其态度恶劣、辱骂业主，经${street}核实负有责任`, `${p.name}业主投诉其报修推诿拖延，经${street}核实负有责任`, `${p.name}业主投诉其私自收取装修押金不予退还，经${street}核实负有责任`])],
        [bureau, `遂宁日报报道${p.name}电梯长期故障无人处置，经${bureau}核实相关人员负有责任`],
        [bureau, rRng.pick(['提交的电工特种作业操作证经核查系伪造', '在季度考核中虚报设施设备巡检记录，经核查不属实'])],
        [bureau, `${p.name}发生${rRng.pick(['高空坠物致行人受伤', '电梯维修期间未设置警示致业主摔伤'])}事故，经${bureau}调查确认其负有管理责任`],
        [street, `处置${p.name}车位纠纷方式不当，引发业主聚集并形成网络舆情，经${street}认定负有责任`],
        [bureau, `在${bureau}开展的物业服务质量与消防安全检查中拒不提供巡查记录，限期整改后仍整改不到位`],
        [street, rRng.pick(['在岗期间饮酒并与业主发生冲突', '擅自将小区公共区域出租谋取私利'])],
      ] as const
    )[t];
    // Who brought it to the district (SN 14): the street office or the association reported it with evidence; a
    // finding of the bureau (or of a court, entered by the bureau) was entered directly. Pending ones are reports.
    const pending = i < 4;
    const reporter = issuer === street ? orgId.street.get(p.street.id)! : issuer === '遂宁市物业管理协会' ? orgId.association : pending ? null : orgId.district.get(p.districtId)!;
    const isReport = pending || reporter !== orgId.district.get(p.districtId);
    const receivedOn = isReport ? minDate(addDays(occurredOn, rRng.int(0, 2)), REF) : null;
    const filedOn = minDate(addDays(receivedOn ?? occurredOn, rRng.chance(0.15) ? rRng.int(4, 8) : rRng.int(1, 3)), REF);
    const recordedOn = minDate(addDays(filedOn, isReport ? rRng.int(1, 5) : 0), REF);
    const noticeCode = pending ? null : rRng.chars('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 12);
    const recordId = uuid();
    data.practitionerRecords.push({
      id: recordId,
      practitionerId: person.id,
      kind: 'bad',
      type: BAD_RECORD_TYPES[t],
      occurredOn,
      issuer,
      description,
      companyId: person.companyId,
      projectId: person.projectId,
      status: pending ? 'submitted' : 'approved',
      reportedBy: reporter,
      receivedOn,
      filedOn,
      decidedAt: pending ? null : at(recordedOn, 16, rRng.int(0, 59)),
      noticeCode,
      createdAt: at(filedOn, 15, rRng.int(0, 59)),
    });
    // 两书同达: the employer was told when the record was entered.
    if (noticeCode) {
      const facts = { name: person.name, type: BAD_RECORD_TYPES[t], description, occurredOn, issuer, bureau, recordedOn, noticeCode };
      data.notices.push({
        id: rRng.uuid(),
        kind: 'record_notice',
        companyId: person.companyId,
        practitionerId: person.id,
        districtId: p.districtId,
        ...badRecordEmployerNotice(facts),
        relatedType: 'practitioner_record',
        relatedId: recordId,
        status: 'closed',
        createdAt: at(recordedOn, 16, 30),
      });
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // Company credit records: performance (red) and warning (black)

  const wRng = root.fork('credit');
  const ownProjects = new Map<string, ProjectInfo[]>();
  for (const p of projects) ownProjects.set(p.companyId, [...(ownProjects.get(p.companyId) ?? []), p]);
  type CreditRow = Row<typeof schema.creditRecords>;

  /** An estate the company served on that date (its current contract had started). */
  const projectServedOn = (c: CompanyInfo, on: string) => {
    const own = ownProjects.get(c.id)!;
    const served = own.filter((p) => p.contractStart <= on);
    return wRng.pick(served.length ? served : own);
  };
  const addPerformance = (c: CompanyInfo, occurredOn: string, opt: { type?: string; status?: 'approved' | 'submitted'; p?: ProjectInfo } = {}) => {
    const [type, lo, hi] = opt.type ? (PERFORMANCE_TYPES.find((x) => x[0] === opt.type) ?? [opt.type, 2, 4]) : wRng.pick(PERFORMANCE_TYPES);
    const p = opt.p ?? projectServedOn(c, occurredOn);
    occurredOn = maxDate(occurredOn, p.contractStart);
    const pts = wRng.int(lo, hi);
    const submitted = opt.status === 'submitted';
    const confirmedOn = minDate(addDays(occurredOn, wRng.int(5, 15)), addDays(REF, -1));
    const issuer = type.includes('省级') ? '四川省住房和城乡建设厅' : type.includes('市级') || type.includes('文明城市') ? '遂宁市住房和城乡建设局' : districtBureauName(p.districtId);
    const row: CreditRow = {
      id: uuid(),
      companyId: c.id,
      projectId: p.id,
      category: 'performance',
      type,
      occurredOn,
      description: `${p.name}${type}（${issuer}${occurredOn.slice(0, 4)}年${Number(occurredOn.slice(5, 7))}月发文）`,
      proposedPoints: money(pts),
      points: submitted ? null : money(pts),
      status: submitted ? 'submitted' : 'approved',
      confirmedAt: submitted ? null : at(confirmedOn, 16),
      publishedOn: submitted ? null : confirmedOn,
      publicUntil: submitted ? null : addMonths(confirmedOn, policy.performancePublicityMonths),
      reportedBy: null,
      policyVersion: 1,
      createdAt: at(addDays(occurredOn, 2), 9),
    };
    data.creditRecords.push(row);
    return row;
  };

  const addWarning = (
    c: CompanyInfo,
    occurredOn: string,
    severity: Severity,
    opt: {
      type?: string;
      points?: number;
      penalty?: boolean;
      veto?: (typeof schema.vetoType.enumValues)[number];
      status?: 'approved' | 'submitted' | 'repaired';
      p?: ProjectInfo;
      repairedOn?: string;
      description?: string;
      unpublishedPenalty?: boolean;
      decisionOn?: string;
    } = {},
  ) => {
    const p = opt.p ?? projectServedOn(c, occurredOn);
    occurredOn = maxDate(occurredOn, p.contractStart);
    const type =
      opt.type ?? (opt.penalty ? wRng.pick(PENALTY_TYPES) : wRng.pick(WARNING_TYPES.filter(([, s]) => s === severity))[0]);
    const pts = opt.points ?? (severity === '轻微' ? wRng.int(1, 2) : severity === '一般' ? wRng.int(3, 5) : wRng.int(6, 10));
    const submitted = opt.status === 'submitted';
    const fromStreet = !opt.penalty && !opt.veto && wRng.chance(0.6);
    const reporter = fromStreet ? orgId.street.get(p.street.id)! : orgId.district.get(p.districtId)!;
    const decisionOn = opt.penalty ? (opt.decisionOn ?? addDays(occurredOn, wRng.int(10, 30))) : null;
    const confirmedOn = opt.penalty ? decisionOn! : minDate(addDays(occurredOn, wRng.int(4, 12)), addDays(REF, -1));
    let publishedOn: string | null = submitted ? null : opt.penalty ? addWorkingDays(decisionOn!, wRng.int(2, 6)) : addDays(confirmedOn, wRng.int(0, 2));
    if (opt.unpublishedPenalty) publishedOn = null;
    const [minM, maxM] = policy.warningPublicityMonths[severity];
    const windowFrom = publishedOn ?? confirmedOn;
    const row: CreditRow = {
      id: uuid(),
      companyId: c.id,
      projectId: p.id,
      category: 'warning',
      type,
      occurredOn,
      description:
        opt.description ??
        (opt.penalty
          ? `${districtBureauName(p.districtId)}对${c.name}（${p.name}）作出行政处罚决定：${type.replace('行政处罚：', '')}，处警告并罚款${wRng.pick([5000, 10000, 20000, 30000])}元`
          : `${orgName.get(reporter)}在日常巡查中发现${p.name}${type}，已责令限期整改`),
      proposedPoints: money(opt.points ?? pts + (fromStreet && wRng.chance(0.3) ? 1 : 0)),
      points: submitted ? null : money(pts),
      severity,
      isPenalty: !!opt.penalty,
      decisionOn,
      vetoType: opt.veto ?? null,
      status: opt.status ?? 'approved',
      confirmedAt: submitted ? null : at(confirmedOn, 16),
      publishedOn,
      minPublicUntil: submitted ? null : addMonths(windowFrom, minM),
      publicUntil: submitted ? null : addMonths(windowFrom, maxM),
      repairedOn: opt.repairedOn ?? null,
      reportedBy: reporter,
      policyVersion: 1,
      createdAt: at(addDays(occurredOn, 1), 9),
    };
    data.creditRecords.push(row);
    return row;
  };

  // Designed stories.
  const role = (r: string) => byRole.get(r)!;
  const demoProjects = ownProjects.get(demoCompany.id)!;
  addPerformance(demoCompany, '2025-03-12', { type: '参与防汛救灾表现突出', p: demoProjects[1] });
  addPerformance(demoCompany, '2025-12-18', { type: '参与应急抢险表现突出', p: demoProjects[2] });
  addPerformance(demoCompany, '2026-03-20', { type: '获评市级优秀物业服务项目', p: demoProjects[0] });
  addPerformance(demoCompany2, '2026-05-08', { type: '协助创建全国文明城市表现突出' });
  addPerformance(demoCompany2, '2026-10-20', { type: '获评“红色物业”示范项目', status: 'submitted' });
  addWarning(demoCompany2, '2025-09-16', '轻微', { type: '公示栏信息未按年度更新', points: 1 });
  const company2Warning = addWarning(demoCompany2, '2026-06-03', '一般', { type: '消防通道堵塞未及时整改', points: 3 });

  const two = role('twoYears');
  addWarning(two, '2024-03-11', '一般', { points: 4 });
  addWarning(two, '2024-07-22', '一般', { points: 5, penalty: true });
  addWarning(two, '2024-11-05', '轻微', { points: 2 });
  addWarning(two, '2025-02-17', '一般', { points: 4 });
  addWarning(two, '2025-06-09', '一般', { points: 5 });
  addWarning(two, '2025-10-13', '轻微', { points: 2 });
  addWarning(two, '2026-04-21', '一般', { points: 3 });

  const vetoRecord = addWarning(vetoCompany, VETO_EXIT, '严重', {
    type: '一票否决：在物业服务合同有效期内无正当理由擅自退出管理项目',
    veto: '合同期内无正当理由撤离',
    points: 10,
    p: vetoLost,
    description: `${vetoCompany.name}在${vetoLost.name}物业服务合同有效期内（至2027年2月28日）以经营亏损为由擅自撤出，未办理交接，经${districtBureauName('510904')}认定属于一票否决情形（DW 11）`,
  });
  addWarning(vetoCompany, '2025-05-14', '一般', { points: 4 });

  addWarning(role('poor1'), '2026-05-19', '一般', { points: 4 });
  addWarning(role('poor2'), '2026-06-25', '一般', { points: 3 });
  addWarning(role('poor2'), '2025-08-02', '轻微', { points: 2 });

  addWarning(role('severeA'), '2026-02-09', '严重', { type: '电梯困人事故处置不当', points: 8 });
  addWarning(role('severeA'), '2025-04-22', '一般', { points: 3 });
  addWarning(role('severeB'), '2025-08-14', '严重', { type: '发生安全责任事故', points: 7 });
  addWarning(role('severeB'), '2025-11-27', '一般', { points: 4, penalty: true });

  addWarning(role('low3'), '2025-01-20', '一般', { points: 5 });
  addWarning(role('low3'), '2025-05-26', '一般', { points: 4 });
  addWarning(role('low3'), '2025-10-09', '一般', { points: 3, penalty: true });

  addWarning(role('repaired'), '2024-03-05', '严重', {
    type: '擅自挪用公共收益',
    points: 7,
    status: 'repaired',
    repairedOn: '2025-06-20',
  });
  addWarning(role('passedRect'), '2026-03-10', '一般', { points: 3 });

  // The banned company's file before the ban (2024), on the estates it later lost.
  addWarning(banned, '2024-02-26', '一般', { points: 5, p: bannedLost[0], type: '未按合同约定履行服务义务' });
  addWarning(banned, '2024-06-18', '一般', { points: 5, p: bannedLost[1], type: '消防设施设备维护不到位', penalty: true });
  addWarning(banned, '2024-09-09', '一般', { points: 4, p: bannedLost[2], type: '拒不配合主管部门检查' });

  // Ordinary companies: some clean (green channel), some with ordinary warnings.
  const ordinaryPool = ordinary.filter((c) => c.role === 'ordinary');
  const shuffled = wRng.shuffle(ordinaryPool);
  const clean = new Set(shuffled.slice(0, 11).map((c) => c.id));
  const warned = shuffled.filter((c) => !clean.has(c.id));
  let warnings = data.creditRecords.filter((r) => r.category === 'warning').length;
  const penaltyBudget = { n: 7 };
  while (warnings < 118) {
    const c = wRng.weighted(warned.map((o) => [o, 1 + o.size / 4] as const));
    const severity: Severity = wRng.weighted([
      ['轻微', 55],
      ['一般', 45],
    ]);
    const occurredOn = wRng.date('2024-01-05', addDays(REF, -12));
    const p = projectServedOn(c, occurredOn);
    const penalty = severity === '一般' && penaltyBudget.n > 0 && occurredOn <= addDays(REF, -60) && wRng.chance(0.2);
    if (penalty) penaltyBudget.n--;
    addWarning(c, maxDate(occurredOn, p.contractStart), severity, { p, penalty });
    warnings++;
  }
  // A penalty decided 4 working days ago and not yet published (the 7-working-day deadline approaches).
  addWarning(wRng.pick(warned), addWorkingDays(REF, -24), '一般', {
    penalty: true,
    unpublishedPenalty: true,
    decisionOn: addWorkingDays(REF, -4),
    points: 3,
  });
  // Two warnings reported by streets and awaiting the bureau's confirmation of points.
  for (const c of wRng.sample(warned, 2)) addWarning(c, wRng.date(addDays(REF, -20), addDays(REF, -3)), '一般', { status: 'submitted' });

  // Performance records for the companies not on a black-list path.
  const perfPool = ordinary.filter((c) => !blackRoles.has(c.role) && c.role !== 'low3');
  let perf = data.creditRecords.filter((r) => r.category === 'performance').length;
  while (perf < 60) {
    const c = wRng.weighted(perfPool.map((o) => [o, o.role === 'excellent' ? 6 : clean.has(o.id) ? 3 : 1] as const));
    addPerformance(c, wRng.date(addDays(REF, -700), addDays(REF, -10)));
    perf++;
  }

  // When each record's filer received the document or found the facts; the notice of every confirmed warning
  // record (两书同达) with its code; and one credit-repair application awaiting the bureau. Drawn from a generator
  // of their own, so that the rest of the city is unchanged.
  const nRng = new Rng(`${seed}:credit-notices`);
  const noticeCode = () => Array.from({ length: TRACKING_LENGTH }, () => nRng.pick(TRACKING_ALPHABET.split(''))).join('');
  for (const r of data.creditRecords) {
    r.receivedOn = r.isPenalty ? r.decisionOn : r.occurredOn;
    if (r.category !== 'warning' || r.status === 'submitted' || !r.severity) continue;
    const c = companyById.get(r.companyId)!;
    const p = projectById.get(r.projectId!)!;
    r.noticeCode = noticeCode();
    const text = warningNoticeText(
      {
        companyName: c.name,
        projectName: p.name,
        type: r.type,
        occurredOn: r.occurredOn,
        description: r.description,
        severity: r.severity,
        points: r.points!,
        isPenalty: !!r.isPenalty,
        decisionOn: r.decisionOn ?? null,
        publishedOn: r.publishedOn ?? null,
        minPublicUntil: r.minPublicUntil ?? null,
        publicUntil: r.publicUntil ?? null,
        issuer: r.issuer ?? null,
      },
      r.noticeCode,
      policy,
    );
    data.notices.push({
      id: nRng.uuid(),
      kind: 'record_notice',
      companyId: c.id,
      districtId: p.districtId,
      title: text.title,
      body: text.body,
      relatedType: 'credit_record',
      relatedId: r.id,
      createdAt: r.confirmedAt as Date,
    });
  }
  {
    const r = company2Warning;
    const filedOn = addWorkingDays(REF, -2);
    data.submissions.push({
      id: nRng.uuid(),
      type: 'credit_repair',
      status: 'submitted',
      companyId: r.companyId,
      districtId: projectById.get(r.projectId!)!.districtId,
      projectId: r.projectId,
      subjectType: 'credit_record',
      subjectId: r.id,
      payload: {
        recordId: r.id,
        rectification: '已清理消防通道内堆放的杂物和电动车，设置禁停标识和隔离桩，安排秩序维护员每日两次巡查并建立台账；业主委员会已现场确认。',
        evidenceAttachmentIds: [],
        commitmentAttachmentId: null,
      },
      decideBy: repairDecideBy(filedOn, policy),
      priority: 0,
      submittedBy: null,
      submittedAt: at(filedOn, 15),
      createdAt: at(filedOn, 15),
      updatedAt: at(filedOn, 15),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Quarterly estate ratings

  const qRng = root.fork('ratings');
  const rated = projects.filter(residential);
  const forced = new Map<string, number[]>();
  const pickEstate = (companyId: string, districtId?: string) =>
    qRng.pick(rated.filter((p) => p.companyId === companyId && (!districtId || p.districtId === districtId) && !forced.has(p.id)));
  const poorA = pickEstate(role('poor1').id);
  const poorB = pickEstate(role('poor2').id);
  const rectified = pickEstate(role('passedRect').id);
  forced.set(poorA.id, [78.5, qRng.float(66, 73), qRng.float(64, 72), qRng.float(65, 73)]);
  forced.set(poorB.id, [qRng.float(76, 80), qRng.float(68, 74), qRng.float(66, 73), qRng.float(67, 74)]);
  forced.set(rectified.id, [qRng.float(68, 73), qRng.float(66, 72), qRng.float(69, 74), qRng.float(80, 84)]);
  const excellentEstates = [
    pickEstate(demoCompany.id, '510903'),
    pickEstate(demoCompany.id, '510981'),
    pickEstate(role('excellent').id),
    pickEstate(role('excellent').id),
  ];
  for (const p of excellentEstates) forced.set(p.id, [qRng.float(88, 92), qRng.float(90.5, 96), qRng.float(91, 97), qRng.float(90.5, 96)]);

  // An estate on the brink: 差 in the last two published quarters (2026Q2, Q3), so one more 差 in 2026Q4 puts its
  // company on the black list (DW 14) — the demo of publication, used by tests/e2e/ratings.spec.ts. Chosen without
  // drawing from the generator, and its scores are overwritten after the usual draws, so the rest of the city is unchanged.
  const brink = rated.find((p) => p.districtId === '510903' && !forced.has(p.id) && companyById.get(p.companyId)!.role === 'ordinary')!;
  const BRINK_SCORES = [81.5, 80, 72.5, 71];
  const ratingsByProject = new Map<string, { score: number; rating: Rating; companyId: string }[]>();
  for (const p of rated) {
    const c = companyById.get(p.companyId)!;
    const mean = qRng.normal(c.quality, 2.6);
    let scores = forced.get(p.id) ?? QUARTERS.map(() => qRng.normal(mean, 2.4, 60, 99));
    if (!forced.has(p.id)) {
      // No accidental three-in-a-row 差 (those are designed), and none of 优秀 for companies on a black-list path.
      scores = scores.map((s) => Math.max(s, 70));
      for (let i = 0; i + 2 < 4; i++) {
        if (scores.slice(i, i + 3).every((s) => s < policy.estateRating.good)) scores[i + 1] = 76 + qRng.float(0, 3);
      }
      if (blackRoles.has(c.role) || c.role === 'passedRect') scores = scores.map((s) => Math.min(s, 89.5));
      if (p === brink) scores = BRINK_SCORES;
    }
    const rows = scores.map((s, i) => {
      const score = Math.round(s * 10) / 10;
      const q = QUARTERS[i];
      // The estate changed hands during the year: the rating goes to the company serving it at the quarter's end.
      const companyId = p.contractStart <= q.end ? p.companyId : (contractsByProject.get(p.id)!.find((k) => k.companyId !== p.companyId)?.companyId ?? p.companyId);
      return { score, rating: ratingOf(score, policy), companyId, q };
    });
    ratingsByProject.set(p.id, rows);
    for (const r of rows) {
      data.estateRatings.push({
        id: uuid(),
        projectId: p.id,
        companyId: r.companyId,
        year: r.q.year,
        quarter: r.q.quarter,
        inspectionScore: r.score.toFixed(2),
        rating: r.rating,
        ratedBy: p.districtId === '510903' ? userId.chuanshan : p.districtId === '510981' ? userId.shehong : null,
        policyVersion: 1,
        createdAt: at(addDays(r.q.end, qRng.int(3, 10)), 11),
      });
    }
  }
  for (const q of QUARTERS) {
    data.ratingPublications.push({ id: uuid(), year: q.year, quarter: q.quarter, publishedBy: userId.city, publishedAt: at(q.published, 10) });
  }

  // ------------------------------------------------------------------------------------------------------
  // Annual evaluations (2025 for every approved company; 2024 for a few)

  const evalYear = (c: CompanyInfo, year: number, computedOn: string, publishedOn: string) => {
    const inYear = data.creditRecords.filter(
      (r) => r.companyId === c.id && r.status === 'approved' && r.points != null && r.occurredOn.startsWith(String(year)),
    );
    const veto = inYear.find((r) => r.vetoType);
    const breakdown = inYear
      .filter((r) => r.category !== 'basic')
      .sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : 1))
      .map((r) => ({
        recordId: r.id,
        label: `${r.category === 'performance' ? '业绩' : '警示'}：${r.type}（${r.occurredOn}）`,
        points: r.category === 'performance' ? Number(r.points) : -Number(r.points),
        countsUntil: r.publicUntil ?? null,
      }));
    const raw = policy.annualBaseScore + breakdown.reduce((s, b) => s + b.points, 0);
    const score = Math.max(0, Math.min(policy.annualBaseScore, raw));
    const row: Row<typeof schema.annualEvaluations> = {
      id: uuid(),
      companyId: c.id,
      year,
      score: veto ? null : money(score),
      grade: veto ? 'D' : gradeOf(score, policy),
      vetoed: !!veto,
      breakdown,
      policyVersion: 1,
      computedAt: at(computedOn, 10),
      publishedAt: at(publishedOn, 10),
    };
    data.annualEvaluations.push(row);
    return row;
  };
  const eval2024Companies = [two, banned, role('repaired'), role('low3'), ...wRng.sample(ordinaryPool, 6), demoCompany, demoCompany2];
  // Companies approved during 2024 have no 2024 evaluation.
  eval2024Companies.splice(0, eval2024Companies.length, ...eval2024Companies.filter((c) => c.approvedOn! < '2024-01-01'));
  for (const c of eval2024Companies) evalYear(c, 2024, '2025-01-10', '2025-01-20');
  for (const c of approvedCompanies) evalYear(c, 2025, '2026-01-10', '2026-01-20');

  // Interviews and risk-warning letters (ZT 五.3) for every evaluation below 90.
  for (const e of data.annualEvaluations) {
    if (e.vetoed || Number(e.score) >= policy.interviewBelow) continue;
    const c = companyById.get(e.companyId)!;
    const on = addDays(String(e.publishedAt!.toISOString().slice(0, 10)), 7);
    data.notices.push({
      id: uuid(),
      kind: 'interview',
      companyId: c.id,
      districtId: c.districtId,
      title: `${e.year}年度信用评价约谈及风险提示`,
      body: `${c.name}${e.year}年度信用评价得分为${Number(e.score).toFixed(2)}分，低于${policy.interviewBelow}分。依据《昭通市加强和规范物业管理服务工作的指导意见》五.3，定于${on}进行约谈，并下发风险提示函。`,
      relatedType: 'annual_evaluation',
      relatedId: e.id,
      dueOn: on,
      status: 'closed',
      createdAt: at(addDays(on, -5), 9),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Red and black lists, derived from the records above

  const addEntry = (e: {
    companyId: string;
    projectId?: string | null;
    list: 'red' | 'black';
    reason: string;
    rule: string;
    since: string;
    until: string | null;
    status?: 'active' | 'rectifying' | 'removed' | 'expired';
    endedOn?: string;
    endReason?: string;
    sourceRecordId?: string | null;
  }) => {
    const status = e.status ?? (e.until && e.until <= REF ? 'expired' : 'active');
    const endedOn = e.endedOn ?? (status === 'expired' ? e.until! : null);
    const endReason = e.endReason ?? (status === 'expired' ? '公示期满，自动移出' : null);
    const id = uuid();
    data.listEntries.push({
      id,
      companyId: e.companyId,
      projectId: e.projectId ?? null,
      list: e.list,
      reason: e.reason,
      rule: e.rule,
      since: e.since,
      until: e.until,
      status,
      endedOn,
      endReason,
      sourceRecordId: e.sourceRecordId ?? null,
      policyVersion: 1,
      createdAt: at(e.since, 9),
    });
    const listName = e.list === 'red' ? '红榜' : '黑榜';
    const cName = companyById.get(e.companyId)!.name;
    data.listEvents.push({
      id: uuid(),
      entryId: id,
      companyId: e.companyId,
      event: 'added',
      detail: `${cName}列入${listName}：${e.reason}${e.until ? `（预计${e.until}移出）` : ''}`,
      at: at(e.since, 9),
    });
    if (status === 'removed' || status === 'expired') {
      data.listEvents.push({
        id: uuid(),
        entryId: id,
        companyId: e.companyId,
        event: status === 'removed' ? 'removed' : 'expired',
        detail: `${cName}移出${listName}：${endReason}`,
        at: at(endedOn!, 9),
      });
    }
  };

  // DW 8: performance records are on the red list for their publicity period.
  for (const r of data.creditRecords) {
    if (r.category !== 'performance' || r.status !== 'approved') continue;
    const p = projectById.get(r.projectId!)!;
    addEntry({
      companyId: r.companyId,
      projectId: r.projectId,
      list: 'red',
      reason: `业绩信用信息：${p.name}${r.type}（加${Number(r.points)}分）`,
      rule: 'DW8-performance',
      since: r.publishedOn!,
      until: r.publicUntil!,
      sourceRecordId: r.id,
    });
  }

  // DW 14: three ratings in a row.
  const flags = data.companyFlags;
  for (const p of rated) {
    const rows = ratingsByProject.get(p.id)!;
    for (const kind of ['优秀', '差'] as const) {
      const i = [0, 1].find((k) => rows.slice(k, k + 3).every((r) => r.rating === kind));
      if (i === undefined) continue;
      const q3 = QUARTERS[i + 2];
      const companyId = rows[i + 2].companyId;
      const period = `${quarterLabel(i)}至${quarterLabel(i + 2)}`;
      if (kind === '优秀') {
        const until = addDays(addYears(q3.published, 1), -1);
        addEntry({
          companyId,
          projectId: p.id,
          list: 'red',
          reason: `${p.name}${period}连续三次评定为“优秀”`,
          rule: 'DW14-three-excellent',
          since: q3.published,
          until,
        });
        flags.push({
          id: uuid(),
          companyId,
          projectId: p.id,
          flag: 'incentive',
          reason: `${p.name}连续三次评定为“优秀”（DW 14）：优先晋升信用等级，评先创优同等条件优先，日常检查不作重点监管，可参加上级优秀小区、优秀企业评选及前期物业管理投标`,
          since: q3.published,
          until,
          createdAt: at(q3.published, 9),
        });
      } else {
        const until = addDays(q3.published, policy.rectificationDays);
        const passed = p === rectified;
        const endedOn = passed ? addDays(until, -3) : undefined;
        addEntry({
          companyId,
          projectId: p.id,
          list: 'black',
          reason: `${p.name}${period}连续三次评定为“差”，项目进入${policy.rectificationDays}天整改期，整改期内重点监管，不得参加评优活动`,
          rule: 'DW14-three-poor',
          since: q3.published,
          until,
          status: passed ? 'removed' : 'rectifying',
          endedOn,
          endReason: passed ? '整改期内复查验收合格，移出黑榜' : undefined,
        });
        flags.push({
          id: uuid(),
          companyId,
          projectId: p.id,
          flag: 'key_supervision',
          reason: `${p.name}连续三次评定为“差”，整改期内重点监管（DW 14）`,
          since: q3.published,
          until: endedOn ?? until,
          createdAt: at(q3.published, 9),
        });
      }
    }
  }

  // DW 11: one-vote veto.
  addEntry({
    companyId: vetoCompany.id,
    projectId: vetoLost.id,
    list: 'black',
    reason: `一票否决：在${vetoLost.name}物业服务合同有效期内无正当理由擅自退出管理项目，取消综合信用评价资格`,
    rule: 'DW11-veto',
    since: vetoRecord.publishedOn!,
    until: vetoRecord.publicUntil!,
    sourceRecordId: vetoRecord.id,
  });

  // Severe warnings are on the black list while public; a repaired one left it.
  for (const r of data.creditRecords) {
    if (r.category !== 'warning' || r.severity !== '严重' || r.vetoType || !r.publishedOn) continue;
    if (r.status !== 'approved' && r.status !== 'repaired') continue;
    const p = projectById.get(r.projectId!)!;
    addEntry({
      companyId: r.companyId,
      projectId: r.projectId,
      list: 'black',
      reason: `严重警示信用信息：${p.name}${r.type}（扣${Number(r.points)}分）`,
      rule: 'severe-warning',
      since: r.publishedOn,
      until: r.publicUntil!,
      sourceRecordId: r.id,
      ...(r.status === 'repaired' ? { status: 'removed' as const, endedOn: r.repairedOn!, endReason: '已完成信用修复，经主管部门同意移出黑榜' } : {}),
    });
  }

  // ZT 五.3: below 90 two years in a row.
  for (const c of approvedCompanies) {
    const e24 = data.annualEvaluations.find((e) => e.companyId === c.id && e.year === 2024);
    const e25 = data.annualEvaluations.find((e) => e.companyId === c.id && e.year === 2025);
    if (!e24 || !e25 || e24.vetoed || e25.vetoed) continue;
    if (Number(e24.score) >= policy.interviewBelow || Number(e25.score) >= policy.interviewBelow) continue;
    addEntry({
      companyId: c.id,
      list: 'black',
      reason: `连续两年信用评价得分低于${policy.interviewBelow}分（2024年度${Number(e24.score).toFixed(2)}分，2025年度${Number(e25.score).toFixed(2)}分）`,
      rule: 'ZT5.3-two-years',
      since: '2026-01-20',
      until: '2027-01-19',
      sourceRecordId: e25.id,
    });
  }

  // DW 14: the banned company — three 差 in 2024, failed rectification, market ban for three years.
  const bannedEstate = bannedLost[0];
  addEntry({
    companyId: banned.id,
    projectId: bannedEstate.id,
    list: 'black',
    reason: `${bannedEstate.name}2024年第1至3季度连续三次评定为“差”，项目进入${policy.rectificationDays}天整改期`,
    rule: 'DW14-three-poor',
    since: '2024-10-15',
    until: addDays('2024-10-15', policy.rectificationDays),
    status: 'removed',
    endedOn: MARKET_BAN_SINCE,
    endReason: '整改期满复查验收不合格，转为市场禁入',
  });
  addEntry({
    companyId: banned.id,
    projectId: bannedEstate.id,
    list: 'black',
    reason: `拒不整改、整改不合格，建议退出物业服务市场，${policy.marketBanYears}年内不得在本市从事物业管理活动，撤销备案`,
    rule: 'DW14-market-ban',
    since: MARKET_BAN_SINCE,
    until: bannedUntil,
  });
  flags.push({
    id: uuid(),
    companyId: banned.id,
    projectId: bannedEstate.id,
    flag: 'market_exit',
    reason: `整改不合格，建议退出物业服务市场，禁入至${bannedUntil}（DW 14）`,
    since: MARKET_BAN_SINCE,
    until: bannedUntil,
    createdAt: at(MARKET_BAN_SINCE, 9),
  });

  // CQ 三.(五): green channel for approved companies with no warning record in the last three years.
  const cleanFrom = addYears(REF, -policy.greenChannelCleanYears);
  const greenChannel = new Set<string>();
  for (const c of approvedCompanies) {
    if (!c.approvedOn || c.approvedOn > cleanFrom) continue;
    const warned3y = data.creditRecords.some((r) => r.companyId === c.id && r.category === 'warning' && r.occurredOn >= cleanFrom);
    if (warned3y) continue;
    greenChannel.add(c.id);
    flags.push({
      id: uuid(),
      companyId: c.id,
      flag: 'green_channel',
      reason: `连续${policy.greenChannelCleanYears}年无警示信用记录，办理事项优先受理（绿色通道）`,
      since: maxDate(addYears(c.approvedOn, policy.greenChannelCleanYears), '2024-01-01'),
      until: null,
      createdAt: at(maxDate(addYears(c.approvedOn, policy.greenChannelCleanYears), '2024-01-01'), 9),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Submissions waiting in the queues

  const qsRng = root.fork('submissions');
  for (const { person, labourContractOn, project } of pendingPeople) {
    const submittedOn = minDate(addDays(labourContractOn, qsRng.chance(0.15) ? qsRng.int(15, 25) : qsRng.int(1, 9)), REF);
    data.submissions.push({
      id: uuid(),
      type: 'practitioner_entry',
      status: 'submitted',
      companyId: person.companyId,
      districtId: project.districtId,
      projectId: project.id,
      subjectType: 'practitioner',
      subjectId: person.id,
      payload: {},
      dueOn: addWorkingDays(labourContractOn, policy.entryDeadlineWorkingDays),
      priority: greenChannel.has(person.companyId) ? 1 : 0,
      submittedBy: person.companyId === demoCompany.id ? userId.company : person.companyId === demoCompany2.id ? userId.company2 : null,
      submittedAt: at(submittedOn, 9, qsRng.int(0, 59)),
      createdAt: at(submittedOn, 9),
      updatedAt: at(submittedOn, 9),
    });
  }
  for (const c of others) {
    if (c.status === 'draft') continue;
    const row = companyRow.get(c.id)!;
    const version = data.companyVersions.find((v) => v.companyId === c.id)!;
    const submittedOn = qsRng.date(addDays(REF, -25), addDays(REF, -2));
    const rejected = c.status === 'rejected';
    data.submissions.push({
      id: uuid(),
      type: 'company_filing',
      status: rejected ? 'rejected' : 'submitted',
      companyId: c.id,
      districtId: row.districtId,
      subjectType: 'company',
      subjectId: c.id,
      payload: version.data as Record<string, unknown>,
      baseVersion: 0,
      submittedAt: at(submittedOn, 10),
      decidedBy: rejected ? userId.city : null,
      decidedAt: rejected ? at(addDays(submittedOn, 3), 15) : null,
      reason: rejected ? '营业执照扫描件不清晰，且申报的法定代表人与营业执照登记信息不一致，请核实后重新提交' : null,
      createdAt: at(submittedOn, 10),
      updatedAt: at(rejected ? addDays(submittedOn, 3) : submittedOn, 15),
    });
  }
  for (const r of data.creditRecords) {
    if (r.status !== 'submitted') continue;
    const p = projectById.get(r.projectId!)!;
    data.submissions.push({
      id: uuid(),
      type: r.category === 'performance' ? 'performance_record' : 'warning_record',
      status: 'submitted',
      companyId: r.companyId,
      districtId: p.districtId,
      projectId: p.id,
      subjectType: 'credit_record',
      subjectId: r.id,
      payload: { type: r.type, occurredOn: r.occurredOn, proposedPoints: r.proposedPoints, severity: r.severity ?? null },
      priority: greenChannel.has(r.companyId) ? 1 : 0,
      submittedBy: r.companyId === demoCompany2.id ? userId.company2 : null,
      submittedAt: r.createdAt as Date,
      createdAt: r.createdAt as Date,
      updatedAt: r.createdAt as Date,
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Demo users (SPEC §5)

  const userRow = (
    username: DemoUsername,
    role: (typeof schema.role.enumValues)[number],
    extra: Partial<Row<typeof schema.users>>,
  ): Row<typeof schema.users> => ({
    id: userId[username],
    username,
    displayName: ROLE_USER_NAMES[username],
    passwordHash: opts.passwordHashes[username],
    role,
    isDemo: true,
    mustChangePassword: false,
    ...extra,
  });
  data.users = [
    userRow('city', 'city', { organisationId: orgId.city }),
    userRow('chuanshan', 'district', { districtId: '510903', organisationId: orgId.district.get('510903') }),
    userRow('shehong', 'district', { districtId: '510981', organisationId: orgId.district.get('510981') }),
    userRow('company', 'company', { companyId: demoCompany.id }),
    userRow('company2', 'company', { companyId: demoCompany2.id }),
    userRow('association', 'association', { organisationId: orgId.association }),
    userRow('committee', 'committee', { organisationId: orgId.committee }),
    userRow('department', 'department', { organisationId: orgId.department }),
    userRow('street', 'street', { organisationId: orgId.street.get(committeeProject.street.id), districtId: committeeProject.districtId }),
  ];

  // DW 14 (二): three 良好 in a row → priority in grade upgrade and awards (a flag, no list entry). Made last so
  // that the ids drawn above stay as they were.
  for (const p of rated) {
    const rows = ratingsByProject.get(p.id)!;
    const i = [0, 1].find((k) => rows.slice(k, k + 3).every((r) => r.rating === '良好' && r.companyId === rows[k + 2].companyId));
    if (i === undefined) continue;
    const q3 = QUARTERS[i + 2];
    flags.push({
      id: uuid(),
      companyId: rows[i + 2].companyId,
      projectId: p.id,
      flag: 'upgrade_priority',
      reason: `${p.name}${quarterLabel(i)}至${quarterLabel(i + 2)}连续三次评定为“良好”（DW 14）：优先晋升信用等级；评先评优时在同等条件下优先考虑；服务的物业项目可参加上级优秀小区的评选`,
      since: q3.published,
      until: addYears(q3.published, 1),
      createdAt: at(q3.published, 9),
    });
  }

  // ------------------------------------------------------------------------------------------------------
  // Leak canaries (canaries.ts): three people with recognisable private values, current staff of three estates of
  // ordinary companies. Made last, with ids from their own generator and fixed values, so that nothing drawn above
  // changes: the rest of the city is the same with or without them.

  const canaryRng = new Rng(`canaries:${seed}`);
  const canaryFacts: DemoFacts['canaries'] = [];
  for (const c of CANARIES) {
    if (usedIds.has(c.idNumber) || usedMobiles.has(c.mobile)) throw new Error(`canary ${c.name} collides with a generated person`);
    usedIds.add(c.idNumber);
    usedMobiles.add(c.mobile);
    const estate = projects.findLast(
      (p) =>
        p.districtId === c.districtId &&
        residential(p) &&
        companyById.get(p.companyId)!.role === 'ordinary' &&
        p !== brink &&
        p !== committeeProject &&
        !forced.has(p.id) &&
        p.contractStart <= '2025-06-30' &&
        !canaryFacts.some((f) => f.projectId === p.id),
    );
    if (!estate) throw new Error(`no estate for canary ${c.name}`);
    const id = canaryRng.uuid();
    const hiredOn = maxDate(estate.contractStart, '2025-09-01');
    data.practitioners.push({
      id,
      ...protectIdNumber(c.idNumber, opts.keys),
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      ethnicity: c.ethnicity,
      nativePlace: c.nativePlace,
      photoId: null,
      politicalStatus: c.politicalStatus,
      mobile: c.mobile,
      school: c.school,
      major: c.major,
      education: c.education,
      skills: null,
      hiredOn,
      labourContractOn: hiredOn,
      status: 'active',
      version: 1,
      createdAt: at(addDays(hiredOn, 3), 10),
      updatedAt: at(addDays(hiredOn, 3), 10),
    });
    data.employments.push({
      id: canaryRng.uuid(),
      practitionerId: id,
      companyId: estate.companyId,
      projectId: estate.id,
      post: c.post,
      startDate: hiredOn,
      status: 'current',
      createdAt: at(hiredOn, 10),
    });
    canaryFacts.push({ name: c.name, practitionerId: id, projectId: estate.id, projectName: estate.name });
  }

  data.facts = {
    seed,
    referenceDate: REF,
    canaries: canaryFacts,
    company: { id: demoCompany.id, name: demoCompany.name, uscc: demoCompany.uscc },
    company2: { id: demoCompany2.id, name: demoCompany2.name, uscc: demoCompany2.uscc },
    committee: { organisationId: orgId.committee, name: committeeName, projectId: committeeProject.id, projectName: committeeProject.name },
    bannedCompany: { id: banned.id, name: banned.name },
    street: {
      organisationId: orgId.street.get(committeeProject.street.id)!,
      name: orgName.get(orgId.street.get(committeeProject.street.id)!)!,
      streetId: committeeProject.street.id,
    },
  };
  checkInvariants(data, policy);
  return data;
}

/** The promises of the brief and SPEC §5, checked before anything is written (a broken seed fails loudly). */
export function checkInvariants(d: DemoData, policy: CreditPolicy = defaultCreditPolicy) {
  const fail = (msg: string) => {
    throw new Error(`Demo seed invariant violated: ${msg}`);
  };
  if (d.companies.length < 45) fail('fewer than 45 companies');
  if (d.projects.length < 320) fail('fewer than 320 estates');
  if (d.practitioners.length < 5200) fail(`only ${d.practitioners.length} practitioners`);
  for (const k of d.serviceContracts) {
    const fees = Number(k.annualFees);
    const bond = Number(k.bondAmount);
    if (bond < fees * policy.bond.minShareOfAnnualFees - 1e-6 || bond > policy.bond.maxYuan) fail(`bond rule broken on contract ${k.id}`);
  }
  const current = new Map<string, number>();
  for (const e of d.employments) if (e.status === 'current') current.set(e.practitionerId, (current.get(e.practitionerId) ?? 0) + 1);
  for (const p of d.practitioners) {
    const n = current.get(p.id!) ?? 0;
    if (p.status === 'active' ? n !== 1 : n !== 0) fail(`practitioner ${p.id} (${p.status}) has ${n} current employments`);
  }
  const projectCompany = new Map(d.projects.map((p) => [p.id!, p.currentCompanyId]));
  for (const e of d.employments) {
    if (e.status === 'current' && projectCompany.get(e.projectId!) !== e.companyId) fail(`employment ${e.id} not at its company's estate`);
  }
  const managers = new Map<string, number>();
  for (const e of d.employments) if (e.status === 'current' && e.post === '项目负责人') managers.set(e.projectId!, (managers.get(e.projectId!) ?? 0) + 1);
  for (const p of d.projects) if (managers.get(p.id!) !== 1) fail(`estate ${p.name} has ${managers.get(p.id!) ?? 0} project managers`);
  const live = (e: DemoData['listEntries'][number]) => e.status === 'active' || e.status === 'rectifying';
  const red = d.listEntries.filter((e) => e.list === 'red' && live(e));
  const black = d.listEntries.filter((e) => e.list === 'black' && live(e));
  if (red.length < 10) fail(`only ${red.length} active red entries`);
  if (black.length < 6) fail(`only ${black.length} active black entries`);
  if (d.listEntries.filter((e) => !live(e)).length < 3) fail('fewer than 3 historical list entries');
  if (black.some((e) => e.companyId === d.facts.company.id)) fail('the demo company is on the black list');
  if (!red.some((e) => e.companyId === d.facts.company.id)) fail('the demo company is not on the red list');
  const demoEval = d.annualEvaluations.find((e) => e.companyId === d.facts.company.id && e.year === 2025);
  if (demoEval?.grade !== 'A') fail('the demo company is not grade A');
  const below = (y: number) => d.annualEvaluations.filter((e) => e.year === y && !e.vetoed && Number(e.score) < policy.interviewBelow);
  if (below(2025).length < 3) fail('fewer than 3 companies below 90 in 2025');
  if (!below(2024).some((e) => below(2025).some((f) => f.companyId === e.companyId))) fail('no company below 90 in 2024 and 2025');
  for (const rule of ['DW8-performance', 'DW14-three-excellent', 'DW14-three-poor', 'DW11-veto', 'ZT5.3-two-years', 'DW14-market-ban', 'severe-warning']) {
    if (!d.listEntries.some((e) => e.rule === rule && live(e))) fail(`no active list entry for rule ${rule}`);
  }
  const streaks = (rating: string) => {
    const byProject = new Map<string, string[]>();
    for (const r of [...d.estateRatings].sort((a, b) => a.year * 10 + a.quarter - (b.year * 10 + b.quarter))) {
      byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r.rating]);
    }
    return [...byProject.values()].filter((rs) => rs.some((_, i) => i + 2 < rs.length && rs.slice(i, i + 3).every((x) => x === rating))).length;
  };
  if (streaks('差') < 2) fail('fewer than 2 estates rated 差 three times in a row');
  if (streaks('优秀') < 3) fail('fewer than 3 estates rated 优秀 three times in a row');
  if (!d.companyFlags.some((f) => f.flag === 'upgrade_priority')) fail('no upgrade-priority flag for three 良好 in a row');
  if (d.users.length !== DEMO_USERNAMES.length) fail('demo users missing');
  for (const b of d.disclosureBoards) if (!(b.data as { updatedOn?: string }).updatedOn) fail('board without updatedOn');
}
