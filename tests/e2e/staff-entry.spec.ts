import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { idCheckChar } from '../../lib/domain/id-number';
import { SCREENS, daysAgo, expectNoSidewaysScroll, followMenu, signedIn } from './helpers';

// A fresh ID each run and screen (the server DB is fresh too, but other specs share it): born on 12 (desktop) or
// 13 (phone) June 1990, a random sequence.
function person(screen: number) {
  const body = `5109031990061${2 + screen}${String(Math.floor(Math.random() * 900) + 100)}`;
  return { ID: body + idCheckChar(body), BAD_ID: body + (idCheckChar(body) === '0' ? '1' : '0'), NAME: `赵测试${screen}${body.slice(-3)}` };
}

for (const [index, { name: screen, viewport }] of SCREENS.entries()) {
  test(`a company enters a person, the district approves, the person is current; another district gets 404 (${screen})`, async ({ browser }) => {
    const { ID, BAD_ID, NAME } = person(index);
    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#7a9' } }).png().toBuffer();

    const company = await signedIn(browser, 'company', '/company', viewport);
    await followMenu(company, '从业人员');
    await company.getByRole('link', { name: '登记从业人员' }).click();
    await expect(company.getByRole('heading', { name: '信息采集的目的和用途告知' })).toBeVisible();

    // An estate of `company` in 船山区.
    const estate = company.getByLabel('服务项目（小区）');
    const value = await estate.locator('option', { hasText: '（船山区）' }).first().getAttribute('value');
    await estate.selectOption(value!);

    await company.getByLabel('姓名', { exact: true }).fill(NAME);
    await company.getByLabel('身份证号码', { exact: true }).fill(BAD_ID);
    await company.getByLabel('民族').selectOption('汉族');
    await company.getByLabel('籍贯').fill('四川遂宁');
    await company.getByLabel('政治面貌').selectOption('群众');
    await company.getByLabel('学历').selectOption('高中');
    await company.getByLabel('手机号码').fill('13812345678');
    await company.getByLabel('岗位', { exact: true }).selectOption('安保人员');
    await company.getByLabel('入职时间').fill(daysAgo(30));
    await company.getByLabel('劳动合同签订日期').fill(daysAgo(30));
    await company.getByRole('button', { name: '增加一项证书' }).click();
    await company.getByLabel('证书 1 · 证书名称').fill('保安员证');
    await company.getByLabel('证书 1 · 证书编号').fill('BA-2025-0001');
    await company.getByLabel('证书 1 · 发证机关').fill('遂宁市公安局');
    await company.getByLabel('证件照').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
    await company.getByLabel('已向本人告知上述信息采集的目的和用途，本人知悉').check();

    // A wrong check digit: a Chinese message at the field.
    await company.getByRole('button', { name: '提交登记' }).click();
    // At the field and in the error summary.
    await expect(company.getByText('身份证号码校验位不正确')).toHaveCount(2);
    await expect(company.getByLabel('身份证号码', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await company.getByLabel('身份证号码', { exact: true }).fill(ID);
    await company.getByRole('button', { name: '提交登记' }).click();
    await expect(company).toHaveURL(/\/company\/staff\/[0-9a-f-]{36}\?entered=1$/);
    await expect(company.getByText('登记已提交，等待区县住建部门审核。')).toBeVisible();
    // 30 calendar days after the contract is past the 10-working-day deadline.
    await expect(company.getByRole('status').getByText(/逾期 \d+ 个工作日/)).toBeVisible();
    const personPath = new URL(company.url()).pathname;
    // The photo is served to the employing company through the scoped attachment route.
    const photoSrc = await company.getByRole('img', { name: `${NAME}的证件照` }).getAttribute('src');
    expect((await company.request.get(photoSrc!)).status()).toBe(200);
    await expect(company.getByText(`${ID.slice(0, 4)}**********${ID.slice(-4)}`)).toBeVisible();

    await company.goto(`/company/staff?q=${encodeURIComponent(NAME)}`);
    const row = company.getByRole('row', { name: new RegExp(NAME) });
    await expect(row.getByRole('cell', { name: '待审核' })).toBeVisible();
    await expectNoSidewaysScroll(company);

    // 船山区 approves it from the queue.
    const chuanshan = await signedIn(browser, 'chuanshan', '/bureau', viewport);
    await followMenu(chuanshan, '从业人员审核');
    await chuanshan.getByLabel('小区名称或人员姓名').fill(NAME);
    await chuanshan.getByRole('button', { name: '筛选' }).click();
    await chuanshan.getByRole('link', { name: NAME }).click();
    await expect(chuanshan.getByRole('heading', { name: `人员录入：${NAME}` })).toBeVisible();
    const submissionPath = new URL(chuanshan.url()).pathname;
    // The full number only on request (logged).
    await expect(chuanshan.getByText(ID, { exact: true })).toHaveCount(0);
    await chuanshan.getByRole('button', { name: '查看完整身份证号' }).click();
    await expect(chuanshan.getByText(ID, { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(chuanshan);
    await chuanshan.getByRole('radio', { name: '审核通过' }).check();
    await chuanshan.getByRole('button', { name: '提交审核结果' }).click();
    await expect(chuanshan.getByText('已提交审核结果：审核通过。')).toBeVisible();

    // The company sees the person current.
    await company.goto(personPath);
    await expect(company.getByRole('cell', { name: '在职', exact: true })).toBeVisible();
    await expect(company.getByRole('definition').filter({ hasText: /^在册$/ })).toBeVisible();
    await expect(company.getByRole('cell', { name: '已通过', exact: true })).toBeVisible();
    await company.goto(`/company/staff?status=current&q=${encodeURIComponent(NAME)}`);
    await expect(company.getByRole('row', { name: new RegExp(NAME) }).getByRole('cell', { name: '在职' })).toBeVisible();

    // Approved: the person is on the estate's public staff card (SN 19 fields; not before approval, see public-staff).
    const visitor = await (await browser.newContext({ viewport })).newPage();
    const card = await visitor.goto(`/projects/${value}/staff/${personPath.split('/').pop()}`);
    expect(card?.status()).toBe(200);
    await expect(visitor.getByRole('heading', { level: 1, name: new RegExp(NAME) })).toBeVisible();
    await expect(visitor.getByText('安保人员').first()).toBeVisible();
    await expect(visitor.getByText(ID)).toHaveCount(0);

    // 射洪市 cannot see a 船山区 submission.
    const shehong = await signedIn(browser, 'shehong', '/bureau');
    const res = await shehong.goto(submissionPath);
    expect(res?.status()).toBe(404);
    expect((await shehong.request.get(photoSrc!)).status()).toBe(404);
  });
}
