/**
 * Pages, layouts and their server components read the credit policy through one request-scoped reader
 * (lib/policy.ts, React `cache`), so that a page and the components it renders see one version and ask once.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('the credit policy as pages read it', () => {
  it('no page, layout or component reads it directly: they use currentPolicy() (lib/policy.ts)', () => {
    const direct = [...sources(path.join(root, 'app')), ...sources(path.join(root, 'components'))]
      // Actions, route handlers and the list export specs their routes run (lib/services/list-export.ts hands them the
      // handler's db) are not rendering: they read the policy themselves, like services.
      .filter((f) => !/\/(actions|route|export)\.ts$/.test(f))
      .filter((f) => /\bgetCurrentPolicy\b/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(direct).toEqual([]);
  });

  it('the reader is one React cache() around getCurrentPolicy (scoped to the request)', () => {
    const src = readFileSync(path.join(root, 'lib/policy.ts'), 'utf8');
    expect(src).toMatch(/export const currentPolicy = cache\(/);
    expect(src).toMatch(/getCurrentPolicy\(getDb\(\)\)/);
  });

  it('the pages that show the policy use it', () => {
    const users = sources(path.join(root, 'app')).filter((f) => /\bcurrentPolicy\(\)/.test(readFileSync(f, 'utf8')));
    expect(users.length).toBeGreaterThanOrEqual(20);
  });
});
