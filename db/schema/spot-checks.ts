import { boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions';
import { spotChecks } from './system';

/** The city's roster of inspectors for 双随机 draws (no accounts: names are drawn, not signed in). */
export const inspectors = pgTable(
  'inspectors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    /** null: an inspector of the city (never excluded by 回避). */
    districtId: text('district_id').references(() => regions.id),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspectors_active_idx').on(t.active, t.districtId)],
);

/**
 * One drawn estate (or company) of a draw, with the inspectors drawn for it, and its result once entered. The draw
 * itself (spot_checks.result) is the record of what was drawn; these rows carry the work that follows.
 */
export const spotCheckItems = pgTable(
  'spot_check_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => spotChecks.id),
    rank: smallint('rank').notNull(),
    /** The estate (population 'estate') or company (population 'company') drawn. */
    projectId: uuid('project_id'),
    companyId: uuid('company_id'),
    districtId: text('district_id'),
    /** The inspectors drawn, as ids of `inspectors`. */
    inspectorIds: jsonb('inspector_ids').notNull().default([]),
    checkedOn: date('checked_on'),
    /** The inspectors who went (may differ from those drawn; the difference is on the record). */
    checkedBy: jsonb('checked_by'),
    score: numeric('score', { precision: 5, scale: 2 }),
    findings: text('findings'),
    resultBy: uuid('result_by'),
    resultAt: timestamp('result_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('spot_check_items_rank_idx').on(t.spotCheckId, t.rank), index('spot_check_items_district_idx').on(t.districtId)],
);
