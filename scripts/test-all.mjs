#!/usr/bin/env node
/**
 * `npm test`: lint (ESLint, eslint.config.mjs), type-check, unit and integration tests (Vitest, on PGlite and PostgreSQL), a production build,
 * and the end-to-end tests (Playwright on the `npm start` server, scripts/serve.mjs). Ends with one line: `N passed, M failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0 };
let broken = false;
mkdirSync('test-results', { recursive: true });

function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) console.error(`${name}: exit code ${r.status}`);
  return r.status === 0;
}

const node = process.execPath;

// Lint first: it is fast, and a lint error fails the run (a warning counts as an error).
if (!step('lint (eslint)', node, ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0'])) {
  results.failed += 1;
  broken = true;
} else results.passed += 1;

if (!step('typecheck', node, ['node_modules/typescript/bin/tsc', '--noEmit'])) {
  results.failed += 1;
  broken = true;
} else results.passed += 1;

rmSync('test-results/vitest.json', { force: true });
step('unit + integration (vitest)', node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']);
if (existsSync('test-results/vitest.json')) {
  const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  results.passed += v.numPassedTests;
  results.failed += v.numFailedTests + (v.numFailedTestSuites ?? 0);
  if (v.numTotalTests === 0) broken = true;
} else {
  results.failed += 1;
  broken = true;
}

if (step('build', node, ['node_modules/next/dist/bin/next', 'build'])) {
  rmSync('test-results/e2e.json', { force: true });
  step('end-to-end (playwright)', node, ['node_modules/@playwright/test/cli.js', 'test'], { CI: process.env.CI || '1' });
  if (existsSync('test-results/e2e.json')) {
    const e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    results.passed += e.stats.expected;
    results.failed += e.stats.unexpected + (e.stats.flaky ?? 0) + (e.errors?.length ?? 0);
  } else {
    results.failed += 1;
  }
} else {
  results.failed += 1;
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || broken ? 1 : 0);
