import { expect, test } from '@playwright/test';
import { usccCheckChar } from '../../lib/domain/uscc';
import { expectSignedInAs, followMenu, signIn, signedIn } from './helpers';

const USCC_BODY = '91510921MA6A1B2C3';
const NEW_USCC = USCC_BODY + usccCheckChar(USCC_BODY);
const BAD_USCC = USCC_BODY + (usccCheckChar(USCC_BODY) === '0' ? '1' : '0');

// A tiny valid PNG (1×1): the server re-encodes it as JPEG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test.describe.configure({ mode: 'serial' });

test('a company files a change, another company cannot see the draft, the city sees what changed and approves it', async ({ browser }) => {
  const company = await signedIn(browser, 'company', '/company');
  await company.getByRole('link', { name: '企业备案' }).click();
  await expect(company.getByRole('heading', { name: /备案状态：已备案/ })).toBeVisible();
  await company.getByRole('link', { name: '申请变更基本信息' }).click();
  await expect(company.getByLabel('统一社会信用代码')).toHaveAttribute('readonly', '');

  // Bad input gets a Chinese message at the field, and nothing is sent.
  await company.getByLabel('联系电话').fill('12345');
  await company.getByRole('button', { name: '保存草稿' }).click();
  // At the field and in the error summary.
  await expect(company.getByText('请填写有效的手机号码或固定电话')).toHaveCount(2);
  await expect(company.getByLabel('联系电话')).toHaveAttribute('aria-invalid', 'true');

  // The address is on the licence: without a new licence the server refuses at the field.
  await company.getByLabel('联系电话').fill('0825-6668888');
  await company.getByLabel('注册地址').fill('四川省遂宁市船山区端午路66号');
  await company.getByRole('button', { name: '提交变更审核' }).click();
  // At the field and in the error summary.
  await expect(company.getByText('变更了营业执照登记事项，请上传变更后的营业执照扫描件')).toHaveCount(2);

  await company.getByLabel('营业执照扫描件').setInputFiles({ name: 'licence.png', mimeType: 'image/png', buffer: PNG });
  await company.getByRole('button', { name: '保存草稿' }).click();
  await expect(company.getByText('草稿已保存，尚未提交审核。')).toBeVisible();
  const draftUrl = new URL(company.url());
  expect(draftUrl.pathname).toMatch(/^\/company\/filings\/[0-9a-f-]{36}$/);

  // company2 gets 404 for company's draft.
  const company2 = await signedIn(browser, 'company2', '/company');
  const res = await company2.goto(draftUrl.pathname);
  expect(res?.status()).toBe(404);
  await expect(company2.getByRole('heading', { name: '页面不存在' })).toBeVisible();

  await company.getByRole('button', { name: '提交变更审核' }).click();
  await expect(company.getByText('已提交，等待市住建局审核。')).toBeVisible();
  await expect(company.getByRole('heading', { name: /企业基本信息变更：待审核/ })).toBeVisible();

  const city = await signedIn(browser, 'city', '/bureau');
  await followMenu(city, '企业备案审核');
  await city.getByLabel('类型').selectOption('company_change');
  await city.getByRole('button', { name: '筛选' }).click();
  await city.getByRole('link', { name: '遂宁市安居乐业物业服务有限公司' }).click();
  const addressRow = city.getByRole('row', { name: /注册地址/ });
  await expect(addressRow).toContainText('已变更');
  await expect(addressRow).toContainText('四川省遂宁市船山区端午路66号');
  await expect(city.getByRole('row', { name: /法定代表人/ })).not.toContainText('已变更');
  await expect(city.getByRole('link', { name: '查看营业执照扫描件' })).toBeVisible();
  await city.getByLabel('准予备案').check();
  await city.getByRole('button', { name: '提交审核结果' }).click();
  await expect(city.getByText('已提交审核结果：准予备案。')).toBeVisible();

  await company.goto('/company/filing');
  await expect(company.getByRole('region', { name: /当前基本信息/ })).toContainText('四川省遂宁市船山区端午路66号');
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/companies?q=安居乐业');
  await visitor.getByRole('link', { name: '遂宁市安居乐业物业服务有限公司' }).click();
  await expect(visitor.getByText('四川省遂宁市船山区端午路66号')).toBeVisible();
  await expect(company.getByRole('row', { name: /企业基本信息变更/ }).first()).toContainText('已通过');
});

test('the city must give a reason to reject, and the company sees it', async ({ browser }) => {
  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/filings/new');
  await company.getByLabel('联系电话').fill('0825-7779999');
  await company.getByRole('button', { name: '提交变更审核' }).click();
  await expect(company.getByText('已提交，等待市住建局审核。')).toBeVisible();

  const city = await signedIn(browser, 'city', '/bureau');
  await city.goto('/bureau/filings?type=company_change');
  await city.getByRole('link', { name: '遂宁市安居乐业物业服务有限公司' }).click();
  await city.getByLabel('不予备案').check();
  await city.getByRole('button', { name: '提交审核结果' }).click();
  await expect(city.locator('#reason-error')).toHaveText('不予备案或退回修改时必须写明理由');
  await expect(city.getByLabel('审核意见')).toHaveAttribute('aria-invalid', 'true');
  await city.getByLabel('不予备案').check();
  await city.getByLabel('审核意见').fill('联系电话经核实为空号，不予变更');
  await city.getByRole('button', { name: '提交审核结果' }).click();
  await expect(city.getByText('已提交审核结果：不予备案。')).toBeVisible();

  await company.goto('/company/filing');
  await expect(company.getByRole('row', { name: /联系电话经核实为空号/ })).toContainText('未通过');
});

