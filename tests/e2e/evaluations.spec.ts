import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './helpers';

const COMPANY2 = '四川锦华物业服务有限公司';
/** The 风险提示函 the first test has the company open: its code and stated score, for the verification test. */
let letterCode = '';
let letterScore = '';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

test('the city runs and publishes a year; the company below 90 opens its printable 风险提示函', async ({ browser }) => {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const city = await signedIn(browser, 'city', '/bureau');

  // A 15-point warning this year brings 四川锦华 below the line.
  await city.goto(`/bureau/credit/new-warning?q=${encodeURIComponent(COMPANY2)}`);
  await city.getByRole('link', { name: new RegExp(`${COMPANY2}：\\s*为该企业录入`) }).click();
  await city.getByLabel('警示类型').fill('电梯维保记录造假');
  await city.getByLabel('发生日期').fill(today);
  await city.getByLabel('违规事实').fill('抽查发现2号楼电梯维保记录与现场情况不符，维保单位未到场');
  await city.getByRole('radio', { name: /^一般/ }).check();
  await city.getByLabel('扣分').fill('15');
  await city.getByRole('button', { name: '录入警示信息' }).click();
  await expect(city).toHaveURL(/\/bureau\/credit\/[0-9a-f-]{36}/);

  await city.goto(`/bureau/evaluations?year=${year}`);
  await expect(city.getByRole('heading', { level: 1, name: '年度信用评价' })).toBeVisible();
  await city.getByRole('button', { name: `计算${year}年度评价` }).click();
  await expect(city.getByRole('status')).toContainText(`已计算${year}年度信用评价`);
  const below = city.getByRole('region', { name: /得分低于 90 分/ });
  await expect(below.getByRole('row').filter({ hasText: COMPANY2 })).toContainText('公布后出具');
  await city.getByRole('button', { name: `公布${year}年度评价` }).click();
  await expect(city.getByRole('status')).toContainText(`已公布${year}年度信用评价`);
  await expect(city.getByRole('button', { name: `公布${year}年度评价` })).toHaveCount(0);
  const letterLink = city.getByRole('region', { name: /得分低于 90 分/ }).getByRole('row').filter({ hasText: COMPANY2 }).getByRole('link');
  await letterLink.click();
  await expect(city.getByRole('heading', { level: 1, name: '风险提示函' })).toBeVisible();
  await expect(city.getByRole('article')).toContainText(COMPANY2);

  // 船山区 sees its company's published result and the interview.
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.goto(`/bureau/evaluations?year=${year}`);
  await expect(district.getByRole('button', { name: `公布${year}年度评价` })).toHaveCount(0);
  await expect(district.getByRole('region', { name: /得分低于 90 分/ }).getByRole('row').filter({ hasText: COMPANY2 })).toBeVisible();
  await expect(district.getByRole('region', { name: /约谈/ })).toContainText(COMPANY2);

  const company = await signedIn(browser, 'company2', '/company');
  await company.getByRole('link', { name: '信用评价', exact: true }).click();
  const section = company.getByRole('region', { name: new RegExp(`^${year}年度`) });
  await expect(section).toContainText('电梯维保记录造假');
  await expect(section.getByRole('row').filter({ hasText: '电梯维保记录造假' })).toContainText('-15.00');
  await section.getByRole('link', { name: /查看并打印风险提示函/ }).click();
  await expect(company.getByRole('heading', { level: 1, name: '风险提示函' })).toBeVisible();
  const letter = company.getByRole('article');
  await expect(company.getByRole('heading', { level: 1, name: '风险提示函' })).toBeVisible();
  await expect(letter).toContainText(`${COMPANY2}（统一社会信用代码`);
  await expect(letter).toContainText(new RegExp(`${year} 年度信用评价得分为 \\d+\\.\\d{2} 分，低于 90 分`));
  await expect(letter).toContainText('信用评价得分低于90分以下的，由各县(市、区)物业行政主管部门进行约谈并下发风险提示函');
  await expect(letter).toContainText('前到');
  await expect(letter.getByRole('row').filter({ hasText: '电梯维保记录造假' })).toContainText('-15.00');
  await expect(letter.getByRole('row', { name: /^基础分\s+100\.00/ })).toBeVisible();
  // The total line repeats the score the letter states.
  const stated = (await letter.textContent())!.match(/得分为 (\d+\.\d{2}) 分/)![1]!;
  await expect(letter.getByRole('row', { name: /^得分/ })).toContainText(stated);

  letterCode = (await letter.textContent())!.match(/编号 ([0-9A-Z]{12})/)![1]!;
  letterScore = stated;
  await expect(letter).toContainText(`/verify/${letterCode}`);
});

test('anyone holding the letter verifies it by its code at /verify, typed by hand', async ({ browser }) => {
  expect(letterCode).toMatch(/^[0-9A-Z]{12}$/);
  // Without JavaScript: a plain GET form, tolerant of lower case and a dash.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto('/verify');
  await plain.getByLabel('文书编号').fill(`${letterCode.slice(0, 6).toLowerCase()}-${letterCode.slice(6)}`);
  await plain.getByRole('button', { name: '核验' }).click();
  await expect(plain).toHaveURL(new RegExp(`/verify/${letterCode}$`));
  await expect(plain.getByRole('heading', { level: 2, name: '信用风险提示函' })).toBeVisible();
  await expect(plain.getByRole('status')).toHaveText('该文书由本平台出具，内容如下。');
  await expect(plain.locator('dl')).toContainText(COMPANY2);
  await expect(plain.locator('dl')).toContainText(`${letterScore} 分（低于 90 分）`);
  const anon = await (await browser.newContext()).newPage();
  await anon.goto(`/verify/${letterCode}`);
  await expectNoAxeViolations(anon);
  // A code nobody issued is not found.
  const unknown = letterCode.startsWith('2') ? `3${letterCode.slice(1)}` : `2${letterCode.slice(1)}`;
  expect((await anon.goto(`/verify/${unknown}`))?.status()).toBe(404);
});

test('the veto form offers DW 11’s four cases in the document’s words, and evidence is required', async ({ browser }) => {
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.goto('/bureau/credit');
  await district.getByRole('link', { name: '录入一票否决' }).click();
  await expect(district.getByRole('heading', { level: 1, name: '录入一票否决' })).toBeVisible();
  await district.getByLabel('企业名称或统一社会信用代码').fill(COMPANY2);
  await district.getByRole('button', { name: '查找' }).click();
  await district.getByRole('link', { name: new RegExp(`${COMPANY2}：\\s*为该企业录入`) }).click();
  for (const text of ['未在住建部门备案登记参加物业招投标选聘的', '在物业服务合同有效期内无正当理由擅自退出管理项目的', '经物业管理主管部门认定的其他严重不良行为']) {
    await expect(district.getByRole('radio', { name: new RegExp(text) })).toBeVisible();
  }
  await expect(district.getByLabel('证据材料')).toHaveAttribute('required', '');
});
