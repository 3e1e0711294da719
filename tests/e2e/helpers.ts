import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'suining-demo-2026';

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function expectSignedInAs(page: Page, path: string) {
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}

/** The two screens the signed-in journeys run on (issue 15): a desktop and a 390 px phone. */
export const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** Follows a link of the signed-in area's menu, opening the menu first where it is folded (a phone). */
export async function followMenu(page: Page, name: string) {
  const menu = page.locator('nav details > summary');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/** Fails when the page is wider than the screen (it would scroll sideways). */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
}

/**
 * A page signed in as `username` in a browser context of its own (its own cookies), on `viewport` if given;
 * `javaScript: false` for a journey that must work without it.
 */
export async function signedIn(
  browser: Browser,
  username: string,
  area: string,
  viewport?: { width: number; height: number },
  { javaScript = true }: { javaScript?: boolean } = {},
): Promise<Page> {
  const page = await (await browser.newContext({ ...(viewport ? { viewport } : {}), javaScriptEnabled: javaScript })).newPage();
  await signIn(page, username);
  await expectSignedInAs(page, area);
  return page;
}

/** The date `n` days before today in China, as the end-to-end server (on the real clock) counts days. */
export function daysAgo(n: number) {
  return new Date(Date.now() + 8 * 3600_000 - n * 86_400_000).toISOString().slice(0, 10);
}

/** A district or city reviewer approves a submission on its review page (the heading names the kind and the person). */
export async function approveSubmission(page: Page, submissionId: string, heading: RegExp) {
  await page.goto(`/bureau/staff/${submissionId}`);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await page.getByRole('radio', { name: '审核通过' }).check();
  await page.getByRole('button', { name: '提交审核结果' }).click();
  await expect(page.getByText('已提交审核结果：审核通过。')).toBeVisible();
}

/** The company declares a person's exit from the industry (SN 17) from the person's page; returns the submission id. */
export async function declareExit(page: Page, practitionerId: string, reason: string) {
  await page.goto(`/company/staff/${practitionerId}`);
  await page.getByRole('link', { name: '申报退出行业' }).click();
  await page.getByLabel('离职日期').fill(daysAgo(0));
  await page.getByLabel('退出原因').fill(reason);
  await page.getByRole('button', { name: '申报退出行业' }).click();
  await expect(page.getByText('退出申报已提交，等待区县住建部门审核。')).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** axe with the WCAG 2.2 AA rule set: no violations on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
