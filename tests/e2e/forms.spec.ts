import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { idCheckChar } from '../../lib/domain/id-number';
import { daysAgo, signedIn } from './helpers';

// Decision 026: after a refused submit the error summary takes focus and links to each field, the form keeps what
// was chosen, and the staff entry form reports a missing photo with the other errors on the first submit.

test.describe.configure({ mode: 'serial' });

const BODY = `51090319880503${String(Math.floor(Math.random() * 900) + 100)}`;
const ID = BODY + idCheckChar(BODY);
const BAD_ID = BODY + (idCheckChar(BODY) === '0' ? '1' : '0');
const NAME = `钱表单${BODY.slice(-3)}`;

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The summary has focus; each of its links, clicked, moves focus to the control its href names. */
async function expectSummaryFocusedAndLinked(page: Page, messages: string[]) {
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('heading', { name: '请修改以下问题' })).toBeVisible();
  for (const message of messages) await expect(summary.getByRole('link', { name: message })).toBeVisible();
  const links = summary.getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const href = (await links.nth(i).getAttribute('href'))!;
    expect(href).toMatch(/^#.+/);
    await links.nth(i).click();
    await expect(page.locator(':focus')).toHaveAttribute('id', href.slice(1));
  }
}

test('staff entry: every error, the photo included, in a focused summary on the first submit; choices are kept', async ({ browser }) => {
  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/staff/new');
  // No select starts on a real answer.
  for (const label of ['民族', '政治面貌', '学历', '服务项目（小区）']) await expect(company.getByLabel(label)).toHaveValue('');
  await expect(company.getByLabel('岗位', { exact: true })).toHaveValue('');

  await company.getByLabel('姓名', { exact: true }).fill(NAME);
  await company.getByLabel('身份证号码', { exact: true }).fill(BAD_ID);
  await company.getByLabel('民族').selectOption('回族');
  await company.getByLabel('岗位', { exact: true }).selectOption('安保人员');
  await company.getByRole('button', { name: '提交登记' }).click();

  await expectSummaryFocusedAndLinked(company, ['身份证号码校验位不正确', '请选择政治面貌', '请选择学历', '请上传证件照', '请选择服务项目', '请确认已向本人告知信息采集的目的和用途']);
  // The photo's message is at the field too, on this first submit.
  await expect(company.locator('#photo-error')).toHaveText('请上传证件照');
  await expect(company.getByLabel('民族')).toHaveValue('回族');
  await expect(company.getByLabel('岗位', { exact: true })).toHaveValue('安保人员');
  await expect(company.getByLabel('姓名', { exact: true })).toHaveValue(NAME);
  await expectNoAxeViolations(company);

  // Put right, it goes through (the reviewer test below decides it).
  const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#97a' } }).png().toBuffer();
  const estate = company.getByLabel('服务项目（小区）');
  await estate.selectOption((await estate.locator('option', { hasText: '（船山区）' }).first().getAttribute('value'))!);
  await company.getByLabel('身份证号码', { exact: true }).fill(ID);
  await company.getByLabel('籍贯').fill('四川遂宁');
  await company.getByLabel('政治面貌').selectOption('群众');
  await company.getByLabel('手机号码').fill('13812345679');
  await company.getByLabel('学历').selectOption('大专');
  await company.getByLabel('入职时间').fill(daysAgo(3));
  await company.getByLabel('劳动合同签订日期').fill(daysAgo(3));
  await company.getByLabel('证件照').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await company.getByLabel('已向本人告知上述信息采集的目的和用途，本人知悉').check();
  await company.getByRole('button', { name: '提交登记' }).click();
  await expect(company).toHaveURL(/\/company\/staff\/[0-9a-f-]{36}\?entered=1$/);
});

test('a bureau decision without its reason: the summary takes focus, links to the reason, and the choice stays', async ({ browser }) => {
  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau');
  await chuanshan.goto(`/bureau/staff?q=${encodeURIComponent(NAME)}`);
  await chuanshan.getByRole('link', { name: NAME }).click();
  await expect(chuanshan.getByRole('heading', { name: `人员录入：${NAME}` })).toBeVisible();
  await chuanshan.getByRole('radio', { name: '不予通过' }).check();
  await chuanshan.getByRole('button', { name: '提交审核结果' }).click();
  await expectSummaryFocusedAndLinked(chuanshan, ['不予通过或退回修改时必须写明理由']);
  await expect(chuanshan.getByRole('radio', { name: '不予通过' })).toBeChecked();
  await expectNoAxeViolations(chuanshan);

  // With no choice at all, the summary's link leads to the first option of the group.
  await chuanshan.reload();
  await chuanshan.getByRole('button', { name: '提交审核结果' }).click();
  const summary = chuanshan.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#decision');
});

test('the city’s new account form starts on 请选择 and keeps the district chosen after a refused submit', async ({ browser }) => {
  const city = await signedIn(browser, 'city', '/bureau');
  await city.getByRole('link', { name: '账号管理' }).click();
  await expect(city.getByLabel('注册所在区县')).toHaveValue('');
  await city.getByLabel('注册所在区县').selectOption('510921');
  await city.getByLabel('统一社会信用代码').fill('123');
  await city.getByRole('button', { name: '开设账号' }).click();
  await expect(city.getByTestId('error-summary')).toBeFocused();
  await expect(city.getByLabel('注册所在区县')).toHaveValue('510921');
  await expect(city.getByLabel('统一社会信用代码')).toHaveValue('123');
});

test('a public statement with errors: a focused summary linking each field; what was typed (ID number too) stays', async ({ page }) => {
  await page.goto('/statements/new');
  await page.getByLabel('姓名').fill('张');
  await page.getByLabel('身份证号码').fill('1101051949');
  await page.getByRole('button', { name: '发表声明' }).click();
  await expectSummaryFocusedAndLinked(page, ['请填写声明内容']);
  // Never sent back by the server, and not wiped by React either.
  await expect(page.getByLabel('身份证号码')).toHaveValue('1101051949');
  await expect(page.getByLabel('姓名')).toHaveValue('张');
  await expectNoAxeViolations(page);
});
