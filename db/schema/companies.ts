import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { contractStatus, filingStatus, projectType } from './enums';
import { regions } from './regions';

/** 物业服务企业 (ZJ 7, DW 4 basic information). */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 统一社会信用代码, GB 32100-2015, 18 characters. */
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    /** 注册资本, in 万元. */
    registeredCapital: numeric('registered_capital', { precision: 14, scale: 2 }).notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** The district where the company is registered. */
    districtId: text('district_id').references(() => regions.id),
    filingStatus: filingStatus('filing_status').notNull().default('draft'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Market ban (DW 14): no filing approval and no new contract up to and including this date. */
    bannedUntil: date('banned_until'),
    /** Current version of the basic information (see company_versions). Optimistic lock. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('companies_uscc_idx').on(t.uscc), index('companies_district_idx').on(t.districtId)],
);

/** Every approved version of a company's basic information (DW 8.1.1: changes are resubmitted). */
export const companyVersions = pgTable(
  'company_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    version: integer('version').notNull(),
    /** The basic information as filed: name, address, capital, legal representative, managers… */
    data: jsonb('data').notNull(),
    submissionId: uuid('submission_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('company_versions_idx').on(t.companyId, t.version)],
);

/** Principal managers, project managers and engineering staff named in a filing (ZJ 7, CQ). */
export const companyManagers = pgTable(
  'company_managers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** 主要负责人 / 项目经理 / 工程技术人员 */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    qualification: text('qualification'),
  },
  (t) => [index('company_managers_company_idx').on(t.companyId)],
);

/** 物业项目 / 小区. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    districtId: text('district_id')
      .notNull()
      .references(() => regions.id),
    streetId: text('street_id').references(() => regions.id),
    communityId: text('community_id').references(() => regions.id),
    type: projectType('type').notNull(),
    households: integer('households').notNull(),
    /** Floor area in m². */
    floorArea: numeric('floor_area', { precision: 12, scale: 2 }).notNull(),
    hasOwnersCommittee: boolean('has_owners_committee').notNull().default(false),
    /** The company serving the estate under a confirmed contract (denormalised from service_contracts). */
    currentCompanyId: uuid('current_company_id').references(() => companies.id),
    /** Optimistic lock of the basic fields that the city and the district edit (/bureau/estates). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_district_idx').on(t.districtId, t.streetId),
    index('projects_company_idx').on(t.currentCompanyId),
  ],
);

/** Service contract (ZJ 7, 9): bond ≥ 5 % of a year's fees and ≤ 300,000 yuan. */
export const serviceContracts = pgTable(
  'service_contracts',
  {
    ...estateCompanyColumns(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** Yearly property fees, yuan. */
    annualFees: numeric('annual_fees', { precision: 14, scale: 2 }).notNull(),
    bondAmount: numeric('bond_amount', { precision: 14, scale: 2 }).notNull(),
    status: contractStatus('status').notNull().default('draft'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** Written non-renewal notice (ZJ 7: at least 90 days before the end). */
    nonRenewalNoticeOn: date('non_renewal_notice_on'),
    /** Left the project before the end (DW 11.2). */
    exitedOn: date('exited_on'),
    exitReason: text('exit_reason'),
    handoverDone: boolean('handover_done'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('service_contracts_project_idx').on(t.projectId),
    index('service_contracts_company_idx').on(t.companyId),
  ],
);

/** 公示栏 (ZT 三.(四).4.(3), ZJ 8): every version is kept. */
export const disclosureBoards = pgTable(
  'disclosure_boards',
  {
    ...estateCompanyColumns(),
    version: integer('version').notNull(),
    /** Items of SPEC §3.9: manager and contacts, complaint phone, service standards, fees, maintenance units… */
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('disclosure_boards_version_idx').on(t.projectId, t.version)],
);

/** The first columns of a row about one company's work on one estate (a contract, a board version, a rating). */
export function estateCompanyColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
  };
}
