import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

/**
 * Issue 15 item 2: the signed-in areas on a phone (390×844). A company operator and a district reviewer open the
 * menu, follow it to every page it offers and to the forms they use most; no page scrolls sideways, axe finds
 * nothing, and the menu's links and the header's button are at least 44 px tall.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

async function expectFitsThePhone(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect.soft(results.violations.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectTall(page: Page, locator: ReturnType<Page['locator']>) {
  for (const box of await locator.evaluateAll((els) => els.map((e) => ({ text: e.textContent?.trim(), h: e.getBoundingClientRect().height })))) {
    expect(box.h, `${page.url()}: “${box.text}” is ${box.h} px tall`).toBeGreaterThanOrEqual(44);
  }
}

/** Opens the menu, checks its groups and link sizes, and returns the pages it offers. */
async function menuPages(page: Page, navName: string, groups: string[]) {
  const nav = page.getByRole('navigation', { name: navName });
  // The desktop row is not shown on a phone: the menu is one line.
  expect((await nav.boundingBox())!.height).toBeLessThan(60);
  await nav.getByText('菜单', { exact: true }).click();
  for (const g of groups) await expect(nav.getByRole('list', { name: g })).toBeVisible();
  const links = nav.getByRole('link');
  await expectTall(page, links);
  await expectTall(page, page.getByRole('button', { name: '退出登录' }));
  const hrefs = await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
  expect(new Set(hrefs).size).toBe(hrefs.length);
  return { nav, hrefs };
}

test('a company operator on a phone: a one-line menu in groups, and every page fits the screen', async ({ page }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await expectFitsThePhone(page);
  const { nav, hrefs } = await menuPages(page, '企业工作台导航', ['企业', '从业人员']);
  expect(hrefs).toEqual(expect.arrayContaining(['/company/filing', '/company/staff', '/company/staff/import', '/company/moves']));

  // Following a link goes there, marks it as the page shown and folds the menu away.
  await nav.getByRole('link', { name: '人员变动' }).click();
  await expect(page).toHaveURL(/\/company\/moves$/);
  await expect(nav.getByRole('link', { name: '人员变动' })).toBeHidden();
  await expect(nav.locator('summary')).toContainText('人员变动');
  await nav.getByText('菜单', { exact: true }).click();
  await expect(nav.getByRole('link', { name: '人员变动' })).toHaveAttribute('aria-current', 'page');

  for (const href of [...hrefs, '/company/staff/new', '/company/records/new-good', '/company/moves/transfer']) {
    await page.goto(href);
    await expectFitsThePhone(page);
  }
});

test('a district reviewer on a phone: the grouped menu, and every page it offers fits the screen', async ({ page }) => {
  await signIn(page, 'chuanshan');
  await expectSignedInAs(page, '/bureau');
  await expectFitsThePhone(page);
  const { hrefs } = await menuPages(page, '船山区住建局导航', ['审核', '记录与评价', '小区监管']);
  expect(hrefs).toEqual(expect.arrayContaining(['/bureau/staff', '/bureau/records', '/bureau/projects']));
  // A district has no city settings.
  expect(hrefs).not.toContain('/bureau/outbox');
  for (const href of hrefs) {
    await page.goto(href);
    await expectFitsThePhone(page);
  }
});

test('on a desktop the same links stand in one row of at most three lines, with no menu button', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  const nav = page.getByRole('navigation', { name: '市住建局导航' });
  await expect(nav.getByText('菜单', { exact: true })).toBeHidden();
  await expect(nav.getByRole('link', { name: '短信与邮件发件箱' })).toBeVisible();
  // The city has the most pages (28 links in five groups): three lines of 44 px at 1280 px, never more.
  expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(3 * 44 + 2);
  await expect(nav.getByRole('link', { name: '工作台' })).toHaveAttribute('aria-current', 'page');
});
