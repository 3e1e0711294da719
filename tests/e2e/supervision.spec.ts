import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demo } from './demo-people';
import { expectNoSidewaysScroll, signedIn } from './helpers';

/** Annual roster verification (SN 23) and rectification orders (SN 24), without JavaScript: plain forms and links. */
test.use({ javaScriptEnabled: false });

const PHONE = { width: 390, height: 844 };

/** axe runs as a script: the page the no-JavaScript browser shows is scanned again in a context with JavaScript. */
async function expectNoAxeViolations(page: Page) {
  const scanner = await (await page.context().browser()!.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() })).newPage();
  await scanner.goto(page.url());
  const results = await new AxeBuilder({ page: scanner }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  await scanner.context().close();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** An estate of the demo company in 船山区 (the seed leaves the demo companies' estates unverified). */
function estateOfDemoCompany() {
  const d = demo();
  return d.projects.find((p) => p.districtId === d.chuanshanDistrictId && p.currentCompanyId === d.companyId)!;
}

test('the district verifies a roster and orders the company to rectify; the company answers; an overdue order is criticised on the public profile', async ({ browser }) => {
  const estate = estateOfDemoCompany();

  // 船山区 on a phone: the coverage on the dashboard, the not-done list, the estate's verification form.
  const district = await signedIn(browser, 'chuanshan', '/bureau', PHONE, { javaScript: false });
  await expect(district.getByRole('heading', { name: /年度名册核查进度/ })).toBeVisible();
  await district.getByRole('link', { name: '查看未核查的小区' }).click();
  await expect(district).toHaveURL(/\/bureau\/roster-checks\?status=todo/);
  await expectNoSidewaysScroll(district);
  await district.goto(`/bureau/roster-checks/${estate.id}`);
  await expect(district.getByRole('heading', { name: '平台上的名册（当前在岗）' })).toBeVisible();
  await district.getByLabel(/在岗人员均已录入平台/).check();
  await district.getByLabel(/证件照齐全/).check();
  await district.getByLabel('发现的问题数量').fill('2');
  await district.getByLabel('发现的问题（有问题时必填）').fill('2 名秩序维护员在岗工作但未录入平台。');
  await district.getByRole('radio', { name: '已责令限期整改' }).check();
  await district.getByRole('button', { name: '保存核查记录' }).click();
  await expect(district.getByRole('status')).toContainText('核查记录已保存');
  await expectNoSidewaysScroll(district);

  // The order, from the verification: the company, the estate and the facts are filled in; the deadline by the policy.
  await district.getByRole('link', { name: '据此责令企业限期整改' }).click();
  await district.getByRole('radio', { name: '未按规定录入从业人员信息' }).check();
  await expect(district.getByLabel('发现的问题')).toHaveValue(/2 名秩序维护员/);
  await district.getByRole('button', { name: '下发整改通知' }).click();
  await expect(district.getByRole('status')).toContainText('整改通知已下发');
  await expectNoSidewaysScroll(district);

  // The company answers with a photo.
  const company = await signedIn(browser, 'company', '/company', undefined, { javaScript: false });
  await company.goto('/company/rectifications');
  await company.getByRole('link', { name: '未按规定录入从业人员信息' }).click();
  await company.getByRole('textbox', { name: '整改情况' }).fill('已为 2 名秩序维护员补录信息，经区住建局审核通过。');
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a8' } }).jpeg().toBuffer();
  await company.getByLabel('整改证明材料（选填）').setInputFiles({ name: '补录.jpg', mimeType: 'image/jpeg', buffer: photo });
  await company.getByRole('button', { name: '报送整改情况' }).click();
  await expect(company.getByRole('status')).toContainText('整改情况已报送');
  await expect(company.getByRole('link', { name: '整改材料-1-1.jpg' })).toBeVisible();

  // The demo city's overdue order (company, 船山区): the district confirms the 通报批评.
  await district.goto('/bureau/rectifications?status=overdue');
  await district.locator('tr', { hasText: '录入信息弄虚作假' }).getByRole('link').first().click();
  await district.getByRole('link', { name: '通报批评……' }).click();
  await expect(district.getByRole('heading', { name: '确认通报批评' })).toBeVisible();
  await district.getByRole('button', { name: '确认通报批评并公示' }).click();
  await expect(district.getByRole('status')).toContainText('已通报批评');
  const code = (await district.getByRole('link', { name: /^[23456789A-HJKMNP-Z]{12}$/ }).textContent())!.trim();

  // The public profile shows it, in lay words, with its verification code.
  await district.getByRole('link', { name: '企业信用档案' }).click();
  const pub = district.getByRole('region', { name: /通报批评/ });
  await expect(pub).toContainText('第二十四条');
  await expect(pub).toContainText('弄虚作假');
  await expect(pub.getByRole('link', { name: code })).toBeVisible();
  await expectNoSidewaysScroll(district);
  await expectNoAxeViolations(district);
  await pub.getByRole('link', { name: code }).click();
  await expect(district.locator('main')).toContainText('通报批评');
});
