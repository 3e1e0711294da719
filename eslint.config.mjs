// ESLint (flat config): Next's own rules (core web vitals, React, react-hooks with the React Compiler rules,
// TypeScript), plus the full recommended set of jsx-a11y — eslint-config-next turns on only five of its rules.
// `npm run lint`; `npm test` runs it as its first step.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    name: 'jsx-a11y/recommended',
    files: ['**/*.{jsx,tsx}'],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    name: 'project/unused-vars',
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // `const { secret: _s, ...rest } = row` is how the code drops a key before passing a row on.
      '@typescript-eslint/no-unused-vars': ['warn', { ignoreRestSiblings: true }],
    },
  },
  {
    // docs/decisions/022-public-pages-plain-links.md: the public pages, the site header and the not-found and
    // forbidden pages link with plain <a href> (a click is a document load; no prefetch, nothing to hydrate per
    // link). Next's rule asks for <Link> there, which is the opposite of the decision; instead, next/link is
    // refused in these files. The signed-in areas keep next/link and the rule.
    name: 'project/public-plain-links',
    files: ['app/(public)/**/*.{ts,tsx}', 'components/ui/site-header.tsx', 'app/not-found.tsx', 'app/forbidden.tsx'],
    rules: {
      '@next/next/no-html-link-for-pages': 'off',
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Public pages link with plain <a href> (docs/decisions/022-public-pages-plain-links.md).' }] }],
    },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'data/**',
    'test-results/**',
    'playwright-report/**',
    'tmp/**',
    'next-env.d.ts',
    'db/migrations/**',
  ]),
]);
