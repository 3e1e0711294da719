import { boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  creditCategory,
  estateRating,
  grade,
  listKind,
  listStatus,
  recordKind,
  recordStatus,
  severity,
  vetoType,
} from './enums';
import { companies, estateCompanyColumns, projects } from './companies';
import { practitioners } from './practitioners';
import { organisations, users } from './regions';
import { creditPolicies } from './system';

/**
 * The decision and bookkeeping columns a staff record and a company credit record share: who decided, when and
 * why (a report declined, a filing rejected); the published corrections after an objection (DW 9:
 * `[{on, reason, before, after, caseId}]`, shown beside the record); the code of the printed notice (两书同达),
 * also the key to object to the record; the optimistic lock (two reviewers, one winner); and who created it.
 */
function recordDecisionColumns() {
  return {
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    corrections: jsonb('corrections').notNull().default([]),
    noticeCode: text('notice_code'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
  };
}

/** Staff good (SN 9) and bad (SN 13) records. */
export const practitionerRecords = pgTable(
  'practitioner_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    kind: recordKind('kind').notNull(),
    /** One of the four SN 9 types or the eleven SN 13 types (closed lists in lib/domain). */
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** The body that issued the commendation or found the conduct. */
    issuer: text('issuer').notNull(),
    description: text('description').notNull(),
    /** Employer and estate when the record was made. */
    companyId: uuid('company_id').references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    status: recordStatus('status').notNull().default('submitted'),
    /** Short public statement by the subject, shown beside the record. */
    statement: text('statement'),
    statementAt: timestamp('statement_at', { withTimezone: true }),
    publicUntil: date('public_until'),
    submissionId: uuid('submission_id'),
    /** The organisation (street office, community, department, association, bureau) that filed it; null when a company filed. */
    reportedBy: uuid('reported_by').references(() => organisations.id),
    /** When the filer received the document or evidence: a good record is late after 5 days (SN 12), a report after 3 (SN 14). */
    receivedOn: date('received_on'),
    /** The day (China time) the filing was made, from the service's injected today: lateness counts to it. */
    filedOn: date('filed_on'),
    /** The credit-policy version in force when it was filed: its filing limits (SN 12, SN 14) measure the lateness.
     * Null for rows filed before the column existed or under the built-in defaults: the current limits apply. */
    policyVersion: integer('policy_version').references(() => creditPolicies.version),
    /** 从业表现突出: the people who took part (SN 11). */
    participants: text('participants'),
    ...recordDecisionColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('practitioner_records_subject_idx').on(t.practitionerId, t.status),
    index('practitioner_records_queue_idx').on(t.status, t.kind),
    uniqueIndex('practitioner_records_notice_idx').on(t.noticeCode),
  ],
);

/** Company credit records (DW 4): basic, performance (red), warning (black). */
export const creditRecords = pgTable(
  'credit_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    category: creditCategory('category').notNull(),
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    description: text('description').notNull(),
    /** The body that issued the award or decision, with its document number (发文单位及文号). */
    issuer: text('issuer'),
    /** Points proposed by the reporting body; the bureau confirms `points` (DW 8.2). Positive for performance, positive deduction for warnings. */
    proposedPoints: numeric('proposed_points', { precision: 6, scale: 2 }),
    points: numeric('points', { precision: 6, scale: 2 }),
    severity: severity('severity'),
    /** 行政处罚: published within 7 working days of the decision (CQ 三.(四)). */
    isPenalty: boolean('is_penalty').notNull().default(false),
    decisionOn: date('decision_on'),
    vetoType: vetoType('veto_type'),
    status: recordStatus('status').notNull().default('submitted'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    publishedOn: date('published_on'),
    /** Publicity window: may apply for repair after `minPublicUntil`; leaves public view at `publicUntil`. */
    minPublicUntil: date('min_public_until'),
    publicUntil: date('public_until'),
    repairedOn: date('repaired_on'),
    statement: text('statement'),
    statementAt: timestamp('statement_at', { withTimezone: true }),
    /** The organisation that reported it (street office, community, bureau); null when the company filed it. */
    reportedBy: uuid('reported_by').references(() => organisations.id),
    /** When the filer received the document or found the facts. */
    receivedOn: date('received_on'),
    ...recordDecisionColumns(),
    policyVersion: integer('policy_version').references(() => creditPolicies.version),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_records_company_idx').on(t.companyId, t.category, t.status),
    index('credit_records_queue_idx').on(t.status, t.category),
    uniqueIndex('credit_records_notice_idx').on(t.noticeCode),
  ],
);

/** Quarterly estate rating (DW 10, 12). Internal until the city publishes the quarter. */
export const estateRatings = pgTable(
  'estate_ratings',
  {
    ...estateCompanyColumns(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    inspectionScore: numeric('inspection_score', { precision: 5, scale: 2 }).notNull(),
    rating: estateRating('rating').notNull(),
    ratedBy: uuid('rated_by').references(() => users.id),
    policyVersion: integer('policy_version')
      .notNull()
      .references(() => creditPolicies.version),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('estate_ratings_quarter_idx').on(t.projectId, t.year, t.quarter)],
);

export const ratingPublications = pgTable(
  'rating_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: smallint('year').notNull(),
    quarter: smallint('quarter').notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_publications_idx').on(t.year, t.quarter)],
);

/** Annual evaluation (ZT 五.3) and grade (ZJ 6). `breakdown` traces every point to its record. */
export const annualEvaluations = pgTable(
  'annual_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    year: smallint('year').notNull(),
    score: numeric('score', { precision: 6, scale: 2 }),
    grade: grade('grade').notNull(),
    vetoed: boolean('vetoed').notNull().default(false),
    breakdown: jsonb('breakdown').notNull().default([]),
    policyVersion: integer('policy_version')
      .notNull()
      .references(() => creditPolicies.version),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('annual_evaluations_idx').on(t.companyId, t.year)],
);

/** 红榜 / 黑榜 entries, with the rule that put them there. */
export const listEntries = pgTable(
  'list_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    list: listKind('list').notNull(),
    reason: text('reason').notNull(),
    /** Rule identifier, e.g. `DW14-three-poor`, `DW11-veto`, `ZT5.3-two-years`. */
    rule: text('rule').notNull(),
    since: date('since').notNull(),
    until: date('until'),
    status: listStatus('status').notNull().default('active'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    sourceRecordId: uuid('source_record_id'),
    policyVersion: integer('policy_version')
      .notNull()
      .references(() => creditPolicies.version),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('list_entries_list_idx').on(t.list, t.status, t.since), index('list_entries_company_idx').on(t.companyId)],
);

/** Every change of a list entry: list history on profiles and the Atom feeds. */
export const listEvents = pgTable(
  'list_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => listEntries.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    event: text('event').notNull(),
    detail: text('detail').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('list_events_at_idx').on(t.at), index('list_events_company_idx').on(t.companyId, t.at)],
);

/** Company flags: incentive (three 优秀/良好), key supervision, green channel, market-exit recommendation. */
export const companyFlags = pgTable(
  'company_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    flag: text('flag').notNull(),
    reason: text('reason').notNull(),
    since: date('since').notNull(),
    until: date('until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('company_flags_company_idx').on(t.companyId)],
);

