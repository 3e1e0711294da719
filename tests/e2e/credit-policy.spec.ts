import { expect, test } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

test('the city changes the association cap as a new policy version, sees it in the history, and changes it back; a district gets 404', async ({ page, browser }) => {
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  await page.getByRole('link', { name: '信用政策' }).click();
  await expect(page.getByRole('heading', { name: /当前设置（第 \d+ 版）/ })).toBeVisible();
  const heading = (await page.getByRole('heading', { name: /当前设置/ }).textContent())!;
  const base = Number(/第 (\d+) 版/.exec(heading)![1]);

  const cap = page.getByLabel('行业协会表彰每年上限');
  await expect(cap).toHaveValue('100');
  await cap.fill('120');

  // No reason: the error at the field, nothing saved.
  await page.getByRole('button', { name: '保存为新版本' }).click();
  const reason = page.getByLabel('修改原因（必填）');
  await expect(page.locator('#policy-reason-error')).toHaveText('请填写修改原因');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(cap).toHaveValue('120');

  await reason.fill('协会表彰名额调整');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('status')).toHaveText(`已保存为第 ${base + 1} 版。`);
  await expect(page.getByRole('heading', { name: `当前设置（第 ${base + 1} 版）` })).toBeVisible();
  await expect(cap).toHaveValue('120');
  const history = page.getByTestId('policy-history');
  const row = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^第 ${base + 1} 版`) }) });
  await expect(row).toContainText('协会表彰名额调整');
  await expect(row).toContainText('行业协会表彰每年上限：100 → 120 人次');

  // Back to 100: other specs rely on the SPEC §4 default.
  await cap.fill('100');
  await reason.fill('恢复默认上限');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('heading', { name: `当前设置（第 ${base + 2} 版）` })).toBeVisible();
  await expect(cap).toHaveValue('100');
  const back = history.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^第 ${base + 2} 版`) }) });
  await expect(back).toContainText('行业协会表彰每年上限：120 → 100 人次');

  const district = await browser.newPage();
  await signIn(district, 'chuanshan');
  await expectSignedInAs(district, '/bureau');
  await expect(district.getByRole('link', { name: '信用政策' })).toHaveCount(0);
  expect((await district.goto('/bureau/policy'))?.status()).toBe(404);
  await district.close();
});
