import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';
import { currentStaff, demo, idNumberOf } from './demo-people';

const PUBLIC_PHONE_POSTS = ['项目负责人', '客服主管', '工程主管', '安保主管'];

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** An estate of the demo company in 船山区 with a manager and cleaners, at most one page of staff. */
function pickEstate() {
  const d = demo();
  for (const p of d.projects.filter((x) => x.currentCompanyId === d.companyId && x.districtId === d.chuanshanDistrictId)) {
    const staff = currentStaff(p.id);
    if (staff.length <= 40 && staff.some((s) => s.post === '项目负责人') && staff.filter((s) => s.post === '保洁人员').length >= 2) return { project: p, staff };
  }
  throw new Error('no suitable demo estate');
}

test('the estate page lists approved staff with phones only for the manager and supervisors; cards are noindex', async ({ page }) => {
  const { project, staff } = pickEstate();
  await page.goto(`/projects/${project.id}`);
  const section = page.getByRole('region', { name: '服务人员' });
  await expect(section).toContainText(`共 ${staff.length} 人`);
  const items = section.locator('li:has(h3)');
  await expect(items).toHaveCount(staff.length);
  const byId = new Map(staff.map((s) => [s.id, s]));
  for (let i = 0; i < staff.length; i++) {
    const item = items.nth(i);
    const href = (await item.getByRole('link').first().getAttribute('href'))!;
    const person = byId.get(href.split('/').pop()!)!;
    expect(person, href).toBeDefined();
    const text = (await item.textContent())!;
    expect(text).toContain(person.post);
    if (PUBLIC_PHONE_POSTS.includes(person.post)) expect(text).toContain(person.mobile);
    else expect(text).not.toContain(person.mobile);
    expect(text).not.toContain(person.birthDate);
  }
  await expect(items.first()).toContainText('项目负责人');
  await expectNoAxeViolations(page);

  const manager = staff.find((s) => s.post === '项目负责人')!;
  await section.getByRole('link', { name: manager.name }).first().click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/staff/[0-9a-f-]{36}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(manager.name);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectNoAxeViolations(page);
});

test('cards and photos of anyone not currently approved at the estate answer 404', async ({ page, request }) => {
  const { project, staff } = pickEstate();
  const d = demo();
  const pending = d.employments.find((e) => e.status === 'pending' && e.projectId)!;
  const stranger = '00000000-0000-4000-8000-000000000000';
  expect((await page.goto(`/projects/${project.id}/staff/${stranger}`))?.status()).toBe(404);
  expect((await page.goto(`/projects/${pending.projectId}/staff/${pending.practitionerId}`))?.status()).toBe(404);
  const otherEstate = d.projects.find((p) => p.id !== project.id)!;
  expect((await page.goto(`/projects/${otherEstate.id}/staff/${staff[0]!.id}`))?.status()).toBe(404);
  expect((await request.get(`/projects/${project.id}/staff/${stranger}/photo`)).status()).toBe(404);
  expect((await request.get(`/projects/${pending.projectId}/staff/${pending.practitionerId}/photo?size=thumb`)).status()).toBe(404);
});

