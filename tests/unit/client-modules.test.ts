/**
 * What our code sends to the browser (issue 14 item 6: read-only public pages ship no client JavaScript of ours
 * beyond what a form needs). Read from the source's import graph, so it needs no build:
 * - a public page or layout reaches a `'use client'` module only if it is one of the forms below;
 * - no client module reaches a Node built-in (`node:crypto` in a shared module once put a ≈ 140 KB gzipped crypto
 *   polyfill into the objection form) or `server-only`.
 */
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const rel = (p: string) => path.relative(ROOT, p);
const source = (file: string) => readFileSync(file, 'utf8');
/** The directive must be the module's first statement; comments before it are allowed. */
const directive = (file: string, d: string) => new RegExp(`^(?:\\s|//[^\\n]*\\n|/\\*[\\s\\S]*?\\*/)*['"]${d}['"]`).test(source(file));

/** The modules a file imports at run time (not `import type`), as written. */
function specifiers(file: string): string[] {
  const text = source(file);
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[1]) found.push(m[2]);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]);
  return found;
}

/** A specifier of our own code as a file path; undefined for packages. */
function resolveOwn(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? path.join(ROOT, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return undefined;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * The client modules a server file reaches: server imports are followed until a `'use client'` module (the
 * boundary: what the browser gets) — `'use server'` modules are not followed, the browser gets only references.
 */
function clientModulesReachedFrom(entry: string): string[] {
  const seen = new Set<string>();
  const clients = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file !== entry && directive(file, 'use client')) {
      clients.add(rel(file));
      continue;
    }
    if (file !== entry && directive(file, 'use server')) continue;
    for (const spec of specifiers(file)) {
      const own = resolveOwn(file, spec);
      if (own) stack.push(own);
    }
  }
  return [...clients].sort();
}

/** Everything a client module pulls into the browser bundle: our files and the packages they name. */
function browserGraph(entry: string): { file: string; spec: string }[] {
  const seen = new Set<string>();
  const edges: { file: string; spec: string }[] = [];
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // A server action module is a reference in the browser, whatever it imports.
    if (file !== entry && directive(file, 'use server')) continue;
    for (const spec of specifiers(file)) {
      edges.push({ file: rel(file), spec });
      const own = resolveOwn(file, spec);
      if (own) stack.push(own);
    }
  }
  return edges;
}

const publicDir = path.join(ROOT, 'app/(public)');
const publicEntries = walk(publicDir).filter((f) => /\/(page|layout)\.tsx$/.test(f));
const rootEntries = ['app/layout.tsx', 'app/not-found.tsx'].map((f) => path.join(ROOT, f));

/** The public pages that carry a form needing JavaScript (pending state, field errors), and their client modules. */
const FORM_PAGES: Record<string, string[]> = {
  'app/(public)/complaints/new/page.tsx': ['app/(public)/complaints/new/complaint-form.tsx'],
  'app/(public)/login/page.tsx': ['app/(public)/login/login-form.tsx'],
  'app/(public)/objections/new/page.tsx': ['app/(public)/objections/new/objection-form.tsx', 'app/(public)/objections/new/record-forms.tsx'],
  'app/(public)/statements/new/page.tsx': ['app/(public)/statements/new/statement-form.tsx'],
  'app/(public)/spot-checks/verify/page.tsx': ['app/(public)/spot-checks/verify/paste-form.tsx'],
};

describe('client JavaScript of ours on the public pages', () => {
  it('finds the public pages (the walk is not empty)', () => {
    expect(publicEntries.length).toBeGreaterThan(15);
  });

  it('read-only pages and the layouts reach no client module; the forms reach only their own', () => {
    const reached = Object.fromEntries(
      [...rootEntries, ...publicEntries].map((f) => [rel(f), clientModulesReachedFrom(f)] as const).filter(([, c]) => c.length > 0),
    );
    expect(reached).toEqual(FORM_PAGES);
  });

  it('no client module reaches a Node built-in or server-only', () => {
    const clientFiles = [...walk(path.join(ROOT, 'app')), ...walk(path.join(ROOT, 'components'))].filter((f) => directive(f, 'use client'));
    expect(clientFiles.length).toBeGreaterThan(10);
    const bad = clientFiles.flatMap((f) => browserGraph(f).filter((e) => NODE_BUILTINS.has(e.spec) || e.spec === 'server-only').map((e) => `${rel(f)}: ${e.file} imports ${e.spec}`));
    expect([...new Set(bad)]).toEqual([]);
  });
});
