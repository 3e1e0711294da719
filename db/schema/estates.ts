import { boolean, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projectType } from './enums';
import { projects } from './companies';
import { regions, users } from './regions';

/**
 * A district proposes an estate in its district; the city confirms it (the estate is created) or returns it with a
 * reason (docs/decisions/038-first-day-of-a-city.md: a table of its own so that `projects` stays the confirmed set
 * that every public query reads).
 */
export const estateProposals = pgTable(
  'estate_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: text('district_id')
      .notNull()
      .references(() => regions.id),
    streetId: text('street_id').references(() => regions.id),
    communityId: text('community_id').references(() => regions.id),
    name: text('name').notNull(),
    address: text('address').notNull(),
    type: projectType('type').notNull(),
    households: integer('households').notNull(),
    floorArea: numeric('floor_area', { precision: 12, scale: 2 }).notNull(),
    hasOwnersCommittee: boolean('has_owners_committee').notNull().default(false),
    /** pending → confirmed (projectId set) | returned (returnReason set). */
    status: text('status', { enum: ['pending', 'confirmed', 'returned'] }).notNull().default('pending'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    projectId: uuid('project_id').references(() => projects.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('estate_proposals_queue_idx').on(t.status, t.districtId, t.createdAt)],
);
