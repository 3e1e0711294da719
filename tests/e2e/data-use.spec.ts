import { expect, test, type Page } from '@playwright/test';
import { demo } from './demo-people';
import { daysAgo, expectNoSidewaysScroll, followMenu, signedIn } from './helpers';

/**
 * Data-use requests (SN 20; issue 17 item 1): an owners' committee asks for a candidate company's staff records, the
 * company consents on the platform, 船山区 checks its answers and approves for 30 days, and the committee sees the
 * granted people one at a time; a department does the same with an official letter; the city finds the views in the
 * audit log. Without JavaScript: plain forms and links only.
 */
test.use({ javaScriptEnabled: false });

const PHONE = { width: 390, height: 844 };

async function fileRequest(page: Page, o: { uscc: string; letter?: boolean; purpose: string }) {
  await page.getByRole('link', { name: '提出新的申请' }).click();
  await page.getByLabel(/统一社会信用代码/).fill(o.uscc);
  if (o.letter) {
    await page.getByLabel('公函文号', { exact: true }).fill('遂市监函〔2026〕12 号');
    await page.getByLabel('正式公函', { exact: true }).setInputFiles({ name: '公函.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% letter\n%%EOF\n') });
  }
  await page.getByRole('radio', { name: '该企业全部在职从业人员' }).check();
  await page.getByLabel('使用事项', { exact: true }).fill(o.letter ? '行政执法调查' : '选聘物业服务企业');
  await page.getByLabel('用途', { exact: true }).fill(o.purpose);
  await page.getByLabel('使用范围', { exact: true }).fill('仅限本单位经办人员使用');
  await page.getByRole('checkbox', { name: /本单位承诺严格履行信息保护义务/ }).check();
  await page.getByRole('button', { name: '提交申请' }).click();
  await expect(page.getByRole('status')).toContainText('已提交');
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** 船山区 approves a request for the first two people it lists, posts and records, for 30 days (the default). */
async function approve(page: Page, id: string) {
  await page.goto(`/bureau/data-requests/${id}`);
  const people = page.getByRole('group', { name: '可以查看的人员（该企业在职人员）' }).getByRole('checkbox');
  const n = await people.count();
  for (let i = 2; i < n; i++) await people.nth(i).uncheck();
  const names = [(await people.nth(0).locator('xpath=..').textContent())!.split('（')[0]!.trim(), (await people.nth(1).locator('xpath=..').textContent())!.split('（')[0]!.trim()];
  await page.getByRole('button', { name: '下一步：核对' }).click();
  // Check your answers: who, what, until when.
  await expect(page.getByRole('heading', { name: '请核对审批结果' })).toBeVisible();
  await expect(page.getByText('可以查看的人员（2 人）')).toBeVisible();
  const until = (await page.locator('input[name="expiresOn"]').getAttribute('value'))!;
  expect(until).toBe(daysAgo(-30));
  await page.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByRole('status')).toContainText('已审批');
  return names;
}

test('committee asks, the company consents, 船山区 approves for 30 days, the committee views the granted people; a department with a letter; the city sees the views', async ({ browser }) => {
  // Four accounts, two requests, and a district that unticks all but two of the company's staff (plain forms).
  test.setTimeout(240_000);
  const d = demo();
  const committee = await signedIn(browser, 'committee', '/committee', undefined, { javaScript: false });
  await followMenu(committee, '信息查询申请');
  const id = await fileRequest(committee, { uscc: d.companyUscc, purpose: '业主大会选聘物业服务企业，了解候选企业项目团队的执业情况' });
  await expect(committee.getByText('等待企业同意').first()).toBeVisible();

  // The company consents.
  const company = await signedIn(browser, 'company', '/company', PHONE, { javaScript: false });
  await company.goto(`/company/data-requests/${id}`);
  await expectNoSidewaysScroll(company);
  await company.getByRole('radio', { name: /^同意/ }).check();
  await company.getByRole('button', { name: '提交意见' }).click();
  await expect(company.getByRole('status')).toContainText('已提交本企业的意见');

  // 船山区 approves after checking its answers.
  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau', undefined, { javaScript: false });
  await chuanshan.goto('/bureau/data-requests');
  await expect(chuanshan.getByRole('link', { name: /业主委员会/ }).first()).toBeVisible();
  const names = await approve(chuanshan, id);

  // The committee sees exactly those people, one at a time.
  await committee.goto(`/committee/requests/${id}`);
  await expect(committee.getByRole('heading', { name: '授权查看的人员（2 人）' })).toBeVisible();
  await expect(committee.getByText(/已批准，可查看至/)).toBeVisible();
  await committee.getByRole('link', { name: names[0], exact: true }).click();
  await expect(committee.getByRole('heading', { level: 2, name: names[0] })).toBeVisible();
  await expect(committee.getByText('本次查看已记入审计日志')).toBeVisible();
  await expect(committee.getByText(/^\d{4}\*+\d{3}[\dX]$/)).toBeVisible();
  await expect(committee.getByRole('link', { name: /导出|下载|打印全部/ })).toHaveCount(0);
  // Another id in the URL: nothing.
  const outside = d.practitioners.find((p) => p.status === 'active' && !names.includes(p.name))!;
  const res = await committee.goto(`/committee/requests/${id}/people/${outside.id}`);
  expect(res?.status()).toBe(404);

  // A department with an official letter.
  const department = await signedIn(browser, 'department', '/department', PHONE, { javaScript: false });
  await followMenu(department, '凭公函查询');
  const depId = await fileRequest(department, { uscc: d.companyUscc, letter: true, purpose: '核查某小区消防安全管理人员的从业资格' });
  await expect(department.getByRole('link', { name: '查看公函' })).toBeVisible();
  await expectNoSidewaysScroll(department);
  const depNames = await approve(chuanshan, depId);
  await department.goto(`/department/requests/${depId}`);
  await department.getByRole('link', { name: depNames[0], exact: true }).click();
  await expect(department.getByRole('heading', { level: 2, name: depNames[0] })).toBeVisible();

  // The city finds the views in the audit log.
  const city = await signedIn(browser, 'city', '/bureau', undefined, { javaScript: false });
  await city.goto('/bureau/audit');
  const filters = city.getByRole('search', { name: '筛选审计记录' });
  await filters.getByLabel('操作', { exact: true }).selectOption({ label: '按授权查看从业人员执业信息' });
  await filters.getByRole('button', { name: '筛选' }).click();
  // The action is each row's header cell: the committee's view and the department's.
  await expect(city.getByRole('rowheader', { name: '按授权查看从业人员执业信息' }).first()).toBeVisible();
  expect(await city.getByRole('rowheader', { name: '按授权查看从业人员执业信息' }).count()).toBeGreaterThanOrEqual(2);
});
