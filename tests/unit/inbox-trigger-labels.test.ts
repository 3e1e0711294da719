import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUBMISSION_TYPE_LABELS } from '@/lib/domain/labels';

/** The decision trigger of migration 0017 writes inbox titles in SQL: its labels must be the UI's. */
describe('inbox decision trigger labels (migration 0017)', () => {
  const sqlText = readFileSync(path.join(process.cwd(), 'db/migrations/0017_jobs_inbox.sql'), 'utf8');
  const inSql = Object.fromEntries([...sqlText.matchAll(/WHEN '([a-z_]+)' THEN '([^']+)'/g)].map((m) => [m[1], m[2]]));

  it('names every submission type as SUBMISSION_TYPE_LABELS does', () => {
    for (const [type, label] of Object.entries(SUBMISSION_TYPE_LABELS)) expect(inSql[type], type).toBe(label);
  });
});
