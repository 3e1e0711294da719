import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { employmentStatus, post, practitionerStatus } from './enums';
import { companies, projects } from './companies';

/**
 * 从业人员: one real person. Exactly the fields of SN 7 and the SN annex 信息名册 — nothing else (SN 5).
 * The ID number is never stored in clear: AES-256-GCM ciphertext plus a keyed hash for look-up.
 */
export const practitioners = pgTable(
  'practitioners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idNumberEnc: text('id_number_enc').notNull(),
    /** HMAC-SHA256 of the normalised ID number under a separate key: unique, used for look-up. */
    idNumberHash: text('id_number_hash').notNull(),
    /** `5109**********1234`: what every screen but the logged full view shows. */
    idNumberMasked: text('id_number_masked').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date').notNull(),
    ethnicity: text('ethnicity').notNull(),
    nativePlace: text('native_place').notNull(),
    photoId: uuid('photo_id'),
    politicalStatus: text('political_status').notNull(),
    mobile: text('mobile').notNull(),
    school: text('school'),
    major: text('major'),
    education: text('education').notNull(),
    skills: text('skills'),
    hiredOn: date('hired_on').notNull(),
    labourContractOn: date('labour_contract_on').notNull(),
    status: practitionerStatus('status').notNull().default('pending'),
    /** 执业登记号 (R1, decision 032): public, assigned at the first approval of an entry, never changed or reused. */
    registryNo: text('registry_no'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('practitioners_id_hash_idx').on(t.idNumberHash),
    uniqueIndex('practitioners_registry_no_idx').on(t.registryNo),
    index('practitioners_status_idx').on(t.status),
  ],
);

/** 资格证书: zero or more per person. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validUntil: date('valid_until'),
  },
  (t) => [index('certificates_practitioner_idx').on(t.practitionerId)],
);

/** Practitioner × company × project × post over a date range; history is kept. At most one current per person. */
export const employments = pgTable(
  'employments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practitionerId: uuid('practitioner_id')
      .notNull()
      .references(() => practitioners.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    projectId: uuid('project_id').references(() => projects.id),
    post: post('post').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    status: employmentStatus('status').notNull().default('pending'),
    endReason: text('end_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employments_one_current_idx')
      .on(t.practitionerId)
      .where(sql`status = 'current'`),
    index('employments_project_idx').on(t.projectId, t.status),
    index('employments_company_idx').on(t.companyId, t.status),
    index('employments_practitioner_idx').on(t.practitionerId),
  ],
);
