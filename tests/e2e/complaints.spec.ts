import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { demo } from './demo-people';
import { expectNoSidewaysScroll, signedIn } from './helpers';

/** The whole journey without JavaScript: plain forms and links only (SPEC §3.10; issue 16, item 1). */
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

/** An estate of the demo company in 船山区 (the district account's) with current staff. */
function estateOfDemoCompany() {
  const d = demo();
  const staffed = new Set(d.employments.filter((e) => e.status === 'current').map((e) => e.projectId));
  return d.projects.find((p) => p.districtId === d.chuanshanDistrictId && p.currentCompanyId === d.companyId && staffed.has(p.id))!;
}

/** Step 1 (a GET form): two characters of the estate's name, then its radio; falls back to the full name when the first ten matches do not include it. */
async function chooseEstate(page: Page, name: string) {
  await page.getByLabel('小区名称或地址').fill(name.slice(0, 2));
  await page.getByRole('button', { name: '查找小区' }).click();
  await expect(page.getByText(/找到 \d+ 个小区/)).toBeVisible();
  const radio = page.getByRole('radio', { name: new RegExp(`^${name}`) });
  if ((await radio.count()) === 0) {
    await page.getByLabel('小区名称或地址').fill(name);
    await page.getByRole('button', { name: '查找小区' }).click();
  }
  await radio.first().check();
  await page.getByRole('button', { name: '选择此小区' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `第二步：${name}` })).toBeVisible();
}

async function fileComplaint(page: Page, o: { about: string; staffIndex?: number; phone: string; text: string; photo?: Buffer }) {
  await page.getByRole('radio', { name: '投诉', exact: true }).check();
  await page.getByRole('radio', { name: o.about }).check();
  let staff: { id: string; label: string } | null = null;
  if (o.staffIndex) {
    const select = page.getByLabel('工作人员（选“小区的一位工作人员”时填写）');
    const option = select.locator('option').nth(o.staffIndex);
    staff = { id: (await option.getAttribute('value'))!, label: (await option.textContent())! };
    await select.selectOption(staff.id);
  }
  await page.getByLabel('姓名').fill('业主周女士');
  await page.getByLabel('联系电话').fill(o.phone);
  await page.getByLabel('事情经过').fill(o.text);
  if (o.photo) await page.getByLabel('照片（选填）').setInputFiles({ name: '现场.jpg', mimeType: 'image/jpeg', buffer: o.photo });
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page).toHaveURL(/\/complaints\/[23456789A-HJKMNP-Z]{12}\?filed=1$/);
  const code = new URL(page.url()).pathname.split('/').pop()!;
  await expect(page.getByRole('status')).toContainText(code);
  return { code, staff };
}

