/**
 * SN 15–17 in the browser: a transfer by the old company's consent, one released by the district after the old
 * company refused, and exit → archive → re-entry by another company.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, type DemoPerson } from './demo-people';
import { approveSubmission, daysAgo, declareExit, followMenu, signedIn } from './helpers';

/** People current at `company` on a 船山区 estate, taken from the end of the list (other specs take from the start). */
function chuanshanStaffOfCompany(n: number): DemoPerson[] {
  const d = demo();
  const estates = new Set(d.projects.filter((p) => p.currentCompanyId === d.companyId && p.districtId === d.chuanshanDistrictId).map((p) => p.id));
  const busy = new Set(d.employments.filter((e) => e.status === 'pending').map((e) => e.practitionerId));
  const ids = new Set(d.employments.filter((e) => e.status === 'current' && estates.has(e.projectId ?? '') && !busy.has(e.practitionerId)).map((e) => e.practitionerId));
  return d.practitioners.filter((p) => ids.has(p.id) && p.status === 'active').slice(-n);
}

const [P1, P2, P3] = chuanshanStaffOfCompany(3) as [DemoPerson, DemoPerson, DemoPerson];

async function fillJob(page: Page, p: DemoPerson, post: string) {
  await page.getByLabel('姓名', { exact: true }).fill(p.name);
  await page.getByLabel('身份证号码').fill(p.idNumber);
  const estate = page.getByLabel('服务项目');
  await estate.selectOption((await estate.locator('option').nth(1).getAttribute('value'))!);
  await page.getByLabel('岗位类别').selectOption(post);
  await page.getByLabel('入职时间').fill(daysAgo(1));
  await page.getByLabel('劳动合同签订日期').fill(daysAgo(1));
}

/** The submission id from a /company/moves/[id] URL. */
const submissionOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;


test('transfer by consent: company2 asks, company consents, company2 updates, the bureau approves', async ({ browser }) => {
  const company2 = await signedIn(browser, 'company2', '/company');
  await company2.getByRole('link', { name: '人员变动' }).click();
  await company2.getByRole('link', { name: '跨企业流动（调入）' }).click();
  // A wrong name is refused without saying whether the ID is registered.
  await fillJob(company2, { ...P1, name: '不相符' }, '保洁人员');
  await company2.getByRole('button', { name: '提交调出申请' }).click();
  await expect(company2.locator('#transfer-idNumber-error')).toHaveText('未找到姓名与身份证号码相符的在职人员；新入行人员请办理入职登记');
  // What was chosen is still chosen after the refusal.
  await expect(company2.getByLabel('岗位类别')).toHaveValue('保洁人员');
  await company2.getByLabel('姓名', { exact: true }).fill(P1.name);
  await company2.getByRole('button', { name: '提交调出申请' }).click();
  await expect(company2.getByText('调出申请已提交，等待原企业答复。')).toBeVisible();
  const id = submissionOf(company2);

  // The old company answers on the platform.
  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/moves');
  const request = company.getByRole('form', { name: `答复${P1.name}的调出申请` });
  await request.getByRole('radio', { name: '同意调出' }).check();
  await request.getByRole('button', { name: '提交答复' }).click();
  await expect(company.getByText('已同意调出，人员信息已转至新企业。')).toBeVisible();

  // Released: company2 brings the data up to date and submits it.
  await company2.goto(`/company/moves/${id}`);
  await expect(company2.getByText('已调出，待新企业补充信息')).toBeVisible();
  await company2.getByLabel('手机号码').fill('13911112222');
  await company2.getByRole('checkbox', { name: /已向本人告知/ }).check();
  await company2.getByRole('button', { name: '提交区县审核' }).click();
  await expect(company2.getByText('信息已更新并提交区县住建部门审核。')).toBeVisible();

  const city = await signedIn(browser, 'city', '/bureau');
  await approveSubmission(city, id, new RegExp(`跨企业流动：${P1.name}`));

  // Both employments are in the history the new employer sees; the person is current with company2.
  await company2.goto(`/company/staff/${P1.id}`);
  await expect(company2.getByRole('cell', { name: '在职', exact: true })).toHaveCount(1);
  await expect(company2.getByRole('cell', { name: '已离职 跨企业流动调出', exact: true })).toHaveCount(1);
  // The old company still sees the person's history, but no longer as its current staff.
  await company.goto(`/company/staff/${P1.id}`);
  await expect(company.getByRole('link', { name: '岗位调整' })).toHaveCount(0);
});

