import { defineConfig } from 'drizzle-kit';

// Used only to generate migrations (`npm run db:generate`); they are applied by scripts/migrate.ts,
// which works on both PGlite and PostgreSQL (drizzle-kit migrate cannot load pg_trgm into PGlite).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
