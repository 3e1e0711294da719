import { expect, test } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

/** SPEC §5: one account per role; each lands in its own area and sees its own scope. */
const ACCOUNTS = [
  { username: 'city', area: '/bureau', scope: '遂宁市全市' },
  { username: 'chuanshan', area: '/bureau', scope: '船山区（仅本辖区' },
  { username: 'shehong', area: '/bureau', scope: '射洪市（仅本辖区' },
  { username: 'company', area: '/company', scope: '统一社会信用代码' },
  { username: 'company2', area: '/company', scope: '统一社会信用代码' },
  { username: 'association', area: '/association', scope: '本协会' },
  { username: 'committee', area: '/committee', scope: '天宫花园（船山区）' },
  { username: 'department', area: '/department', scope: '遂宁市市场监督管理局' },
  { username: 'street', area: '/street', scope: '辖区内的物业服务项目' },
];

for (const a of ACCOUNTS) {
  test(`${a.username} signs in and lands in ${a.area}`, async ({ page }) => {
    await signIn(page, a.username);
    await expectSignedInAs(page, a.area);
    const who = page.getByRole('region', { name: /您好/ });
    await expect(who).toContainText(a.username);
    await expect(who.getByText('管辖范围')).toBeVisible();
    await expect(who).toContainText(a.scope);
  });
}

test('a district sees only its own district on the bureau home; the city sees all five', async ({ page, browser }) => {
  await signIn(page, 'chuanshan');
  await expectSignedInAs(page, '/bureau');
  const table = page.getByRole('region', { name: '本辖区' }).getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveText(['船山区']);

  const cityPage = await (await browser.newContext()).newPage();
  await signIn(cityPage, 'city');
  await expectSignedInAs(cityPage, '/bureau');
  const all = cityPage.getByRole('region', { name: '各区县' }).getByRole('table');
  await expect(all.getByRole('rowheader')).toHaveCount(5);
  await expect(all).toContainText('射洪市');
});

test('a company sees its own estates in 船山区 and 射洪市, and company2 does not see them', async ({ page, browser }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  const estates = page.getByRole('region', { name: /服务的物业项目/ });
  await expect(estates).toContainText('船山区');
  await expect(estates).toContainText('射洪市');
  const firstEstate = (await estates.getByRole('rowheader').first().textContent())!.trim();

  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'company2');
  await expectSignedInAs(other, '/company');
  await expect(other.getByRole('region', { name: /服务的物业项目/ })).not.toContainText(firstEstate);
});

test('anonymous on /bureau is sent to sign in', async ({ page }) => {
  await page.goto('/bureau');
  await expect(page).toHaveURL(/\/login\?next=%2Fbureau$/);
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('company on /bureau gets 404, and on the other areas too; each attempt is in the audit log', async ({ page, browser }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  for (const path of ['/bureau', '/bureau/audit', '/association', '/committee', '/department']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  }
  const cityPage = await (await browser.newContext()).newPage();
  await signIn(cityPage, 'city');
  await expectSignedInAs(cityPage, '/bureau');
  await cityPage.goto('/bureau/audit');
  // Other spec files share this server's database: count only this account's page attempts.
  const denied = cityPage
    .getByRole('row')
    .filter({ has: cityPage.getByRole('rowheader', { name: '访问辖区外对象（已拒绝）', exact: true }) })
    .filter({ hasText: '页面/' })
    .filter({ has: cityPage.getByRole('cell', { name: /^company\s*物业服务企业$/ }) });
  await expect(denied).toHaveCount(5);
  await expect(denied.first()).toContainText('页面/department');
});

test('a district gets 403 on the city-only audit log; the city sees it with the chain verified', async ({ page, browser }) => {
  await signIn(page, 'chuanshan');
  await expectSignedInAs(page, '/bureau');
  const res = await page.goto('/bureau/audit');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();

  const cityPage = await (await browser.newContext()).newPage();
  await signIn(cityPage, 'city');
  await expectSignedInAs(cityPage, '/bureau');
  await cityPage.getByRole('link', { name: '审计日志' }).click();
  await expect(cityPage.getByRole('status')).toContainText('哈希链校验通过');
  await expect(cityPage.getByRole('table').getByRole('rowheader', { name: '登录', exact: true }).first()).toBeVisible();
});

test('a wrong password and an unknown account get the same message', async ({ page }) => {
  // Next.js adds an empty route-announcer alert of its own; ours is the one with text.
  const message = page.getByRole('alert').filter({ hasText: /\S/ });
  await signIn(page, 'company', 'wrong-password');
  await expect(message).toHaveText('账号或密码错误');
  await signIn(page, 'no-such-account', 'wrong-password');
  await expect(message).toHaveText('账号或密码错误');
  await expect(page).toHaveURL(/\/login/);
});

test('empty fields get messages at the field', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: '登录' }).click();
  // At the field and in the error summary.
  await expect(page.getByText('请输入账号')).toHaveCount(2);
  // At the field and in the error summary.
  await expect(page.getByText('请输入密码')).toHaveCount(2);
});

