/** Chrome's switches for a quiet headless run on this machine: the e2e tests (playwright.config.ts) and Lighthouse (scripts/lighthouse.ts). */
export const QUIET_CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
