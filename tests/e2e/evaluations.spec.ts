import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedIn } from './helpers';

const COMPANY2 = '四川锦华物业服务有限公司';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

test('the city runs the year and checks what publishing would make public; a year is published only after it has ended', async ({ browser }) => {
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
  const score = (await below.getByRole('row').filter({ hasText: COMPANY2 }).textContent())!.match(/\d+\.\d{2}/)![0];

  // Check your answers: every company's score and grade, who is interviewed and gets a letter, who enters the
  // black list — as publishing computes them.
  await city.getByRole('link', { name: `核对并公布${year}年度评价` }).click();
  await expect(city.getByRole('heading', { level: 1, name: `核对并公布${year}年度信用评价` })).toBeVisible();
  await expect(city.getByRole('region', { name: /约谈并下发风险提示函/ }).getByRole('row').filter({ hasText: COMPANY2 })).toContainText(score);
  await expect(city.getByRole('region', { name: /全部企业的得分和等级/ }).getByRole('row').filter({ hasText: COMPANY2 })).toContainText(score);
  await expect(city.getByRole('region', { name: /列入黑榜/ })).toBeVisible();
  await expectNoAxeViolations(city);
  // The current year has not ended (the e2e server runs on the wall clock, as this spec does): no confirmation.
  await expect(city.getByRole('alert').filter({ hasText: '须在' })).toHaveText(`${year} 年度信用评价须在年度结束后（${year + 1} 年 1 月 1 日起）发布`);
  await expect(city.getByRole('button', { name: /确认公布/ })).toHaveCount(0);

  // Unpublished: 船山区 sees neither the way to publish nor the result.
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.goto(`/bureau/evaluations?year=${year}`);
  await expect(district.getByRole('link', { name: `核对并公布${year}年度评价` })).toHaveCount(0);
  await expect(district.getByRole('region', { name: /得分低于 90 分/ })).toHaveCount(0);
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
