import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './regions';

/**
 * One row per scheduled job and China-time day (migration 0017): the claim that makes a second run for the
 * same day a no-op, and the record of what each step changed. A run that failed (`error`) or was abandoned
 * (started long ago, never finished) may be claimed again; the steps themselves are idempotent.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runDate: date('run_date').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** `{ "<step>": { "changed": n, … } }` in step order. */
    counts: jsonb('counts').notNull().default({}),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runDate] })],
);

/**
 * What needs an account's action or was decided for it (issue 18 item 3). Addressed to one account, or to a
 * scope that every account of it sees: a company, a district bureau, the city bureau. `dedupeKey` makes every
 * producer idempotent (the daily job re-run, a decision trigger fired twice never adds a second item).
 */
export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** user | company | district | city */
    audience: text('audience').notNull(),
    /** The user id, company id or district code; '' for the city. */
    audienceId: text('audience_id').notNull(),
    /** submission_decided | deadline_soon | deadline_overdue | consent_request | … */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** A path inside the site (never an absolute URL). */
    link: text('link'),
    dueOn: date('due_on'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the daily job handed it to the e-mail sender (null: not yet, or nobody to mail). */
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('inbox_items_dedupe_idx').on(t.dedupeKey), index('inbox_items_audience_idx').on(t.audience, t.audienceId, t.createdAt)],
);

/** Read marks are per account: one operator reading a company's item does not hide it from a colleague. */
export const inboxReads = pgTable(
  'inbox_reads',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => inboxItems.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] })],
);
