import { expect, test } from '@playwright/test';
import { daysAgo, expectNoAxeViolations, expectNoSidewaysScroll, signedIn } from './helpers';

const DEMO_COMPANY = '遂宁市安居乐业物业服务有限公司';
const DEPARTMENT = '遂宁市市场监督管理局';
const PDF = Buffer.from('%PDF-1.4\n% decision\n%%EOF\n');
const PHONE = { width: 390, height: 844 };

test('a department submits a penalty with evidence, 船山区 confirms it with severity, it is public on the company profile', async ({ browser }) => {
  const type = `未按规定明码标价（${Date.now().toString(36)}）`;
  const docNo = `遂市监罚〔2026〕${Date.now() % 1000}号`;

  // The department's home says what it can do, with real links.
  const dept = await signedIn(browser, 'department', '/department');
  await dept.getByRole('link', { name: '报送企业信用信息' }).first().click();
  await expect(dept.getByRole('heading', { level: 1, name: '企业信用信息报送' })).toBeVisible();
  await dept.getByRole('link', { name: '报送新的信用信息' }).click();
  // Step one: find the company by name (approved companies only).
  await dept.getByLabel('企业名称或统一社会信用代码').fill('安居乐业');
  await dept.getByRole('button', { name: '查找' }).click();
  // The company's name is visually hidden (absolutely positioned), so the accessible name may carry a space before 为.
  await dept.getByRole('link', { name: new RegExp(`${DEMO_COMPANY}：\\s*为该企业报送`) }).click();
  // Step two: the form; without evidence it says so at the field.
  await dept.getByRole('radio', { name: /^行政处罚/ }).check();
  await dept.getByLabel('事项名称').fill(type);
  await dept.getByLabel('文号').fill(docNo);
  await dept.getByLabel('决定或发文日期').fill(daysAgo(1));
  await dept.getByLabel('事实和依据').fill('该企业收取停车费未按规定明码标价，依据《价格法》第四十二条责令改正并处罚款。');
  await dept.getByRole('button', { name: '提交信用信息' }).click();
  await expect(dept.locator('#evidence-error')).toContainText('请上传证据材料');
  await dept.getByLabel('证据材料').setInputFiles({ name: '处罚决定书.pdf', mimeType: 'application/pdf', buffer: PDF });
  await dept.getByRole('button', { name: '提交信用信息' }).click();
  await expect(dept).toHaveURL(/\/department\/credit\/[0-9a-f-]{36}\?submitted=1$/);
  const mineUrl = dept.url().split('?')[0]!;
  await expect(dept.getByRole('status')).toContainText('等待住建部门核定');
  await expect(dept.getByText('待住建部门核定', { exact: true })).toBeVisible();

  // 船山区 finds it in its queue, named by the department, with the penalty's deadline, and confirms it.
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.goto('/bureau/credit');
  const queue = district.getByRole('region', { name: /待核准的信用信息/ });
  const row = queue.getByRole('row').filter({ hasText: type });
  await expect(row).toContainText(DEPARTMENT);
  await expect(row).toContainText('应于');
  await queue.getByRole('link', { name: type }).click();
  await expect(district.getByText(`${DEPARTMENT} ${docNo}`)).toBeVisible();
  await district.getByLabel('核定扣分').fill('4');
  await district.getByRole('radio', { name: /^一般/ }).check();
  await district.getByRole('button', { name: '核对公布内容' }).click();
  await district.getByRole('form', { name: '核对后确认：公布后不能撤回' }).getByRole('button', { name: '确认核准并公布' }).click();
  await expect(district).toHaveURL(/\/bureau\/credit\?done=confirmed$/);

  // The department sees the outcome and follows the link to the public record.
  await dept.goto(mineUrl);
  await expect(dept.getByText(/已确认：一般，扣 4 分/)).toBeVisible();
  await dept.getByRole('link', { name: '查看企业信用公示页上的这条记录' }).click();
  await expect(dept).toHaveURL(/\/companies\/[0-9A-Z]{18}#credit-heading$/);

  // Anyone sees it on the profile, with the department and 文号 as the issuer; on a phone, axe clean.
  const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
  await visitor.goto(dept.url().split('#')[0]!);
  const records = visitor.getByRole('region', { name: '信用记录' });
  await expect(records.getByText(type)).toBeVisible();
  await expect(records.getByText(`${DEPARTMENT} ${docNo}`)).toBeVisible();
  await expectNoSidewaysScroll(visitor);
  await expectNoAxeViolations(visitor);
});

test('a company with a DW 14 flag shows it in lay words with the rule on its public profile (390 px, axe clean)', async ({ browser }) => {
  // The bureau's flag list, filtered by flag, leads to a company with upgrade priority.
  const city = await signedIn(browser, 'city', '/bureau');
  await city.goto('/bureau/ratings/flags');
  await city.getByLabel('标记').selectOption('upgrade_priority');
  await city.getByRole('button', { name: '筛选' }).click();
  await expect(city).toHaveURL(/flag=upgrade_priority/);
  const link = city.getByRole('table').getByRole('link').first();
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/companies\/[0-9A-Z]{18}$/);

  const visitor = await (await browser.newContext({ viewport: PHONE })).newPage();
  await visitor.goto(href);
  const summary = visitor.getByRole('region', { name: '信用概况' });
  await expect(summary.getByText('优先晋升信用等级（连续三次良好）')).toBeVisible();
  const flags = visitor.getByRole('region', { name: '守信激励与重点监管' });
  await expect(flags.getByText(/连续三次评为“良好”：优先晋升信用等级/)).toBeVisible();
  await expect(flags.getByText(/依据：《遂宁市物业服务企业综合信用评价“红黑榜”管理办法》第十四条第（二）项/)).toBeVisible();
  await expectNoSidewaysScroll(visitor);
  await expectNoAxeViolations(visitor);
});
