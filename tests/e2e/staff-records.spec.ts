/**
 * SN 9–14 in the browser: a company files an owner's written praise and the district approves it, so that it shows
 * on the public staff card; a street office reports bad conduct of staff of 天宫花园, the district turns it into a
 * record, and the company sees it and prints the notice with its code.
 */
import { expect, test } from '@playwright/test';
import { demo } from './demo-people';
import { SCREENS, daysAgo, expectNoSidewaysScroll, followMenu, signedIn } from './helpers';

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });

/** A person current at `company` on a 船山区 estate, from the middle of the list (other specs take from its ends). */
function chuanshanStaffOfCompany() {
  const d = demo();
  const estates = new Set(d.projects.filter((p) => p.currentCompanyId === d.companyId && p.districtId === d.chuanshanDistrictId).map((p) => p.id));
  const busy = new Set(d.employments.filter((e) => e.status === 'pending').map((e) => e.practitionerId));
  const jobs = d.employments.filter((e) => e.status === 'current' && estates.has(e.projectId ?? '') && !busy.has(e.practitionerId));
  const active = new Set(d.practitioners.filter((p) => p.status === 'active').map((p) => p.id));
  const pool = jobs.filter((e) => active.has(e.practitionerId));
  const job = pool[Math.floor(pool.length / 2)]!;
  return { ...d.practitioners.find((p) => p.id === job.practitionerId)!, projectId: job.projectId! };
}

