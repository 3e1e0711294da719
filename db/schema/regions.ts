import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisationKind, regionLevel, role } from './enums';

/** City → district → street → community. District codes are the national administrative division codes. */
export const regions = pgTable(
  'regions',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    level: regionLevel('level').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentId)],
);

/** Bureaus, street offices, communities, associations, departments, owners' committees. Companies have their own table. */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: organisationKind('kind').notNull(),
  name: text('name').notNull(),
  /** The region the organisation belongs to (district for a district bureau, street for a street office…). */
  regionId: text('region_id').references(() => regions.id),
  /** The estate of an owners' committee. */
  projectId: uuid('project_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: role('role').notNull(),
    /** Scope of a `company` user. */
    companyId: uuid('company_id'),
    /** Scope of a `district` user. */
    districtId: text('district_id').references(() => regions.id),
    /** The bureau, association, department or owners' committee the user acts for. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Sessions issued before this instant are void: "sign out everywhere" and password changes. */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Per-account backoff, whatever the address: failures in a row since the last success or unlock. */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** Sign-in refused until this instant (per-account backoff); the city can lift it. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Optional address for inbox e-mail (set at /account; migration 0017). */
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_company_idx').on(t.companyId)],
);

/** Server-side sessions: the JWT only carries the id, so sign-out and idle time-outs take effect at once. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every sign-in attempt; failures from one address lock an account for a while. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    success: boolean('success').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_lookup_idx').on(t.username, t.ip, t.at)],
);
