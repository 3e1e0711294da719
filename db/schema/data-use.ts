import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Requests to use practitioners' 执业信息 (SN 20–21, SPEC §3.11; decision 031) and, once the district approves,
 * the grant itself: which people, which field groups, until when. Every view of a grant is an audit row
 * (`data_grant.viewed`, object = the practitioner), not a row here.
 */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** own | company | committee | department (lib/domain/data-use.ts) */
    kind: text('kind').notNull(),
    /** awaiting_consent | consent_refused | submitted | approved | refused | withdrawn */
    status: text('status').notNull(),
    /** Who asked: the account, and the organisation (committee, department) or company it acts for. */
    requesterUserId: uuid('requester_user_id'),
    requesterOrgId: uuid('requester_org_id'),
    requesterCompanyId: uuid('requester_company_id'),
    /** Kind 'own': the person asking for their own record (identity proven by SMS code). */
    requesterPractitionerId: uuid('requester_practitioner_id'),
    /** The requester's name as shown to the district and to the person (fixed at filing). */
    requesterName: text('requester_name').notNull(),
    /** The committee's estate. */
    projectId: uuid('project_id'),
    /** The company whose staff are concerned (null for 'own'). */
    companyId: uuid('company_id'),
    /** The deciding district (属地); the city may decide any. */
    districtId: text('district_id').notNull(),
    /** all_current | listed */
    subjects: text('subjects').notNull().default('all_current'),
    /** For 'listed': the names the requester typed (the district ticks the people). */
    requestedNames: jsonb('requested_names').notNull().default(sql`'[]'::jsonb`),
    /** 使用事项 / 用途 / 范围 (SN 20.4). */
    useMatter: text('use_matter').notNull(),
    purpose: text('purpose').notNull(),
    scopeText: text('scope_text').notNull(),
    /** Departments: the official letter (attachments.owner_type = 'data_request') and its reference number. */
    letterAttachmentId: uuid('letter_attachment_id'),
    letterRef: text('letter_ref'),
    /** The requester's promise to protect the information (SN 20.4, SN 21). */
    protectionPromised: boolean('protection_promised').notNull().default(false),
    /** Kind 'committee': the company's consent on the platform, or its refusal with a reason. */
    consentBy: uuid('consent_by'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    consentRefusal: text('consent_refusal'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The deciding bureau's name, fixed at decision. */
    decidedByName: text('decided_by_name'),
    refusalReason: text('refusal_reason'),
    /** The grant: the people and field groups approved, and the last day it may be viewed. */
    grantedPractitionerIds: jsonb('granted_practitioner_ids').notNull().default(sql`'[]'::jsonb`),
    grantedFields: jsonb('granted_fields').notNull().default(sql`'[]'::jsonb`),
    expiresOn: date('expires_on'),
    /** Kind 'own': the printed record (documents.id) once issued. */
    documentId: uuid('document_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('data_requests_queue_idx').on(t.status, t.districtId, t.createdAt),
    index('data_requests_company_idx').on(t.companyId, t.status),
    index('data_requests_requester_org_idx').on(t.requesterOrgId, t.createdAt),
    index('data_requests_requester_company_idx').on(t.requesterCompanyId, t.createdAt),
    index('data_requests_person_idx').on(t.requesterPractitionerId),
    index('data_requests_granted_idx').using('gin', t.grantedPractitionerIds),
  ],
);
