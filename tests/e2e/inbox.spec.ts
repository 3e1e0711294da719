import { expect, test } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

function plusYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const REASON = '合同期限与业主大会决议不符（收件箱测试）';

test('a company sees its returned contract in /inbox, marks it read; another company sees nothing', async ({ page, browser }) => {
  // The company registers a renewal in 船山区.
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.goto('/company/projects');
  const row = page.getByRole('row').filter({ hasText: '船山区' }).filter({ has: page.getByRole('link', { name: /登记续约合同/ }) }).first();
  const estate = (await row.getByRole('rowheader').textContent())!.trim();
  await row.getByRole('link', { name: /登记续约合同/ }).click();
  const start = await page.getByLabel('合同开始日期').inputValue();
  await page.getByLabel('合同结束日期').fill(plusYears(start, 3));
  await page.getByLabel('年物业费（元）').fill('1000000');
  await page.getByLabel('履约保证金（元）').fill('60000');
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page).toHaveURL(/\/company\/projects\?registered=1$/);

  // 船山区 does not confirm it, with a reason.
  const district = await (await browser.newContext()).newPage();
  await signIn(district, 'chuanshan');
  await expectSignedInAs(district, '/bureau');
  await district.goto('/bureau/contracts');
  await district.getByRole('link', { name: estate }).first().click();
  await district.getByLabel('理由').fill(REASON);
  await district.getByRole('button', { name: '不予确认' }).click();
  await expect(district.getByText('已退回该合同。')).toBeVisible();

  // The company's header counts it; the inbox shows it with the reason and a link to the contracts page.
  await page.goto('/company');
  await page.getByRole('link', { name: /待办消息/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { name: '待办消息' })).toBeVisible();
  const item = page.getByRole('row').filter({ hasText: REASON });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link', { name: '物业服务合同登记未通过' })).toHaveAttribute('href', '/company/projects');
  await item.getByRole('button', { name: /标为已读/ }).click();
  await expect(page.getByRole('row').filter({ hasText: REASON })).toContainText('已读');

  // Another company's account sees none of it.
  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'company2');
  await expectSignedInAs(other, '/company');
  await other.goto('/inbox');
  await expect(other.getByRole('heading', { name: '待办消息' })).toBeVisible();
  await expect(other.getByText(REASON)).toHaveCount(0);
});
