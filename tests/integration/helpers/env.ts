/** Test-only environment: fixed keys so that no secrets file is written, and a throw-away data folder. */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

process.env.DATA_DIR ??= path.join(os.tmpdir(), `suining-vitest-${process.pid}`);
process.env.AUTH_SECRET ??= randomBytes(32).toString('base64');
process.env.ID_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString('base64');
process.env.ID_HASH_KEY ??= Buffer.alloc(32, 9).toString('base64');
process.env.AUDIT_CHECKPOINT_KEY ??= Buffer.alloc(32, 11).toString('base64');

export const TEST_PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
