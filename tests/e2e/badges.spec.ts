/**
 * Staff badges (工牌, issue 16): a company prints an estate's badges; `/verify/[code]` from one shows 有效 with the
 * photo; after that person's exit (company declares, district approves) the same code shows 已失效 and the photo
 * is gone. Public page axe-clean, noindex, no sideways scrolling at 390 px; the sheet too.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { currentStaff, demo } from './demo-people';
import { approveSubmission, declareExit, expectNoSidewaysScroll, followMenu, SCREENS, signedIn } from './helpers';

/**
 * A small 船山区 estate of the demo company, counted from the end of the list (public-staff.spec.ts takes the first
 * suitable one), none of whose staff another spec moves (staff-moves.spec.ts takes the last three people).
 */
function pickEstate() {
  const d = demo();
  const estates = d.projects.filter((x) => x.currentCompanyId === d.companyId && x.districtId === d.chuanshanDistrictId).reverse();
  const busy = new Set(d.employments.filter((e) => e.status === 'pending').map((e) => e.practitionerId));
  for (const p of estates.slice(1)) {
    const staff = currentStaff(p.id).filter((s) => !busy.has(s.id));
    if (staff.length >= 3 && staff.length <= 20 && staff.length === currentStaff(p.id).length) return { project: p, staff };
  }
  throw new Error('no suitable demo estate');
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const photoLoaded = (page: Page, alt: string) => page.getByRole('img', { name: alt }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);

test('a company prints an estate’s badges; a badge verifies with its photo, and stops the moment the person exits', async ({ browser }) => {
  const { project, staff } = pickEstate();
  const company = await signedIn(browser, 'company', '/company');
  await followMenu(company, '工作牌');
  await expect(company.getByRole('heading', { level: 1, name: '工作牌' })).toBeVisible();
  await company.locator(`a[href="/company/badges/${project.id}"]`).click();
  await company.getByRole('button', { name: `为 ${staff.length} 人制作工作牌` }).click();
  await expect(company.getByText(`已为 ${staff.length} 人制作工作牌。`)).toBeVisible();
  await expect(company.getByRole('article', { name: /的工作牌$/ })).toHaveCount(staff.length);

  // The estate's person who comes first in the demo's list (staff-moves.spec.ts moves the last three).
  const order = new Map(demo().practitioners.map((p, i) => [p.id, i]));
  const person = [...staff].sort((a, b) => order.get(a.id)! - order.get(b.id)!)[0]!;
  const card = company.getByRole('article', { name: `${person.name}的工作牌` });
  await expect(card).toContainText(person.post);
  await expect(card.getByRole('img', { name: /^核验二维码/ })).toBeVisible();
  const code = (await card.locator('.font-mono').textContent())!.trim();
  const [estateName, companyName] = await Promise.all([card.locator('dd').nth(2).textContent(), card.locator('dd').nth(3).textContent()]);
  expect(code).toMatch(/^[A-Z0-9]{12}$/);
  expect(await photoLoaded(company, `${person.name}的照片`)).toBe(true);
  // The sheet prints at card size: 85.6 × 54 mm.
  const box = await card.boundingBox();
  expect(Math.round(box!.width)).toBe(Math.round((85.6 / 25.4) * 96));
  expect(Math.round(box!.height)).toBe(Math.round((54 / 25.4) * 96));

  // The owner at the door, on a phone, without an account.
  const owner = await (await browser.newContext({ viewport: SCREENS[1].viewport })).newPage();
  await owner.goto(`/verify/${code}`);
  await expect(owner.getByRole('heading', { level: 2, name: '有效' })).toBeVisible();
  for (const text of [person.name, person.post, estateName!, companyName!]) await expect(owner.getByRole('main')).toContainText(text);
  expect(await photoLoaded(owner, `${person.name}的照片`)).toBe(true);
  await expect(owner.getByRole('main')).not.toContainText(person.mobile);
  await expect(owner.getByRole('main')).not.toContainText(person.idNumber);
  await expect(owner.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectNoSidewaysScroll(owner);
  await expectNoAxeViolations(owner);

  // The sheet on a phone.
  const phone = await signedIn(browser, 'company', '/company', SCREENS[1].viewport);
  await phone.goto(`/company/badges/${project.id}`);
  await expect(phone.getByRole('article', { name: `${person.name}的工作牌` })).toBeVisible();
  await expectNoSidewaysScroll(phone);
  await expectNoAxeViolations(phone);

  // The person leaves through the existing exit flow.
  const exitId = await declareExit(company, person.id, '本人离职，不再从事物业服务');
  await owner.reload();
  await expect(owner.getByRole('heading', { level: 2, name: '有效' })).toBeVisible(); // declared, not yet approved
  const chuanshan = await signedIn(browser, 'chuanshan', '/bureau');
  await approveSubmission(chuanshan, exitId, new RegExp(`退出行业：${person.name}`));

  await owner.reload();
  await expect(owner.getByRole('heading', { level: 2, name: '已失效' })).toBeVisible();
  await expect(owner.getByRole('main')).not.toContainText(person.name);
  await expect(owner.getByRole('main').getByRole('img')).toHaveCount(0);
  expect((await owner.request.get(`/verify/${code}/photo`)).status()).toBe(404);
  await expectNoAxeViolations(owner);
});
