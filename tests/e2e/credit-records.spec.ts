import { expect, test } from '@playwright/test';
import { signedIn } from './helpers';

const DEMO_COMPANY = '遂宁市安居乐业物业服务有限公司';
const PDF = Buffer.from('%PDF-1.4\n% evidence\n%%EOF\n');

/** Today in China, as the server reads its clock. */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Same rule as lib/domain/working-days.ts addMonths: the day is kept, or the month's last day. */
function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y! * 12 + (m! - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${ny}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d!, last)).padStart(2, '0')}`;
}

test('a street reports a warning, 船山区 confirms it as 一般, it is public on the company page, and the company attaches a statement', async ({ browser }) => {
  // The server's clock is the real one: the record is published today and leaves public view 12 months later.
  const today = chinaToday();
  const found = addDays(today, -1);
  const type = `消防通道堵塞未及时整改（${Date.now().toString(36)}）`;

  // The street office of 天宫花园 reports warning information with proposed points and evidence.
  const street = await signedIn(browser, 'street', '/street');
  await street.getByRole('link', { name: '企业警示信息' }).first().click();
  await expect(street.getByRole('heading', { level: 1, name: '企业警示信息' })).toBeVisible();
  const estate = street.getByLabel('物业项目');
  const option = estate.locator('option', { hasText: '天宫花园' });
  await expect(option).toContainText(DEMO_COMPANY);
  await estate.selectOption({ value: (await option.getAttribute('value'))! });
  await street.getByLabel('警示类型').fill(type);
  await street.getByLabel('发现日期').fill(found);
  await street.getByLabel('违规事实').fill('巡查发现3号楼消防通道被电动车和杂物堵塞，已当场要求清理，次日复查仍未整改。');
  await street.getByRole('radio', { name: /^一般/ }).check();
  await street.getByLabel('建议扣分').fill('3');
  // Without evidence the form says so, on the field.
  await street.getByRole('button', { name: '提交警示信息' }).click();
  await expect(street.locator('#evidence-error')).toContainText('请上传证据材料');
  await expect(street.getByLabel('证据材料')).toHaveAttribute('aria-invalid', 'true');
  await street.getByLabel('证据材料').setInputFiles({ name: '现场照片.pdf', mimeType: 'application/pdf', buffer: PDF });
  await street.getByRole('button', { name: '提交警示信息' }).click();
  await expect(street).toHaveURL(/\/street\/warnings\?reported=1$/);
  await expect(street.getByRole('status')).toContainText('等待住建部门核准');
  await expect(street.getByRole('row').filter({ hasText: type })).toContainText('待住建部门确认');

  // Not public before the bureau confirms it.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/companies?q=安居乐业');
  await visitor.getByRole('link', { name: DEMO_COMPANY }).click();
  await expect(visitor).toHaveURL(/\/companies\/[0-9A-Z]{18}$/);
  const companyUrl = visitor.url();
  await expect(visitor.getByRole('region', { name: '信用记录' })).toBeVisible();
  await expect(visitor.getByText(type)).toHaveCount(0);

  // 船山区 (the estate's district) confirms the points and the severity.
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await district.getByRole('link', { name: '企业信用记录', exact: true }).click();
  const queue = district.getByRole('region', { name: /待核准的信用信息/ });
  await queue.getByRole('link', { name: type }).click();
  await expect(district).toHaveURL(/\/bureau\/credit\/[0-9a-f-]{36}$/);
  const recordUrl = district.url();
  await expect(district.getByRole('link', { name: '证据材料-1.pdf' })).toBeVisible();
  await district.getByLabel('核定扣分').fill('3');
  await expect(district.getByRole('radio', { name: /^一般/ })).toBeChecked();
  await district.getByRole('button', { name: '核对公布内容' }).click();
  // Check your answers: the record as the public will read it, its window, no list for 一般; then confirm.
  const check = district.getByRole('form', { name: '核对后确认：公布后不能撤回' });
  await expect(check).toContainText(type);
  await expect(check).toContainText('一般，扣 3 分');
  await expect(check).toContainText(`自 ${today} 起向社会公示`);
  await expect(check).toContainText('不因此列入红黑榜');
  await check.getByRole('button', { name: '确认核准并公布' }).click();
  await expect(district).toHaveURL(/\/bureau\/credit\?done=confirmed$/);
  await expect(district.getByRole('status')).toContainText('告知书已送达企业');

  // Another district cannot open it.
  const other = await signedIn(browser, 'shehong', '/bureau');
  expect((await other.goto(recordUrl))?.status()).toBe(404);

  // Public on the company's page, with its severity, points and the day it leaves public view.
  const publicUntil = addMonths(today, 12);
  await visitor.goto(companyUrl);
  const row = visitor.getByRole('region', { name: '信用记录' }).getByRole('row').filter({ hasText: type });
  await expect(row).toContainText('警示');
  await expect(row).toContainText('一般');
  await expect(row).toContainText('扣 3 分');
  await expect(row).toContainText(today);
  await expect(row).toContainText(publicUntil);
  await expect(row.getByRole('link', { name: '对此信息提出异议' })).toHaveAttribute('href', /^\/objections\/new\?record=[0-9a-f-]{36}$/);

  // The company sees it with its points, the date it stops counting and its notice, and attaches a statement.
  const company = await signedIn(browser, 'company', '/company');
  await company.getByRole('link', { name: '企业信用记录', exact: true }).click();
  await expect(company.getByRole('heading', { level: 1, name: '企业信用记录' })).toBeVisible();
  const card = company.getByRole('article', { name: type });
  await expect(card).toContainText('公示中');
  await expect(card).toContainText('扣 3 分');
  await expect(card.getByRole('definition').filter({ hasText: publicUntil })).toHaveCount(1);
  await expect(card).toContainText(`${addMonths(today, 3)} 起`);
  await expect(card).toContainText('最短公示期尚未届满');
  await card.getByRole('link', { name: /查看告知书/ }).click();
  await expect(company.getByRole('heading', { level: 1, name: /警示信用信息告知书/ })).toBeVisible();
  await expect(company.getByRole('article')).toContainText('信用修复');
  await company.goBack();

  const statement = '已于次日清理完毕，设置了禁停标识并安排每日巡查。';
  await card.locator('summary', { hasText: '发表声明' }).click();
  await card.getByLabel(/企业声明/).fill(statement);
  await card.getByRole('button', { name: '保存声明' }).click();
  await expect(card.getByRole('status')).toContainText('声明已保存');

  await visitor.goto(companyUrl);
  await expect(visitor.getByRole('region', { name: '信用记录' }).getByRole('row').filter({ hasText: type })).toContainText(`企业声明：${statement}`);
});