test('transfer by district release: company refuses, 船山区 checks and releases; 射洪市 cannot', async ({ browser }) => {
  const company2 = await signedIn(browser, 'company2', '/company');
  await company2.goto('/company/moves/transfer');
  await fillJob(company2, P2, '安保人员');
  await company2.getByRole('button', { name: '提交调出申请' }).click();
  await expect(company2.getByText('调出申请已提交，等待原企业答复。')).toBeVisible();
  const id = submissionOf(company2);

  const company = await signedIn(browser, 'company', '/company');
  await company.goto('/company/moves');
  const request = company.getByRole('form', { name: `答复${P2.name}的调出申请` });
  await request.getByRole('radio', { name: '不同意' }).check();
  await request.getByRole('button', { name: '提交答复' }).click();
  // At the field and in the error summary.
  await expect(request.getByText('不同意调出须说明理由')).toHaveCount(2);
  await request.getByLabel('理由（不同意时必填）').fill('交接未完成');
  await request.getByRole('button', { name: '提交答复' }).click();
  await expect(company.getByText('已答复不同意调出。区县住建部门将核实理由。')).toBeVisible();

  const shehong = await signedIn(browser, 'shehong', '/bureau');
  await shehong.goto('/bureau/transfers');
  await expect(shehong.getByRole('heading', { name: new RegExp(P2.name) })).toHaveCount(0);

  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau');
  await followMenu(chuanshan, '调出协调');
  const release = chuanshan.getByRole('form', { name: `直接调出${P2.name}` });
  await expect(chuanshan.getByText('原企业不同意调出，理由：交接未完成')).toBeVisible();
  await release.getByLabel('核实情况').fill('已核实劳动合同和离职交接，原企业理由不成立');
  await release.getByRole('button', { name: '核实后直接调出' }).click();
  await expect(chuanshan.getByText('已直接调出。新企业补充信息后，将进入从业人员审核。')).toBeVisible();

  await company2.goto(`/company/moves/${id}`);
  await expect(company2.getByText(/区县核实后直接调出/)).toBeVisible();
  await company2.getByRole('checkbox', { name: /已向本人告知/ }).check();
  await company2.getByRole('button', { name: '提交区县审核' }).click();
  await expect(company2.getByText('信息已更新并提交区县住建部门审核。')).toBeVisible();
  const city = await signedIn(browser, 'city', '/bureau');
  await approveSubmission(city, id, new RegExp(`跨企业流动：${P2.name}`));
  await company2.goto(`/company/staff/${P2.id}`);
  await expect(company2.getByRole('cell', { name: '在职', exact: true })).toHaveCount(1);
});

test('exit archives the person; another company re-enters the archived record', async ({ browser }) => {
  const company = await signedIn(browser, 'company', '/company');
  const exitId = await declareExit(company, P3.id, '本人返乡，不再从事物业服务');

  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau');
  await approveSubmission(chuanshan, exitId, new RegExp(`退出行业：${P3.name}`));

  // A new entry of the archived ID points to re-entry; re-entry reactivates the same record.
  const company2 = await signedIn(browser, 'company2', '/company');
  await company2.goto('/company/moves/transfer');
  await fillJob(company2, P3, '客服人员');
  await company2.getByRole('button', { name: '提交调出申请' }).click();
  await expect(company2.locator('#transfer-idNumber-error')).toHaveText('该人员已退出行业并归档，请办理重新执业');

  await company2.goto('/company/moves/re-entry');
  await fillJob(company2, P3, '客服人员');
  await company2.getByLabel('政治面貌').selectOption('群众');
  await company2.getByLabel('手机号码').fill('13722223333');
  await company2.getByLabel('学历').selectOption('高中');
  await company2.getByRole('checkbox', { name: /已向本人告知/ }).check();
  await company2.getByRole('button', { name: '提交重新执业申请' }).click();
  await expect(company2.getByText('重新执业申请已提交，等待区县住建部门审核。')).toBeVisible();
  const reId = submissionOf(company2);

  const city = await signedIn(browser, 'city', '/bureau');
  await approveSubmission(city, reId, new RegExp(`重新执业：${P3.name}`));
  await company2.goto(`/company/staff/${P3.id}`);
  await expect(company2.getByRole('cell', { name: '在职', exact: true })).toHaveCount(1);
  await expect(company2.getByRole('cell', { name: '已离职 退出行业：本人返乡，不再从事物业服务', exact: true })).toHaveCount(1);
});