test('the estate page and a card work without JavaScript', async ({ browser }) => {
  const { project, staff } = pickEstate();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(`/projects/${project.id}`);
  const section = page.getByRole('region', { name: '服务人员' });
  await expect(section.locator('li:has(h3)')).toHaveCount(staff.length);
  await section.getByRole('link', { name: staff[0]!.name }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(staff[0]!.name);
  await ctx.close();
});

test('an objection filed without JavaScript shows 异议处理中 until the district corrects it', async ({ browser, page }) => {
  const { project, staff } = pickEstate();
  const person = staff.find((s) => s.post === '保洁人员' && s.ethnicity !== '回族')!;
  const card = `/projects/${project.id}/staff/${person.id}`;
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const anon = await ctx.newPage();

  // Step 1 answers the same neutral sentence whether or not the three match; only a match sends a code.
  await page.goto('/objections/new');
  await expectNoAxeViolations(page);
  const identify = async (mobile: string) => {
    await anon.goto('/objections/new');
    await anon.getByLabel('姓名').fill(person.name);
    await anon.getByLabel('身份证号码').fill(idNumberOf(person.id));
    await anon.getByLabel('手机号码').fill(mobile);
    await anon.getByRole('button', { name: '获取短信验证码' }).click();
    await expect(anon.getByRole('status')).toContainText('若信息无误，验证码已发送至登记手机');
  };
  await identify(person.mobile === '13900000000' ? '13900000001' : '13900000000');
  await identify(person.mobile);
  // The demo has no SMS gateway: the city reads the code in its outbox (recipients masked to the last 4 digits).
  const cityCtx = await browser.newContext();
  const city = await cityCtx.newPage();
  await signIn(city, 'city');
  await expectSignedInAs(city, '/bureau');
  await city.goto('/bureau/outbox');
  const sms = await city.getByRole('row').filter({ hasText: person.mobile.slice(-4) }).filter({ hasText: '身份验证码' }).first().textContent();
  const otp = sms?.match(/验证码为 (\d{6})/)?.[1] ?? '';
  await cityCtx.close();
  await anon.getByLabel('短信验证码').fill(otp);
  await anon.getByRole('button', { name: '验证' }).click();
  await expect(anon.getByRole('status')).toContainText(`已确认身份：${person.name}`);
  await anon.getByLabel('哪一项信息有误').selectOption({ label: '民族' });
  await anon.getByLabel('正确的信息').fill('回族');
  await anon.getByRole('button', { name: '提交异议' }).click();
  await expect(anon).toHaveURL(/\/objections\/[23456789A-HJKMNP-Z]{12}\?filed=1$/);
  const code = new URL(anon.url()).pathname.split('/').pop()!;
  await expect(anon.getByRole('status')).toContainText(code);
  await expect(anon.getByRole('region', { name: '异议信息' })).toContainText('民族');
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  // axe needs JavaScript: the same page in the other browser context.
  await page.goto(`/objections/${code}?filed=1`);
  await expectNoAxeViolations(page);

  await anon.goto(card);
  await expect(anon.getByRole('heading', { level: 1 })).toContainText('异议处理中');
  await anon.goto(`/projects/${project.id}`);
  await expect(anon.getByRole('region', { name: '服务人员' }).locator('li:has(h3)', { hasText: person.name }).first()).toContainText('异议处理中');

  // The district of the estate verifies and corrects.
  await signIn(page, 'chuanshan');
  await expect(page).toHaveURL(/\/bureau$/);
  await page.getByRole('navigation').getByRole('link', { name: '信息异议' }).click();
  await page.getByRole('link', { name: person.name }).first().click();
  await page.getByRole('button', { name: '开始核实' }).click();
  await expect(page.getByRole('status')).toContainText('核实中');
  await page.getByLabel('更正的信息项').selectOption({ label: '民族' });
  await page.getByLabel('更正后的内容').fill('回族');
  await page.getByLabel('更正说明（异议人可以看到）').fill('经核对户口簿，已更正民族');
  await page.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByRole('status')).toContainText('已更正');
  await expect(page.getByText(`民族：${person.ethnicity} → 回族`)).toBeVisible();

  await anon.goto(`/objections/${code}`);
  await expect(anon.getByRole('region', { name: '异议信息' })).toContainText('已更正');
  await expect(anon.getByRole('region', { name: '处理结果' })).toContainText('已更正：民族');
  await expect(anon.getByRole('region', { name: '处理结果' })).toContainText('经核对户口簿，已更正民族');
  await anon.goto(card);
  await expect(anon.getByRole('heading', { level: 1 })).not.toContainText('异议处理中');
  await ctx.close();
});