for (const { name: screen, viewport } of SCREENS) {
  test(`a company files an owner’s banner, the district approves it, and the public staff card shows it (${screen})`, async ({ browser }) => {
    const person = chuanshanStaffOfCompany();
    const description = `业主赠送锦旗“服务周到 热情为民”（测试 ${screen} ${Date.now()}）`;

    const company = await signedIn(browser, 'company', '/company', viewport);
    await followMenu(company, '人员奖惩记录');
    await company.getByRole('link', { name: '登记优良信息' }).click();
    await company.getByLabel('小区', { exact: true }).selectOption(person.projectId);
    await company.getByLabel('姓名', { exact: true }).fill(person.name);
    await company.getByRole('button', { name: '查找人员' }).click();
    await company.getByRole('link', { name: new RegExp(`^选择${person.name}（`) }).first().click();
    await expect(company.getByRole('heading', { name: '第二步：填写优良信息' })).toBeVisible();

    await company.getByLabel('优良信息类型').selectOption('业主书面表扬');
    // SN 9.3: the form says that only letters and banners count.
    await expect(company.getByText('业主口头表扬或在业主群中的简单表扬不予纳入')).toBeVisible();
    await expect(company.getByLabel('书面表扬的形式').locator('option')).toHaveText(['请选择', '表扬信', '锦旗']);
    await company.getByLabel('书面表扬的形式').selectOption('锦旗');
    await company.getByLabel('表彰或表扬单位（人）').fill('小区 5 栋业主');
    await company.getByLabel('事由').fill(description);
    await company.getByLabel('表彰或事件日期').fill(daysAgo(9));
    // SN 12: received 8 days ago is 3 days late; the form says so and still files.
    await company.getByLabel('收到表彰文件（事件发生）日期').fill(daysAgo(8));
    await expect(company.getByText('现在报送将逾期 3 天')).toBeVisible();
    await company.getByLabel('证明材料', { exact: true }).setInputFiles(pdf('banner.pdf'));
    await company.getByRole('button', { name: '提交区县住建部门审核' }).click();
    await expect(company.getByText('优良信息已提交，等待区县住建部门审核。本次报送逾期 3 天，记录上将标注。')).toBeVisible();
    const filedRow = company.getByRole('row').filter({ hasText: description });
    await expect(filedRow).toContainText('待审核');
    await expect(filedRow).toContainText('逾期 3 天');
    await expectNoSidewaysScroll(company);

    const chuanshan = await signedIn(browser, 'chuanshan', '/bureau', viewport);
    await chuanshan.goto(`/bureau/records?q=${encodeURIComponent(person.name)}`);
    const queued = chuanshan.getByRole('row').filter({ hasText: description });
    await expect(queued).toContainText('逾期 3 天');
    await queued.getByRole('link', { name: person.name }).click();
    await expect(chuanshan.getByRole('heading', { level: 1, name: `优良信息：${person.name}` })).toBeVisible();
    await expect(chuanshan.getByRole('link', { name: /证明材料：/ })).toBeVisible();
    await expectNoSidewaysScroll(chuanshan);
    await chuanshan.getByRole('radio', { name: '予以记录' }).check();
    await chuanshan.getByRole('button', { name: '提交审核结果' }).click();
    await expect(chuanshan.getByText('已提交审核结果：予以记录。')).toBeVisible();

    const owner = await (await browser.newContext()).newPage();
    await owner.goto(`/projects/${person.projectId}/staff/${person.id}`);
    await expect(owner.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
    const records = owner.getByRole('listitem').filter({ hasText: `锦旗：${description}` });
    await expect(records).toContainText('优良 业主书面表扬');
    await expect(records).toContainText('小区 5 栋业主');
  });
}

test('a street office reports bad conduct at 天宫花园, the district records it, the company prints the notice', async ({ browser }) => {
  const description = `在岗期间与业主发生争执并辱骂业主，经社区调查核实（测试 ${Date.now()}）`;

  const street = await signedIn(browser, 'street', '/street');
  await street.getByRole('link', { name: '从业人员不良行为线索' }).first().click();
  await street.getByLabel('小区', { exact: true }).selectOption({ label: '天宫花园' });
  await street.getByRole('button', { name: '查找人员' }).click();
  const pick = street.getByRole('link', { name: /^选择/ }).first();
  const name = (await pick.getAttribute('aria-label'))!.replace(/^选择/, '').replace(/（.*$/, '');
  await pick.click();
  await expect(street.getByRole('region', { name: '人员', exact: true })).toContainText(name);
  await expect(street.getByRole('region', { name: '人员', exact: true })).toContainText('天宫花园');

  await street.getByLabel('不良行为类型（第十三条）').selectOption('被业主投诉，经核实相关人员负有责任的');
  await street.getByLabel('事实经过').fill(description);
  await street.getByLabel('行为发生日期').fill(daysAgo(2));
  await street.getByLabel('收到（出具）证明材料日期').fill(daysAgo(1));
  await street.getByLabel('证明材料', { exact: true }).setInputFiles(pdf('complaint.pdf'));
  await street.getByRole('button', { name: '报送不良行为线索' }).click();
  await expect(street.getByText('线索已报送，由属地区县住建部门核实后决定是否记录。')).toBeVisible();
  await expect(street.getByRole('row').filter({ hasText: description })).toContainText('待审核');

  // Before the district decides, the company does not see the report.
  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/records?kind=bad');
  await expect(company.getByRole('heading', { name: '人员奖惩记录' })).toBeVisible();
  await expect(company.getByText(description)).toHaveCount(0);

  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau');
  await chuanshan.goto(`/bureau/records?kind=bad&q=${encodeURIComponent(name)}`);
  await chuanshan.getByRole('row').filter({ hasText: description }).getByRole('link', { name }).click();
  await expect(chuanshan.getByRole('heading', { level: 1, name: `不良行为线索：${name}` })).toBeVisible();
  await expect(chuanshan.getByLabel('记录类型（可调整）')).toHaveValue('被业主投诉，经核实相关人员负有责任的');
  await expectNoSidewaysScroll(chuanshan);
  await chuanshan.getByRole('radio', { name: '予以记录' }).check();
  await chuanshan.getByRole('button', { name: '提交审核结果' }).click();
  const entered = chuanshan.getByText(/已录入不良行为记录并通知所在企业。告知书编号 [2-9A-Z]{12}。/);
  await expect(entered).toBeVisible();
  const code = (await entered.textContent())!.match(/[2-9A-Z]{12}/)![0];

  // The company is told on its home page and sees the record with its notice.
  await company.goto('/company');
  await expect(company.getByRole('region', { name: '人员不良行为记录告知' })).toContainText(`不良行为记录告知：${name}（业主投诉经核实负有责任）`);
  await company.goto('/company/records?kind=bad');
  const row = company.getByRole('row').filter({ hasText: description });
  await expect(row).toContainText('已记录');
  await row.getByRole('link', { name: '打印告知书' }).click();

  const notice = company.getByRole('article', { name: '物业服务从业人员不良行为记录告知书' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`告知书编号（查询码）：${code}`);
  await expect(notice).toContainText(name);
  await expect(notice).toContainText('被业主投诉，经核实相关人员负有责任的');
  await expect(notice).toContainText(description);
  await expect(notice).toContainText(daysAgo(2));
  await expect(notice).toContainText('出具（认定）单位');
  await expect(notice).toContainText('/objections/new');
  await expect(notice).toContainText(`凭本告知书编号 ${code} 在线提出异议`);
  await expect(notice).toContainText('第十八条');
  // Only the masked ID number is printed.
  await expect(notice).not.toContainText(/\d{17}[\dX]/);
  await company.emulateMedia({ media: 'print' });
  await expect(company.getByRole('link', { name: '返回' })).toBeHidden();
  await expect(notice).toBeVisible();
});
