import { sql } from 'drizzle-orm';
import { bigint, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseStatus, documentKind, submissionStatus, submissionType } from './enums';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The numbers that vary between cities (SPEC §4), versioned: every computed result names its version. */
export const creditPolicies = pgTable('credit_policies', {
  version: integer('version').primaryKey(),
  settings: jsonb('settings').notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every change a company or another party asks for and a bureau decides (SPEC §3).
 * `districtId` and `companyId` carry the scope so that queues filter in SQL.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: submissionType('type').notNull(),
    status: submissionStatus('status').notNull().default('draft'),
    companyId: uuid('company_id'),
    districtId: text('district_id'),
    projectId: uuid('project_id'),
    /** The object the submission is about (practitioner, contract, record…). */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    payload: jsonb('payload').notNull(),
    /** For a change of basic information: the version it was based on. */
    baseVersion: integer('base_version'),
    /** Statutory deadline of the filing itself (e.g. entry within 10 working days) and of the decision. */
    dueOn: date('due_on'),
    /** The credit-policy version the filing deadline (`dueOn`) and its lateness were computed under (staff entries
     * and moves); null for submissions without a policy deadline, or filed under the built-in defaults. */
    policyVersion: integer('policy_version').references(() => creditPolicies.version),
    decideBy: date('decide_by'),
    /** Green channel (CQ 三.(五)): higher first in review queues. */
    priority: integer('priority').notNull().default(0),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    /** Resubmitting the same form is harmless. */
    idempotencyKey: text('idempotency_key'),
    /** Optimistic lock: two reviewers, one winner. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('submissions_queue_idx').on(t.status, t.districtId, t.type),
    index('submissions_company_idx').on(t.companyId, t.status),
    uniqueIndex('submissions_idempotency_idx').on(t.idempotencyKey),
    // One open filing (first filing or change of basic information) per company at a time.
    uniqueIndex('submissions_open_filing_idx')
      .on(t.companyId)
      .where(sql`type in ('company_filing', 'company_change') and status in ('draft', 'submitted', 'returned')`),
    // One open credit-repair application per record.
    uniqueIndex('submissions_open_repair_idx')
      .on(t.subjectId)
      .where(sql`type = 'credit_repair' and status in ('draft', 'submitted', 'returned')`),
  ],
);

/** Uploaded files. Stored in the database so that both drivers behave alike; images are re-encoded on upload. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id'),
    /** photo, evidence, letter, licence */
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

/**
 * Append-only, hash-chained audit log. `seq` and `hash` are assigned by a trigger under an advisory lock
 * (migration 0001), and UPDATE / DELETE / TRUNCATE are refused by triggers.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(0),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    ip: text('ip'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [index('audit_events_object_idx').on(t.objectType, t.objectId), index('audit_events_actor_idx').on(t.actorId)],
);

/** Objections (SN 18, DW 9) and owner complaints (SPEC §3.10): followed by a tracking code without an account. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** objection | complaint | praise | report */
    kind: text('kind').notNull(),
    trackingCode: text('tracking_code').notNull(),
    status: caseStatus('status').notNull().default('open'),
    /** What the case is about. */
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    companyId: uuid('company_id'),
    projectId: uuid('project_id'),
    districtId: text('district_id'),
    filerName: text('filer_name').notNull(),
    filerPhone: text('filer_phone').notNull(),
    filerUserId: uuid('filer_user_id'),
    body: text('body').notNull(),
    answer: text('answer'),
    /** Complaints: when and by whom the company answered (migration 0010). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by'),
    decision: text('decision'),
    dueOn: date('due_on'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_tracking_idx').on(t.trackingCode),
    index('cases_subject_idx').on(t.subjectType, t.subjectId, t.status),
    index('cases_queue_idx').on(t.kind, t.status, t.districtId, t.createdAt),
    index('cases_company_queue_idx').on(t.kind, t.companyId, t.status, t.createdAt),
  ],
);

/** Printed documents with a verification code and QR: badges, records, credit reports, letters (`/verify/[code]`). */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    kind: documentKind('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** What the verification page may show, fixed at issue time. */
    summary: jsonb('summary').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    validUntil: date('valid_until'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('documents_code_idx').on(t.code), index('documents_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Notices to a subject (两书同达), rectification orders (SN 24), interview records, data-use grants (SN 20). */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** record_notice | rectification_order | interview | criticism | data_grant | message */
    kind: text('kind').notNull(),
    companyId: uuid('company_id'),
    practitionerId: uuid('practitioner_id'),
    districtId: text('district_id'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    dueOn: date('due_on'),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notices_company_idx').on(t.companyId, t.status)],
);

/** Spot checks and 双随机 draws (SN 25, CQ): the seed and inputs are kept so the draw can be re-run. */
/**
 * 双随机 draws (SN 25, CQ; migration 0014, docs/decisions/034): the seed, the inputs snapshotted at draw time and the
 * result are immutable once written; only the publication and the items' results (spot_check_items) change.
 */
export const spotChecks = pgTable('spot_checks', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull(),
  seed: text('seed').notNull(),
  inputs: jsonb('inputs').notNull(),
  result: jsonb('result').notNull(),
  drawnBy: uuid('drawn_by'),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  title: text('title').notNull().default(''),
  quarter: smallint('quarter').notNull().default(1),
  /** 'estate' | 'company' */
  population: text('population').notNull().default('estate'),
  districtId: text('district_id'),
  /** 'random' (32 bytes from crypto) | 'public' (entered by the city, e.g. a lottery number). */
  seedSource: text('seed_source').notNull().default('random'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by'),
  version: integer('version').notNull().default(1),
});

/**
 * Annual roster verification per project (SN 23): one per estate and year; a second visit amends it (version).
 * What was checked (lib/domain/supervision ROSTER_CHECK_ITEMS), the discrepancies and the follow-up (migration 0013).
 */
export const rosterVerifications = pgTable(
  'roster_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id').notNull(),
    year: integer('year').notNull(),
    verifiedBy: uuid('verified_by'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    note: text('note'),
    /** The estate's district and serving company when verified. */
    districtId: text('district_id'),
    companyId: uuid('company_id'),
    /** The day of the check (the clerk's), and the keys of the items checked. */
    verifiedOn: date('verified_on'),
    checks: jsonb('checks').notNull().default(sql`'[]'::jsonb`),
    /** Approved current staff on the roster when verified. */
    staffCount: integer('staff_count'),
    discrepancyCount: integer('discrepancy_count').notNull().default(0),
    discrepancies: text('discrepancies'),
    /** none | order (a rectification order: orderId) | corrected (on the spot) */
    followUp: text('follow_up').notNull().default('none'),
    orderId: uuid('order_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('roster_verifications_idx').on(t.projectId, t.year), index('roster_verifications_district_idx').on(t.districtId, t.year)],
);

/**
 * Throttles kept in the database, so that they hold across restarts and app instances: one row per
 * (bucket, key, window). `bucket` names the limit (e.g. `objection.client`), `key` what is counted (a client
 * address, a person's id); rows of past windows are deleted opportunistically.
 */
export const throttleHits = pgTable(
  'throttle_hits',
  {
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] }), index('throttle_hits_window_idx').on(t.windowStart)],
);

/**
 * Messages the platform sends (SMS one-time codes, e-mail). A deployment plugs its gateway by configuration;
 * without one, messages stay here and the city reads them at /bureau/outbox (demo and tests).
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** sms | email */
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    /** What the message is for, e.g. `own_record.otp`. */
    purpose: text('purpose').notNull(),
    relatedType: text('related_type'),
    relatedId: uuid('related_id'),
    /** queued (no gateway) | sent | failed */
    status: text('status').notNull().default('queued'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_messages_created_idx').on(t.createdAt)],
);

/** One-time codes (e.g. sent to a practitioner's registered mobile): only a hash is kept; few tries, short life. */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    purpose: text('purpose').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_codes_subject_idx').on(t.subjectType, t.subjectId, t.purpose)],
);

/**
 * The State Council's holiday schedule for a year as the city entered or imported it (docs/decisions/005):
 * `holidays` and `workdays` map 'YYYY-MM-DD' to the holiday's name. The bundled `chinese-days` data is the
 * fallback for years not here.
 */
export const holidayCalendars = pgTable('holiday_calendars', {
  year: integer('year').primaryKey(),
  holidays: jsonb('holidays').notNull(),
  workdays: jsonb('workdays').notNull(),
  source: text('source').notNull(),
  enteredBy: uuid('entered_by'),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
