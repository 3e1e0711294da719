import { expect, test } from '@playwright/test';
import { daysAgo, expectNoAxeViolations, expectNoSidewaysScroll, expectSignedInAs, followMenu, signIn } from './helpers';

/**
 * 双随机 (SN 25, CQ; decision 034): the city draws (check your answers, then final), enters a result that becomes the
 * quarter's rating, publishes; the public page (no JavaScript, 390 px) re-runs the draw and says 一致. 蓬溪县, so
 * that the 船山区 quarter of tests/e2e/ratings.spec.ts stays untouched.
 */
const TITLE = `端到端双随机抽查 ${Date.now()}`;

test('the city draws, enters a score that becomes the quarter’s rating, publishes; the public re-run says 一致', async ({ page, browser }) => {
  // Two areas, six axe scans and a no-JavaScript visitor: longer than the default minute.
  test.setTimeout(240_000);
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  await followMenu(page, '双随机抽查');
  await expect(page.getByRole('heading', { name: '双随机抽查', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: '新建抽查' }).click();

  await page.getByLabel('抽查名称').fill(TITLE);
  await page.getByLabel('抽查对象').selectOption('estate');
  await page.getByLabel('范围').selectOption({ label: '蓬溪县' });
  await page.getByLabel('抽取数量').fill('2');
  await page.getByLabel('每个对象的检查人员数').fill('2');
  // The current quarter (the server's real clock): the ratings table below is opened on the same quarter.
  const quarter = await page.getByLabel('季度', { exact: true }).inputValue();
  await page.getByRole('button', { name: '下一步：核对' }).click();

  // Check your answers: the numbers, nothing drawn yet.
  await expect(page.getByRole('heading', { name: '请核对后确认抽取' })).toBeVisible();
  await expect(page.getByText('确认时由系统生成 32 字节随机数')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: '确认抽取' }).click();

  await expect(page.getByRole('status').filter({ hasText: '已抽取，种子已记录' })).toBeVisible();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(page.getByText('一致', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The first drawn estate's result: the score becomes the quarter's rating (优秀 at 91 by the default policy).
  const first = page.locator('li[id^="item-"]').first();
  const estate = (await first.getByRole('heading', { level: 3 }).textContent())!.replace(/^1\.\s*/, '').replace(/（.*$/, '');
  if (await page.getByText('的评定结果已发布，不能再录入或修改得分').isVisible()) {
    // In a full run tests/e2e/ratings.spec.ts has published this quarter already: a published quarter is not changed
    // (the score → rating path is then covered by tests/integration/spot-checks.test.ts).
    await expect(first.getByRole('button', { name: /保存检查结果/ })).toHaveCount(0);
  } else {
    await first.getByLabel(/检查日期/).fill(daysAgo(0));
    await first.getByLabel(/检查得分/).fill('91');
    await first.getByLabel(/检查发现的问题/).fill('公共区域整洁，消防通道畅通。');
    await first.getByRole('button', { name: /保存检查结果/ }).click();
    await expect(page.getByRole('status').filter({ hasText: '检查结果已保存' })).toContainText('已计入');
    await expect(page.locator('li[id^="item-"]').first()).toContainText('评定：优秀');

    // The rating is the quarter's rating in the district's table.
    await page.goto(`/bureau/ratings?q=${quarter}&district=510921`);
    await expect(page.getByRole('row').filter({ hasText: estate })).toContainText('优秀');
    await page.goBack();
  }

  // Publish, then the public page without JavaScript at 390 px.
  await page.getByRole('button', { name: '公布这次抽查' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已公布' })).toBeVisible();

  // The journey without JavaScript; axe and the 390 px check on the same pages in a scripted context (axe runs as a script).
  const visitor = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })).newPage();
  const checker = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const check = async (url: string) => {
    await checker.goto(url);
    await expectNoSidewaysScroll(checker);
    await expectNoAxeViolations(checker);
  };
  await visitor.goto('/spot-checks');
  await check('/spot-checks');
  await visitor.getByRole('link', { name: TITLE }).click();
  await expect(visitor.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(visitor.getByText('检查得分不在此公开')).toBeVisible();
  await check(visitor.url());
  await visitor.getByRole('button', { name: '重新抽取验证' }).click();
  await expect(visitor.getByRole('status')).toHaveText('重新抽取的结果与公布的结果一致。');
  await check(visitor.url());
  await check('/spot-checks/verify');

  const json = await visitor.request.get(visitor.url().replace(/\?.*$/, '') + '/inputs.json');
  expect(json.status()).toBe(200);
  const file = (await json.json()) as { seed: string; inputs: { candidates: unknown[] } };
  expect(file.seed).toMatch(/^[0-9a-f]{64}$/);

  // Paste the file on the verify page (no JavaScript): the same draw.
  await visitor.goto('/spot-checks/verify');
  await visitor.getByLabel('种子').fill(file.seed);
  await visitor.getByLabel('抽查输入（JSON）').fill(JSON.stringify(file));
  await visitor.getByRole('button', { name: '抽取' }).click();
  await expect(visitor.getByRole('status')).toContainText('抽取 2 个');
  await expect(visitor.getByText(estate).first()).toBeVisible();
});

test('an unpublished draw is not public', async ({ request }) => {
  const res = await request.get('/spot-checks/00000000-0000-4000-8000-000000000000');
  expect(res.status()).toBe(404);
});