test('an owner complains about a staff member without JavaScript; the company answers, the district substantiates it, the bad record is on the public card and every step on the tracking page; an unsubstantiated one shows its reason', async ({ browser, page }) => {
  test.setTimeout(240_000);
  const estate = estateOfDemoCompany();
  await page.goto(`/projects/${estate.id}`);
  const estateName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await expect(page.getByRole('link', { name: '对本小区的物业服务投诉或表扬' })).toHaveAttribute('href', `/complaints/new?estate=${estate.id}`);

  // The owner, on a phone, from the home page's promise.
  const owner = await (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage();
  await owner.goto('/');
  await owner.getByRole('link', { name: '投诉或表扬', exact: true }).click();
  await expect(owner).toHaveURL(/\/complaints\/new$/);
  await expectNoAxeViolations(owner);
  await expectNoSidewaysScroll(owner);
  await chooseEstate(owner, estateName);
  await expectNoAxeViolations(owner);
  await expectNoSidewaysScroll(owner);
  // A staff member must be chosen from the list: the error is at the field and in the summary.
  await owner.getByRole('radio', { name: '小区的一位工作人员（在下面选择）' }).check();
  await owner.getByRole('button', { name: '提交' }).click();
  await expect(owner.getByText('请从名单中选择工作人员')).toHaveCount(2);
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#a63' } }).jpeg().toBuffer();
  const first = await fileComplaint(owner, {
    about: '小区的一位工作人员（在下面选择）',
    staffIndex: 1,
    phone: '13800005678',
    text: '12 月 1 日晚 8 点报修水管爆裂，该工作人员拒绝上门，态度恶劣。',
    photo,
  });
  const staffName = first.staff!.label.split('（')[0]!;
  await expectNoAxeViolations(owner);
  await expectNoSidewaysScroll(owner);
  const tracking = owner.getByRole('region', { name: '投诉信息' });
  await expect(tracking).toContainText(staffName);
  await expect(tracking).toContainText('待企业答复');
  await expect(owner.locator('body')).not.toContainText('13800005678');
  await expect(owner.locator('body')).not.toContainText('周女士');

  // The serving company answers.
  const company = await signedIn(browser, 'company', '/company', undefined, { javaScript: false });
  await company.goto('/company/complaints');
  await company.locator('tr', { hasText: staffName }).getByRole('link', { name: estateName }).click();
  await expect(company.getByText('业主周女士，13800005678')).toBeVisible();
  await company.getByLabel('答复内容').fill('已约谈该员工，当晚另派维修人员上门处理完毕，并向业主致歉。');
  await company.getByRole('button', { name: '提交答复' }).click();
  await expect(company.getByText('已保存。')).toBeVisible();
  await expect(company.getByText('企业已答复，待住建部门核实')).toBeVisible();

  // The district (on a phone) substantiates it: a bad record of that person (SN 13.5), made by the record service.
  const district = await signedIn(browser, 'chuanshan', '/bureau', PHONE, { javaScript: false });
  await district.goto('/bureau/complaints');
  await expectNoSidewaysScroll(district);
  await district.locator('tr', { hasText: staffName }).getByRole('link', { name: estateName }).click();
  await expect(district.getByRole('heading', { name: '企业答复', exact: false })).toBeVisible();
  await district.getByRole('radio', { name: '投诉属实' }).check();
  await district.getByLabel('核实情况（业主可见）').fill('经调取值班记录并询问当事人，该员工当晚确有拒绝上门维修的情形。');
  await expect(district.getByLabel('记入负有责任人员的不良信息（第十三条第五项）')).toBeChecked();
  await expect(district.getByLabel('负有责任的人员')).toHaveValue(first.staff!.id);
  await district.getByRole('button', { name: '提交核实结果' }).click();
  await expect(district.getByText('已保存。')).toBeVisible();
  await expect(district.getByText(`已记入 ${staffName} 的不良信息。`)).toBeVisible();
  await expectNoSidewaysScroll(district);

  // The owner sees every step, and the record on the person's public card.
  await owner.goto(`/complaints/${first.code}`);
  const steps = owner.getByRole('region', { name: '办理过程' });
  await expect(steps).toContainText('已受理');
  await expect(steps).toContainText('物业服务企业已答复');
  await expect(steps).toContainText('住建部门已核实：投诉属实');
  await expect(steps.getByText('（未完成）')).toHaveCount(0);
  await expect(owner.getByRole('region', { name: '物业服务企业的答复' })).toContainText('另派维修人员');
  await expect(owner.getByRole('region', { name: '住建部门核实结果' })).toContainText('确有拒绝上门维修');
  await expectNoAxeViolations(owner);
  await expectNoSidewaysScroll(owner);
  await owner.getByRole('link', { name: '查看公开信息' }).click();
  await expect(owner).toHaveURL(new RegExp(`/projects/${estate.id}/staff/${first.staff!.id}$`));
  await expect(owner.locator('main')).toContainText(/业主投诉/);

  // A second complaint, about the company, is answered and found not substantiated: the owner reads the reason.
  await owner.goto(`/complaints/new?estate=${estate.id}`);
  const second = await fileComplaint(owner, { about: '物业服务企业：', phone: '13800005679', text: '小区垃圾连续三天无人清运，楼道异味严重。' });
  await company.goto('/company/complaints');
  await company.locator('tr', { hasText: '待企业答复' }).getByRole('link', { name: estateName }).first().click();
  await company.getByLabel('答复内容').fill('经查清运车辆当周按时作业，已调取清运记录。');
  await company.getByRole('button', { name: '提交答复' }).click();
  await expect(company.getByText('已保存。')).toBeVisible();
  await district.goto('/bureau/complaints');
  await district.locator('tr', { hasText: '企业已答复' }).getByRole('link', { name: estateName }).first().click();
  await district.getByRole('radio', { name: '投诉不成立' }).check();
  await district.getByLabel('核实情况（业主可见）').fill('经现场核查并调取清运记录，垃圾当周均按时清运，投诉不成立。');
  await district.getByLabel('记入负有责任人员的不良信息（第十三条第五项）').uncheck();
  await district.getByRole('button', { name: '提交核实结果' }).click();
  await expect(district.getByText('已保存。')).toBeVisible();
  await owner.goto(`/complaints/${second.code}`);
  await expect(owner.getByRole('region', { name: '住建部门核实结果' })).toContainText('经核实，投诉不成立。');
  await expect(owner.getByRole('region', { name: '住建部门核实结果' })).toContainText('垃圾当周均按时清运');
  await expect(owner.getByRole('region', { name: '办理过程' })).toContainText('住建部门已核实：投诉不成立');
  await expectNoAxeViolations(owner);
});
