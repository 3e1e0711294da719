/**
 * The only reader of process.env. Validated once; a wrong value stops the process with a clear message.
 *
 * Secrets (AUTH_SECRET, ID_ENCRYPTION_KEY, ID_HASH_KEY) may be given in the environment. When they are not,
 * they are generated once and kept in `<DATA_DIR>/secrets.json` (mode 600), so that `npm start` works on a
 * fresh machine; a bureau's deployment sets them explicitly (see README and docs/decisions/003-secrets.md).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { compileTrustProxy, type TrustFn } from './auth/trust-proxy';

const base64Key = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const schema = z.object({
  /** PostgreSQL connection string. Unset: the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /** Folder for the embedded database and generated secrets. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Signs session cookies (32 random bytes, base64). */
  AUTH_SECRET: z.string().min(32).optional(),
  /** AES-256-GCM key for ID numbers at rest (32 bytes, base64). */
  ID_ENCRYPTION_KEY: base64Key.optional(),
  /** HMAC key for ID-number look-up hashes (32 bytes, base64). */
  ID_HASH_KEY: base64Key.optional(),
  /** Signs the audit-chain checkpoints the city exports (32 bytes, base64); keep it outside the database. */
  AUDIT_CHECKPOINT_KEY: base64Key.optional(),
  /**
   * The reverse proxies whose X-Forwarded-For entries are believed (lib/auth/trust-proxy.ts): unset or `0` none
   * (the client address is the socket's), a hop count (`1`, `2`), or a comma list of addresses / CIDR ranges.
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .superRefine((v, ctx) => {
      try {
        compileTrustProxy(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  /** Wall-clock override for demos and end-to-end tests (YYYY-MM-DD); never set in production. */
  APP_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  /**
   * Public origin of the site (scheme, host, optional port; no path), used for absolute links: the estate
   * poster's QR code, sitemap.xml, robots.txt, JSON-LD. Unset: http://localhost:${PORT || 3000}.
   */
  SITE_URL: z
    .string()
    .url()
    .refine((s) => /^https?:\/\//.test(s), 'must start with http:// or https://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * SMS gateway for one-time codes and notices (lib/messaging): a JSON POST per message. Unset: messages stay
   * in the outbox the city reads at /bureau/outbox (demo). Set both or neither.
   */
  SMS_GATEWAY_URL: z
    .string()
    .url()
    .refine((s) => /^https?:\/\//.test(s), 'must start with http:// or https://')
    .optional(),
  /** Bearer token the SMS gateway expects. */
  SMS_GATEWAY_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /**
   * Demo city on an empty database (db/seed/first-start.ts): unset = only in demo mode (embedded database and
   * NODE_ENV not production); `1` forces it, in production with a warning and a password change per account;
   * `0` never.
   */
  DEMO: z.enum(['0', '1']).optional(),
  /**
   * Inbox e-mail over SMTP (lib/messaging/email.ts), e.g. smtps://user:pass@mail.example.gov.cn:465. Unset: e-mail
   * stays in the outbox at /bureau/outbox. Set together with MAIL_FROM.
   */
  SMTP_URL: z
    .string()
    .url()
    .refine((s) => /^smtps?:\/\//.test(s), 'must start with smtp:// or smtps://')
    .optional(),
  /** The sender address of inbox e-mail, e.g. 信用平台 <noreply@example.gov.cn>. */
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * `1` (default): the server runs the daily jobs itself after midnight China time and catches up a missed day at
   * start-up. `0`: cron runs `npm run jobs:daily` instead.
   */
  JOBS_IN_SERVER: z.enum(['0', '1']).default('1'),
}).refine((e) => !!e.SMS_GATEWAY_URL === !!e.SMS_GATEWAY_TOKEN, { message: 'set SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN together', path: ['SMS_GATEWAY_TOKEN'] })
  .refine((e) => !!e.SMTP_URL === !!e.MAIL_FROM, { message: 'set SMTP_URL and MAIL_FROM together', path: ['MAIL_FROM'] });

export type Env = z.infer<typeof schema> & {
  AUTH_SECRET: string;
  ID_ENCRYPTION_KEY: string;
  ID_HASH_KEY: string;
  AUDIT_CHECKPOINT_KEY: string;
  dataDir: string;
  pgliteDir: string;
  embedded: boolean;
  /** SITE_URL without a trailing slash, or the local default. */
  siteUrl: string;
  /** TRUST_PROXY compiled: whether the hop at `addr`, `hop` steps from the server, may name the client. */
  trustProxy: TrustFn;
};

let cached: Env | undefined;

const SECRET_NAMES = ['AUTH_SECRET', 'ID_ENCRYPTION_KEY', 'ID_HASH_KEY', 'AUDIT_CHECKPOINT_KEY'] as const;

/** The generated secrets; a name missing from an older file is generated and added (existing keys never change). */
function loadOrCreateSecrets(dataDir: string) {
  const file = path.join(dataDir, 'secrets.json');
  const secrets = (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}) as Record<string, string>;
  const missing = SECRET_NAMES.filter((n) => !secrets[n]);
  if (missing.length === 0) return secrets;
  for (const n of missing) secrets[n] = randomBytes(32).toString('base64');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    APP_TODAY: process.env.APP_TODAY || undefined,
    SITE_URL: process.env.SITE_URL || undefined,
    SMS_GATEWAY_URL: process.env.SMS_GATEWAY_URL || undefined,
    SMS_GATEWAY_TOKEN: process.env.SMS_GATEWAY_TOKEN || undefined,
    DEMO: process.env.DEMO || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
    JOBS_IN_SERVER: process.env.JOBS_IN_SERVER || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const needsFile = !e.AUTH_SECRET || !e.ID_ENCRYPTION_KEY || !e.ID_HASH_KEY || !e.AUDIT_CHECKPOINT_KEY;
  const fromFile = needsFile ? loadOrCreateSecrets(dataDir) : {};
  cached = {
    ...e,
    AUTH_SECRET: e.AUTH_SECRET ?? fromFile.AUTH_SECRET,
    ID_ENCRYPTION_KEY: e.ID_ENCRYPTION_KEY ?? fromFile.ID_ENCRYPTION_KEY,
    ID_HASH_KEY: e.ID_HASH_KEY ?? fromFile.ID_HASH_KEY,
    AUDIT_CHECKPOINT_KEY: e.AUDIT_CHECKPOINT_KEY ?? fromFile.AUDIT_CHECKPOINT_KEY,
    dataDir,
    pgliteDir: path.join(dataDir, 'pglite'),
    embedded: !e.DATABASE_URL,
    trustProxy: compileTrustProxy(e.TRUST_PROXY),
    siteUrl: (e.SITE_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, ''),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache() {
  cached = undefined;
}
