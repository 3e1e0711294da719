import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Rectification orders (SN 24, SPEC §3.12): the district (or the city) orders a company to rectify by a deadline;
 * the company answers with evidence (attachments owner_type 'rectification_order'), the district accepts or
 * returns. Overdue, the order is escalated: a public criticism (通报批评, public from criticized_on to
 * criticism_until, verifiable by criticism_code in `documents`) and an interview (约谈) recorded afterwards.
 */
export const rectificationOrders = pgTable(
  'rectification_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull(),
    districtId: text('district_id').notNull(),
    /** lib/domain/supervision RECTIFICATION_GROUNDS */
    ground: text('ground').notNull(),
    facts: text('facts').notNull(),
    /** The estates concerned (ids). */
    projectIds: jsonb('project_ids').notNull().default(sql`'[]'::jsonb`),
    verificationId: uuid('verification_id'),
    issuedOn: date('issued_on').notNull(),
    dueOn: date('due_on').notNull(),
    /** open | answered | returned | accepted */
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    answeredOn: date('answered_on'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    /** Every step: { kind: answer|return|accept, on, text, files? } — what the clerk reads on the order page. */
    history: jsonb('history').notNull().default(sql`'[]'::jsonb`),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    criticizedOn: date('criticized_on'),
    criticismUntil: date('criticism_until'),
    criticismText: text('criticism_text'),
    criticismCode: text('criticism_code'),
    /** The 约谈: { heldOn, place, attendees, summary }. */
    interview: jsonb('interview'),
    interviewRecordedBy: uuid('interview_recorded_by'),
    issuedBy: uuid('issued_by'),
    policyVersion: integer('policy_version'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectification_orders_company_idx').on(t.companyId, t.status),
    index('rectification_orders_district_idx').on(t.districtId, t.status, t.dueOn),
  ],
);