test('a district reviewer has no filing queue', async ({ browser }) => {
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await expect(district.getByRole('link', { name: '企业备案审核' })).toHaveCount(0);
  const res = await district.goto('/bureau/filings');
  expect(res?.status()).toBe(404);
});

test('the city opens an account for a new company; its operator changes the password, files, and the city approves', async ({ browser }) => {
  const city = await signedIn(browser, 'city', '/bureau');
  await city.getByRole('link', { name: '账号管理' }).click();
  await city.getByLabel('统一社会信用代码').fill(BAD_USCC);
  await city.getByLabel('企业名称', { exact: true }).fill('蓬溪县新起点物业服务有限公司');
  await city.getByLabel('操作员账号', { exact: true }).fill('xinqidian');
  await city.getByLabel('操作员姓名', { exact: true }).fill('孙新');
  await city.getByLabel('注册所在区县').selectOption('510921');
  await city.getByRole('button', { name: '开设账号' }).click();
  // A wrong check character is refused at the field, and the other fields keep what was typed.
  await expect(city.locator('#uscc-error')).toBeVisible();
  await expect(city.getByLabel('企业名称', { exact: true })).toHaveValue('蓬溪县新起点物业服务有限公司');
  await city.getByLabel('统一社会信用代码').fill(NEW_USCC);
  await city.getByRole('button', { name: '开设账号' }).click();
  const temp = (await city.getByTestId('temporary-password').textContent())!.trim();
  expect(temp).toMatch(/^[A-Za-z0-9]{16}$/);

  const op = await (await browser.newContext()).newPage();
  await signIn(op, 'xinqidian', temp);
  await expect(op).toHaveURL(/\/account\/password/);
  // Nothing else is open until the password is changed.
  await op.goto('/company/filing');
  await expect(op).toHaveURL(/\/account\/password/);
  await op.getByLabel('当前密码').fill(temp);
  await op.getByLabel('新密码', { exact: true }).fill('Tq7mZr4kVx9pLw');
  await op.getByLabel('再次输入新密码').fill('Tq7mZr4kVx9pLw');
  await op.getByRole('button', { name: '修改密码' }).click();
  await expect(op).toHaveURL(/\/login\?changed=1/);
  await signIn(op, 'xinqidian', 'Tq7mZr4kVx9pLw');
  await expectSignedInAs(op, '/company');

  await op.goto('/company/filing');
  await expect(op.getByRole('heading', { name: /备案状态：草稿/ })).toBeVisible();
  await op.getByRole('link', { name: '填写并提交备案' }).click();
  await expect(op.getByLabel('统一社会信用代码')).toHaveValue(NEW_USCC);
  await op.getByLabel('统一社会信用代码').fill(BAD_USCC);
  await op.getByLabel('注册地址').fill('四川省遂宁市蓬溪县赤城镇新街18号');
  await op.getByLabel('注册资本（万元）').fill('300');
  await op.getByLabel('法定代表人').fill('孙新');
  await op.getByLabel('联系电话').fill('0825-5401234');
  await op.getByLabel('第 1 人 · 类别').selectOption('主要负责人');
  await op.getByLabel('姓名', { exact: true }).fill('孙新');
  await op.getByRole('button', { name: '提交备案审核' }).click();
  await expect(op.locator('#uscc-error')).toBeVisible();
  // The missing licence is reported with the code on the first submit, at the field and in the error summary.
  await expect(op.getByText('请上传营业执照扫描件')).toHaveCount(2);
  await expect(op.getByRole('link', { name: '请上传营业执照扫描件' })).toHaveAttribute('href', '#licence');
  await op.getByLabel('统一社会信用代码').fill(NEW_USCC);
  await op.getByLabel('营业执照扫描件').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: PNG });
  await op.getByRole('button', { name: '提交备案审核' }).click();
  await expect(op.getByText('已提交，等待市住建局审核。')).toBeVisible();
  // A company that is not yet approved is not public.
  const early = await (await browser.newContext()).newPage();
  expect((await early.goto(`/companies/${NEW_USCC}`))?.status()).toBe(404);

  await city.goto('/bureau/filings?type=company_filing');
  await city.getByRole('link', { name: '蓬溪县新起点物业服务有限公司' }).click();
  await city.getByLabel('准予备案').check();
  await city.getByRole('button', { name: '提交审核结果' }).click();
  await expect(city.getByText('已提交审核结果：准予备案。')).toBeVisible();

  await op.goto('/company/filing');
  await expect(op.getByRole('heading', { name: /备案状态：已备案/ })).toBeVisible();

  // Only now is the company public.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/companies/${NEW_USCC}`))?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('蓬溪县新起点物业服务有限公司');
  await expect(visitor.getByText('四川省遂宁市蓬溪县赤城镇新街18号')).toBeVisible();
});
