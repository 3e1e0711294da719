import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

/**
 * The list-page kit on a phone (390 × 844): every list moved onto it fits the screen (no sideways scroll), shows
 * one card per row (the same table reflowed by CSS: header row hidden, each value after its column's label),
 * pages with server-rendered links that say "第 N / M 页" and the true total, and passes axe.
 */
const PHONE = { width: 390, height: 844 };

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(innerWidth);
}

/** The first list-kit table shows cards: rows are blocks, the header row is out of sight, values carry their label. */
async function expectCards(page: Page) {
  const table = page.locator('table.lk-table').first();
  await expect(table).toBeVisible();
  const shape = await table.evaluate((t) => {
    const row = t.querySelector('tbody tr')!;
    const cell = row.querySelector('td[data-label]')!;
    const head = t.querySelector('thead')!.getBoundingClientRect();
    return {
      rowDisplay: getComputedStyle(row).display,
      label: getComputedStyle(cell, '::before').content,
      dataLabel: cell.getAttribute('data-label'),
      headWidth: head.width,
      rowWidth: row.getBoundingClientRect().width,
    };
  });
  expect(shape.rowDisplay).toBe('block');
  expect(shape.label).toBe(`"${shape.dataLabel}"`);
  expect(shape.headWidth).toBeLessThanOrEqual(1);
  expect(shape.rowWidth).toBeLessThanOrEqual(PHONE.width);
  // The header cells are still there for screen readers.
  expect(await table.getByRole('columnheader').count()).toBeGreaterThan(1);
}

/** "第 N / M 页（共 T …）": M is T over the page size, rounded up. Returns M. */
async function readPager(page: Page, pageSize: number): Promise<{ pages: number; total: number }> {
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager).toBeVisible();
  const text = (await pager.textContent()) ?? '';
  const m = /第 (\d+) \/ (\d+) 页（共 (\d+)/.exec(text);
  expect(m, text).not.toBeNull();
  const pages = Number(m![2]);
  const total = Number(m![3]);
  expect(pages).toBe(Math.max(1, Math.ceil(total / pageSize)));
  return { pages, total };
}

async function signedIn(browser: Browser, username: string, area: string) {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, username);
  await expectSignedInAs(page, area);
  return page;
}

test('a district reviewer’s lists are cards on a phone, page with links and pass axe', async ({ browser }) => {
  const page = await signedIn(browser, 'chuanshan', '/bureau');
  const lists: { path: string; heading: string; size: number }[] = [
    { path: '/bureau/staff?status=all', heading: '从业人员审核', size: 30 },
    { path: '/bureau/roster', heading: '从业人员名册完整性', size: 30 },
    { path: '/bureau/projects', heading: '小区（物业项目）', size: 30 },
    { path: '/bureau/records?status=all', heading: '人员奖惩记录审核', size: 30 },
  ];
  let paged = 0;
  for (const list of lists) {
    await page.goto(list.path);
    await expect(page.getByRole('heading', { level: 1, name: list.heading })).toBeVisible();
    await expectCards(page);
    await expectNoSidewaysScroll(page);
    const { pages, total } = await readPager(page, list.size);
    expect(total).toBeGreaterThan(0);
    if (pages > 1) {
      paged++;
      await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
      await expect(page).toHaveURL(/[?&]page=2(&|$)/);
      await expect(page.getByRole('navigation', { name: '分页' })).toContainText(`第 2 / ${pages} 页（共 ${total}`);
      await expectCards(page);
      await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '上一页' }).click();
      await expect(page.getByRole('navigation', { name: '分页' })).toContainText(`第 1 / ${pages} 页`);
    } else {
      await expect(page.getByRole('navigation', { name: '分页' }).getByRole('link')).toHaveCount(0);
    }
    await expectNoAxeViolations(page);
  }
  // At least one of these lists is long enough in the demo city to have a second page.
  expect(paged).toBeGreaterThan(0);

  // A filter that matches nothing says so and offers to clear it; a bad page number is a page, not an error.
  await page.goto('/bureau/staff?status=all&q=%E6%97%A0%E6%AD%A4%E4%BA%BA%E5%91%98zz');
  await expect(page.getByText('没有符合条件的申请。')).toBeVisible();
  await page.getByRole('link', { name: '清除筛选条件' }).click();
  await expect(page).toHaveURL(/\/bureau\/staff$/);
  await expect(page.getByLabel('小区名称或人员姓名')).toHaveValue('');
  const odd = await page.goto('/bureau/staff?status=nonsense&page=-4&overdue=yes&projectId=abc');
  expect(odd?.status()).toBe(200);
  await expect(page.getByLabel('状态')).toHaveValue('submitted');
  await expectNoSidewaysScroll(page);
});

test('a company operator’s lists are cards on a phone with no sideways scroll, and pass axe', async ({ browser }) => {
  const page = await signedIn(browser, 'company', '/company');
  for (const [path, heading] of [
    ['/company/staff', '从业人员'],
    ['/company/projects', '项目与合同'],
    ['/company/moves', '人员变动'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    if (path !== '/company/moves') await expectCards(page);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
  // Narrowed to one estate, the staff list offers that estate's roster as Excel, with the filter in the link.
  await page.goto('/company/staff');
  const estate = page.getByLabel('项目');
  const option = estate.locator('option').nth(1);
  const [projectId, estateName] = [await option.getAttribute('value'), (await option.textContent())!.trim()];
  await estate.selectOption(projectId!);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`projectId=${projectId}`));
  const exportLink = page.getByRole('link', { name: `导出${estateName}信息名册（Excel）` });
  await expect(exportLink).toHaveAttribute('href', `/company/staff/roster.xlsx?project=${projectId}`);
  const download = page.waitForEvent('download');
  await exportLink.click();
  expect((await download).suggestedFilename()).toContain(estateName);
});

test('public lists at 390 px: plain links, the numbered pager keeps the filters, no sideways scroll, axe clean', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  for (const path of ['/companies', '/projects', '/lists/red', '/search?q=%E8%8A%B1%E5%9B%AD']) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  }
  await page.goto('/lists/red');
  const pager = page.getByRole('navigation', { name: '分页' });
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/lists\/red\?page=2$/);
  await expect(pager.locator('[aria-current="page"]')).toHaveText('第2页');
  // A search that finds nothing says so and how to start again.
  await page.goto('/companies?q=%E6%B2%A1%E6%9C%89%E8%BF%99%E5%AE%B6zz');
  await expect(page.getByText('没有找到匹配的已备案物业服务企业')).toBeVisible();
  await page.getByRole('link', { name: '清除筛选条件' }).click();
  await expect(page).toHaveURL(/\/companies$/);
  // Past the last page: a page that says so, with a way back.
  await page.goto('/companies?page=99999');
  await expect(page.getByText('没有这一页。')).toBeVisible();
  await expect(page.getByRole('link', { name: '回到第 1 页' })).toHaveAttribute('href', '/companies');
});
