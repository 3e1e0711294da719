import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const path of ['/', '/login', '/search?q=%E8%8A%B1%E5%9B%AD']) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the home page shows the demo city’s headline numbers and list changes, server-rendered', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/');
  const numbers = page.getByRole('region', { name: '全市概况' });
  await expect(numbers).toContainText('备案物业服务企业');
  const staff = await numbers.locator('dd').nth(2).textContent();
  expect(Number(staff!.replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(4000);
  const changes = page.getByRole('region', { name: '红黑榜最新变动' });
  await expect(changes.getByRole('listitem').first()).toBeVisible();
  // Each change says in words what happened on which list, never the stored code.
  const texts = await changes.getByRole('listitem').allTextContents();
  for (const t of texts) {
    expect(t).toMatch(/(列入|移出|期满移出)(红榜|黑榜)|(红榜|黑榜)信息更新/);
    expect(t).not.toMatch(/\b(added|removed|expired|changed)\b/);
  }
});

test('the header search is a plain GET form with shareable results', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索小区、企业或物业服务人员' }).fill('物业');
  await page.getByRole('searchbox', { name: '搜索小区、企业或物业服务人员' }).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E7%89%A9%E4%B8%9A/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('“物业”的搜索结果');
  await expect(page.getByRole('region', { name: /物业服务企业/ }).getByRole('listitem').first()).toBeVisible();
});

test('unknown pages answer 404 in Chinese', async ({ page }) => {
  const res = await page.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
});
