/**
 * Printed documents that verify (issue 17 item 2): the company prints its credit report — a clean A4 page with its
 * verification code and QR — and `/verify/[code]` says 有效. A district prints the report of another company of its
 * district, then records a one-vote veto for it (the company goes on the black list the same day): the report's
 * `/verify/[code]` now says 内容已变化. (A company of the district that no other spec uses: the last on the public
 * list of 船山区 that is neither demo account's company.)
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, SCREENS, signedIn } from './helpers';

async function codeOnReport(page: Page): Promise<string> {
  const text = await page.getByRole('article', { name: '企业信用报告' }).textContent();
  const m = /编号\s*([A-Z0-9]{12})/.exec(text ?? '');
  if (!m) throw new Error('no code on the report');
  return m[1]!;
}

test('a company prints its credit report and /verify confirms it; after a veto another report says its content changed', async ({ browser }) => {
  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/credit');
  await company.getByRole('link', { name: '打印信用报告' }).click();
  await expect(company.getByRole('heading', { level: 1, name: '打印信用报告' })).toBeVisible();
  await company.getByLabel('用途（选填）').fill('参加某小区物业服务项目投标');
  await company.getByRole('button', { name: '打印信用报告' }).click();
  await expect(company).toHaveURL(/\/company\/credit\/report\/[A-Z0-9]{12}$/);
  const report = company.getByRole('article', { name: '企业信用报告' });
  await expect(report).toContainText('参加某小区物业服务项目投标');
  await expect(report).toContainText('招投标信用资格');
  await expect(report.getByRole('img', { name: /^核验二维码/ })).toBeVisible();
  const code = await codeOnReport(company);
  const ownUscc = (await report.locator('dd.font-mono').first().textContent())!.trim();
  // On paper: A4, nothing but the report (no navigation, no buttons).
  await company.emulateMedia({ media: 'print' });
  await expect(company.getByRole('navigation')).toHaveCount(0);
  await expect(company.getByRole('button')).toHaveCount(0);
  await expect(report).toBeVisible();
  await company.emulateMedia({ media: 'screen' });

  const anyone = await (await browser.newContext({ viewport: SCREENS[1].viewport })).newPage();
  await anyone.goto(`/verify/${code}`);
  await expect(anyone.getByRole('heading', { level: 2, name: '企业信用报告' })).toBeVisible();
  await expect(anyone.getByRole('status')).toContainText(/^有效/);
  await expect(anyone.getByRole('main')).toContainText(ownUscc);
  await expectNoSidewaysScroll(anyone);
  await expectNoAxeViolations(anyone);

  // Another company of 船山区, from the public list.
  await anyone.goto('/companies?district=510903');
  const links = await anyone.locator('main a[href^="/companies/9"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('/').pop()!));
  const other = links.filter((u) => u !== ownUscc).pop();
  if (!other) throw new Error('no other company in 船山区');
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.goto('/bureau/credit/report');
  await district.getByLabel('企业统一社会信用代码').fill(other);
  await district.getByRole('button', { name: '打印信用报告' }).click();
  await expect(district).toHaveURL(/\/bureau\/credit\/report\/[A-Z0-9]{12}$/);
  const otherCode = await codeOnReport(district);
  await anyone.goto(`/verify/${otherCode}`);
  await expect(anyone.getByRole('status')).toContainText(/^有效/);

  // The district records a one-vote veto: the company is on the black list the same day.
  await district.goto('/bureau/credit/new-veto');
  await district.getByLabel('企业名称或统一社会信用代码').fill(other);
  await district.getByRole('button', { name: '查找' }).click();
  await district.getByRole('link', { name: /为该企业录入/ }).first().click();
  await district.getByRole('radio').first().check();
  const decisionDay = district.getByLabel('认定日期');
  await decisionDay.fill((await decisionDay.getAttribute('max'))!); // the platform's today
  await district.getByLabel('认定事实').fill('经调查核实，该企业在物业服务合同有效期内无正当理由擅自退出管理项目。');
  await district.getByLabel('证据材料').setInputFiles({ name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% evidence\n%%EOF\n') });
  await district.getByRole('button', { name: '录入一票否决' }).click();
  await expect(district).toHaveURL(/\/bureau\/credit\/[0-9a-f-]{36}\?entered=1$/);

  await anyone.goto(`/verify/${otherCode}`);
  await expect(anyone.getByRole('status')).toContainText(/^内容已变化/);
  await expect(anyone.getByRole('status')).toContainText('红黑榜状态');
  await expectNoAxeViolations(anyone);
  // The company's own report is untouched.
  await anyone.goto(`/verify/${code}`);
  await expect(anyone.getByRole('status')).toContainText(/^有效/);
});
