/**
 * What every area of the demo city builder shares: the row types, the options, the seeded generators and the
 * arrays being filled (`SeedContext`), and the small helpers. The areas (organisations.ts, companies.ts, …) are
 * called by build.ts in a fixed order: each draws from generators forked off one root in that order, and ids
 * come from one shared generator, so moving code between areas must not change the order of the draws.
 */
import type * as schema from '../schema';
import { defaultCreditPolicy, type CreditPolicy } from '../../lib/domain/credit-policy';
import { USCC_CHARSET } from '../../lib/domain/uscc';
import type { IdKeys } from '../../lib/security/id-crypto';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import type { StreetInfo } from './regions';
import { Rng } from './random';

export type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type Post = (typeof schema.post.enumValues)[number];
export type ProjectType = (typeof schema.projectType.enumValues)[number];
export type Severity = '轻微' | '一般' | '严重';
export type Rating = '优秀' | '良好' | '差';

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
  dataRequests: Row<typeof schema.dataRequests>[];
  rosterVerifications: Row<typeof schema.rosterVerifications>[];
  rectificationOrders: Row<typeof schema.rectificationOrders>[];
  inspectors: Row<typeof schema.inspectors>[];
  spotChecks: Row<typeof schema.spotChecks>[];
  spotCheckItems: Row<typeof schema.spotCheckItems>[];
  facts: DemoFacts;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158',
  '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];

export const money = (n: number) => n.toFixed(2);
export const maxDate = (a: string, b: string) => (a > b ? a : b);
export const minDate = (a: string, b: string) => (a < b ? a : b);

export function ratingOf(score: number, p: CreditPolicy): Rating {
  if (score >= p.estateRating.excellent) return '优秀';
  if (score >= p.estateRating.good) return '良好';
  return '差';
}

export function gradeOf(score: number, p: CreditPolicy): 'A' | 'B' | 'C' | 'D' {
  if (score >= p.grades.A) return 'A';
  if (score >= p.grades.B) return 'B';
  if (score >= p.grades.C) return 'C';
  return 'D';
}

/** GB 11714 organisation code: 8 characters and a check character (0-9 or X; both in the USCC charset). */
export function orgCode(rng: Rng): string {
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

export const QUARTERS = [
  { year: 2025, quarter: 4, end: '2025-12-31', published: '2026-01-15' },
  { year: 2026, quarter: 1, end: '2026-03-31', published: '2026-04-15' },
  { year: 2026, quarter: 2, end: '2026-06-30', published: '2026-07-15' },
  { year: 2026, quarter: 3, end: '2026-09-30', published: '2026-10-15' },
] as const;

export const quarterLabel = (i: number) => `${QUARTERS[i].year}年第${QUARTERS[i].quarter}季度`;

// ---------------------------------------------------------------------------------------------------------

export interface CompanyInfo {
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

export interface ProjectInfo {
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

export interface PersonInfo {
  id: string;
  name: string;
  status: 'active' | 'pending' | 'archived';
  hiredOn: string;
  companyId: string;
  projectId: string;
  post: Post;
  birthDate: string;
}

export const residential = (p: ProjectInfo) => p.type === '住宅' || p.type === '老旧小区' || p.type === '安置小区';

export interface SeedContext {
  opts: BuildOptions;
  seed: string;
  /** The reference date ("today") of the generated data. */
  REF: string;
  policy: CreditPolicy;
  /** Every area forks its own generator off this one, in the order build.ts calls them. */
  root: Rng;
  /** Row ids, drawn in order from one generator. */
  uuid: () => string;
  data: DemoData;
  personName: (male: boolean, r?: Rng) => string;
  /** A mobile number no one else in the city has. */
  mobile: (r: Rng) => string;
  landline: (r: Rng) => string;
  usedMobiles: Set<string>;
}

export function createContext(opts: BuildOptions): SeedContext {
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
    dataRequests: [],
    rosterVerifications: [],
    rectificationOrders: [],
    inspectors: [],
    spotChecks: [],
    spotCheckItems: [],
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

  return { opts, seed, REF, policy, root, uuid, data, personName, mobile, landline, usedMobiles };
}
