/**
 * The application's endpoints, read from the source: every export of every `'use server'` file under app/ and
 * lib/ (each is a POST endpoint that anyone who reads the JS chunks can call), and every HTTP method exported
 * by an app/**\/route.ts. The authorization matrix (tests/integration/authz-matrix.test.ts) needs a row for each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Endpoint {
  /** `app/bureau/contracts/actions.ts#decideContractAction`, `app/attachments/[id]/route.ts#GET` */
  id: string;
  kind: 'action' | 'route';
  file: string;
  name: string;
}

const ROOTS = ['app', 'lib'];
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (SOURCE.test(e.name)) out.push(p);
  }
  return out;
}

/** The source without comments (strings are left alone: good enough for directives and export statements). */
function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/[^\n]*/g, '$1');
}

/** Whether the module's first statement is the `'use server'` directive. */
export function isServerActionModule(src: string): boolean {
  return /^\s*(['"])use server\1\s*;?/.test(stripComments(src));
}

/** Whether a `'use server'` directive appears anywhere else (inline actions inside functions). */
export function hasInlineServerAction(src: string): boolean {
  const body = stripComments(src).replace(/^\s*(['"])use server\1\s*;?/, '');
  return /(^|[{;\n])\s*(['"])use server\2/.test(body);
}

/** The names of the runtime exports of a module (types and interfaces are erased and are not endpoints). */
export function runtimeExports(src: string): string[] {
  const s = stripComments(src);
  const names = new Set<string>();
  for (const m of s.matchAll(/^\s*export\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of s.matchAll(/^\s*export\s+(?:const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of s.matchAll(/^\s*export\s+(?:const|let|var)\s+\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const name = part.split(':').pop()!.trim();
      if (name) names.add(name);
    }
  }
  for (const m of s.matchAll(/^\s*export\s+\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const p = part.trim();
      if (!p || p.startsWith('type ')) continue;
      names.add(p.split(/\s+as\s+/).pop()!.trim());
    }
  }
  if (/^\s*export\s+default\b/m.test(s)) names.add('default');
  if (/^\s*export\s+\*\s+from/m.test(s)) names.add('*');
  return [...names].sort();
}

/** Every endpoint of the application in `root` (the repository), sorted by id. */
export function listEndpoints(root = process.cwd()): Endpoint[] {
  const out: Endpoint[] = [];
  for (const r of ROOTS) {
    for (const abs of walk(path.join(root, r))) {
      const file = path.relative(root, abs).split(path.sep).join('/');
      const src = readFileSync(abs, 'utf8');
      if (isServerActionModule(src)) {
        for (const name of runtimeExports(src)) out.push({ id: `${file}#${name}`, kind: 'action', file, name });
      }
      if (r === 'app' && /(^|\/)route\.(ts|js|mjs)$/.test(file)) {
        for (const name of runtimeExports(src).filter((n) => HTTP_METHODS.has(n))) out.push({ id: `${file}#${name}`, kind: 'route', file, name });
      }
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Files with a `'use server'` directive inside a function: their actions are not listed above. */
export function filesWithInlineServerActions(root = process.cwd()): string[] {
  const out: string[] = [];
  for (const r of ROOTS) {
    for (const abs of walk(path.join(root, r))) {
      if (hasInlineServerAction(readFileSync(abs, 'utf8'))) out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

/** The body of an exported function in `src` (to check that a thin action forwards to the service its row names). */
export function exportedFunctionBody(src: string, name: string): string | null {
  const start = new RegExp(`^export\\s+(?:async\\s+)?function\\s+${name}\\b`, 'm').exec(src);
  if (!start) return null;
  const next = /^(?:export\s|function\s|async\s+function\s|const\s|interface\s|type\s)/m;
  const rest = src.slice(start.index + start[0].length);
  const end = next.exec(rest);
  return rest.slice(0, end ? end.index : undefined);
}
