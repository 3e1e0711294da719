import { expect, test } from '@playwright/test';
import { expectSignedInAs, followMenu, signIn } from './helpers';

function plusYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

test('a company registers a contract in 船山区, chuanshan confirms it, shehong cannot see it', async ({ page, browser }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.getByRole('link', { name: '项目与合同' }).click();
  await expect(page.getByRole('heading', { name: '项目与合同' })).toBeVisible();

  const row = page
    .getByRole('row')
    .filter({ hasText: '船山区' })
    .filter({ has: page.getByRole('link', { name: /登记续约合同/ }) })
    .first();
  const estate = (await row.getByRole('rowheader').textContent())!.trim();
  await row.getByRole('link', { name: /登记续约合同/ }).click();
  await expect(page.getByRole('heading', { name: '登记物业服务合同' })).toBeVisible();

  // The renewal starts the day after the current contract ends (prefilled).
  const start = await page.getByLabel('合同开始日期').inputValue();
  expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('合同结束日期').fill(plusYears(start, 3));
  await page.getByLabel('年物业费（元）').fill('1000000');
  // The bond's hint follows the fees as they are typed, before any submit.
  await expect(page.locator('#bondAmount-hint')).toHaveText('履约保证金应在 50,000 元 至 300,000 元 之间（不低于年物业费的 5%，不超过 300,000 元）');

  // A bond below 5 % of a year's fees: the Chinese field error, linked to the field.
  const bond = page.getByLabel('履约保证金（元）');
  await bond.fill('10000');
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page.locator('#bondAmount-error')).toHaveText('履约保证金应在 50,000 元 至 300,000 元 之间（不低于年物业费的 5%，不超过 300,000 元）');
  await expect(bond).toHaveAttribute('aria-invalid', 'true');
  await expect(bond).toHaveAttribute('aria-describedby', /bondAmount-error/);

  await bond.fill('60000');
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page).toHaveURL(/\/company\/projects\?registered=1$/);
  await expect(page.getByRole('status')).toContainText('等待项目所在区县住建部门确认');
  await expect(page.getByRole('row').filter({ hasText: estate }).filter({ hasText: '待确认' })).toHaveCount(1);

  // The district of the estate confirms it.
  const district = await (await browser.newContext()).newPage();
  await signIn(district, 'chuanshan');
  await expectSignedInAs(district, '/bureau');
  await followMenu(district, '合同确认');
  await district.getByRole('link', { name: estate }).click();
  await expect(district).toHaveURL(/\/bureau\/contracts\/[0-9a-f-]{36}$/);
  const url = district.url();
  await district.getByRole('button', { name: '确认合同' }).click();
  await expect(district.getByText('该合同已处理：已确认')).toBeVisible();

  // Another district gets 404 on the same URL.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'shehong');
  await expectSignedInAs(other, '/bureau');
  const res = await other.goto(url);
  expect(res?.status()).toBe(404);
  await other.goto('/bureau/contracts?status=confirmed');
  await expect(other.getByRole('link', { name: estate })).toHaveCount(0);

  // The company sees it confirmed.
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: estate }).filter({ hasText: `${start} 至` })).toContainText('已确认');
});

test('the bureau estates page flags stale disclosure boards', async ({ page }) => {
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  await followMenu(page, '小区');
  await expect(page.getByRole('heading', { name: '小区（物业项目）' })).toBeVisible();
  await page.getByLabel('提示').selectOption('stale_board');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/flag=stale_board/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('公示栏超过12个月未更新');
});

test('the serving company publishes a new version of an estate’s disclosure board', async ({ page }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.goto('/company/projects');
  await page.getByRole('link', { name: /编辑公示栏/ }).first().click();
  await expect(page.getByRole('heading', { name: /公示栏$/ })).toBeVisible();
  const current = Number((await page.getByText(/当前为第 \d+ 版/).textContent())!.match(/第 (\d+) 版/)![1]);

  const complaint = page.getByLabel('投诉电话');
  await complaint.fill('123');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.locator('#data-complaintPhone-error')).toContainText('请填写有效的投诉电话');
  await expect(complaint).toHaveAttribute('aria-invalid', 'true');

  await complaint.fill('0825-2223333');
  await page.getByRole('button', { name: '添加收费项目' }).click();
  await page.getByLabel(/^收费项目 \d+$/).last().fill('装修押金');
  await page.getByLabel(/^收费标准 \d+$/).last().fill('2000元/户（验收后退还）');
  await page.getByRole('button', { name: '发布新版本' }).click();
  await expect(page.getByRole('status')).toHaveText(`已发布第 ${current + 1} 版公示内容。`);
  await expect(page.getByLabel('投诉电话')).toHaveValue('0825-2223333');

  await page.getByRole('link', { name: '查看历史版本' }).click();
  await expect(page.getByText(new RegExp(`第 ${current + 1} 版 · 公示日期`))).toBeVisible();
  await expect(page.getByText(new RegExp(`第 ${current} 版 · 公示日期`))).toBeVisible();
  await expect(page.getByText('装修押金：2000元/户（验收后退还）')).toBeVisible();
});

test('a company records a non-renewal notice and an early exit', async ({ page }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.goto('/company/projects');
  const links = page.getByRole('link', { name: /不续约告知 \/ 提前撤出/ });
  await links.first().click();
  await page.getByRole('button', { name: '登记不续约告知' }).click();
  // The page reloads its data: the notice is on the contract, and the form is gone.
  await expect(page.getByText(/^\d{4}-\d{2}-\d{2}（(已按时告知|告知逾期)）/)).toBeVisible();
  await expect(page.getByRole('button', { name: '登记不续约告知' })).toHaveCount(0);

  await page.goto('/company/projects');
  await links.nth(1).click();
  await page.getByRole('button', { name: '登记提前撤出' }).click();
  await expect(page.locator('#reason-error')).toContainText('请写明撤出原因');
  await page.getByLabel('撤出原因').fill('业主大会依法解聘，双方协商一致提前终止');
  await page.getByLabel('已与业主委员会或新物业服务企业完成交接').check();
  await page.getByRole('button', { name: '登记提前撤出' }).click();
  await expect(page.getByText('已提前终止')).toBeVisible();
  await expect(page.getByText('业主大会依法解聘，双方协商一致提前终止（已完成交接）')).toBeVisible();
});