test('sign-out ends the session on the server: the old cookie no longer works', async ({ page, browser }) => {
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const p = await replay.newPage();
  await p.goto('/bureau');
  await expect(p).toHaveURL(/\/login/);
});

test('sign-in works without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, 'association');
  await expect(page).toHaveURL(/\/association$/);
  await expect(page.getByRole('heading', { name: /您好/ })).toBeVisible();
});

test('five failures lock the account for this address, with a message that says so', async ({ page }) => {
  // An unknown account locks like a real one, so this test leaves the demo accounts usable.
  const message = page.getByRole('alert').filter({ hasText: /\S/ });
  for (let i = 0; i < 5; i++) {
    await signIn(page, 'ghost-of-e2e', 'wrong-password');
    await expect(message).toHaveText('账号或密码错误');
  }
  await signIn(page, 'ghost-of-e2e', 'wrong-password');
  await expect(message).toContainText('该账号已被暂时锁定');
});

test('changing the password ends every session; the new password works and the old one does not', async ({ page, browser }) => {
  await signIn(page, 'department');
  await expectSignedInAs(page, '/department');
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await signIn(other, 'department');
  await expectSignedInAs(other, '/department');

  await page.goto('/account/password');
  await page.getByLabel('当前密码').fill('suining-demo-2026');
  await page.getByLabel('新密码', { exact: true }).fill('short');
  await page.getByLabel('再次输入新密码').fill('short');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.locator('#next-error')).toHaveText('新密码至少 12 位');
  await expect(page.getByTestId('error-summary').getByRole('link', { name: '新密码至少 12 位' })).toHaveAttribute('href', '#next');
  // A refused submit keeps what was typed (decision 026): the browser holds it, the server never sends a password back.
  await expect(page.getByLabel('当前密码')).toHaveValue('suining-demo-2026');

  // Long enough, letters and digits, but a common word with a year: refused.
  await page.getByLabel('当前密码').fill('suining-demo-2026');
  await page.getByLabel('新密码', { exact: true }).fill('NewPassword2026');
  await page.getByLabel('再次输入新密码').fill('NewPassword2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.locator('#next-error')).toContainText('该密码过于常见或容易被猜到');
  await expect(page.getByLabel('当前密码')).toHaveValue('suining-demo-2026');

  await page.getByLabel('当前密码').fill('suining-demo-2026');
  await page.getByLabel('新密码', { exact: true }).fill('Lanse7Huaping47');
  await page.getByLabel('再次输入新密码').fill('Lanse7Huaping47');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page).toHaveURL(/\/login\?changed=1/);
  await expect(page.getByRole('status')).toContainText('密码已修改');

  await other.goto('/department');
  await expect(other).toHaveURL(/\/login/);

  await signIn(page, 'department');
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('账号或密码错误');
  await signIn(page, 'department', 'Lanse7Huaping47');
  await expectSignedInAs(page, '/department');
});
