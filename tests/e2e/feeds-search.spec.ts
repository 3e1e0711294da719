import { expect, test, type Browser } from '@playwright/test';
import { demo } from './demo-people';
import { expectNoAxeViolations, expectNoSidewaysScroll } from './helpers';

/**
 * Issue 16 items 3, 4 and 7 as a visitor meets them, without JavaScript: the header search finds a staff member
 * by two characters of the name (true counts, 查看全部, the kind's own pages), the estate and company pages offer
 * their Atom feed (a link and the head's alternate), the feeds are served (and cached), /open-data documents it all.
 */

/** axe on `url` as a browser with JavaScript renders it (axe runs as a script: not in the no-JS contexts). */
async function axeAt(browser: Browser, url: string) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await expectNoAxeViolations(page);
  await ctx.close();
}

/** Current approved staff (the people a search may show) whose name contains `q`, from the seeded data. */
function staffMatching(q: string) {
  const d = demo();
  const active = new Map(d.practitioners.filter((p) => p.status === 'active').map((p) => [p.id, p]));
  return d.employments.filter((e) => e.status === 'current' && e.projectId && active.has(e.practitionerId) && active.get(e.practitionerId)!.name.includes(q));
}

/** Two-character fragments of current staff names, with how many people each finds. */
function fragments() {
  const d = demo();
  const counts = new Map<string, number>();
  const active = new Set(d.practitioners.filter((p) => p.status === 'active').map((p) => p.id));
  const names = new Map(d.practitioners.map((p) => [p.id, p.name]));
  for (const e of d.employments) {
    if (e.status !== 'current' || !e.projectId || !active.has(e.practitionerId)) continue;
    const chars = [...names.get(e.practitionerId)!];
    const seen = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) seen.add(chars[i]! + chars[i + 1]!);
    for (const f of seen) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return counts;
}

test('the site search finds a staff member by two characters of the name, without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await ctx.newPage();
  // A fragment few people share: the person is on the overview.
  const all = fragments();
  const [rare] = [...all].filter(([f, n]) => n >= 1 && n <= 3 && /^[\u4e00-\u9fff]{2}$/.test(f)).sort((a, b) => a[0].localeCompare(b[0]));
  const [q] = rare!;
  const want = staffMatching(q);
  // What the header's search form (a plain GET form) sends.
  await page.goto(`/search?q=${encodeURIComponent(q)}`);
  const staff = page.getByRole('region', { name: /物业服务人员/ });
  await expect(staff.getByRole('heading')).toHaveText(`物业服务人员（${want.length}）`);
  const first = want[0]!;
  const card = staff.locator(`a[href="/projects/${first.projectId}/staff/${first.practitionerId}"]`);
  await expect(card).toBeVisible();
  await expect(staff).toContainText(first.post);
  await expectNoSidewaysScroll(page);
  await axeAt(browser, page.url());
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${first.projectId}/staff/${first.practitionerId}$`));

  // A fragment many share: 查看全部 leads to the staff pages, 20 a page with the true total.
  const [common, n] = [...all].filter(([f, c]) => c > 20 && /^[\u4e00-\u9fff]{2}$/.test(f)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [...all].sort((a, b) => b[1] - a[1])[0]!;
  await page.goto(`/search?q=${encodeURIComponent(common)}`);
  await expect(page.getByRole('region', { name: /物业服务人员/ }).getByRole('listitem')).toHaveCount(Math.min(5, n));
  await page.getByRole('link', { name: `查看全部 ${n} 名人员` }).click();
  await expect(page).toHaveURL(new RegExp(`kind=staff`));
  const list = page.getByRole('region', { name: /物业服务人员/ });
  await expect(list.getByRole('heading')).toHaveText(`物业服务人员（${n}）`);
  await expect(list.getByRole('listitem')).toHaveCount(Math.min(20, n));
  if (n > 20) {
    await list.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/kind=staff&page=2|page=2&kind=staff/);
    await expect(page.getByRole('region', { name: /物业服务人员/ }).getByRole('listitem')).toHaveCount(Math.min(20, n - 20));
  }
  await axeAt(browser, page.url());
  // The search page stays out of search engines (decision 027).
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await ctx.close();
});

test('estate and company pages offer their Atom feed; the feeds are served from the page cache', async ({ browser, request, baseURL }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const estate = demo().canaries[0]!.projectId;
  await page.goto(`/projects/${estate}`);
  const feed = `/feeds/projects/${estate}.xml`;
  await expect(page.getByRole('link', { name: '订阅本小区动态（Atom）' })).toHaveAttribute('href', feed);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}${feed}`);
  await axeAt(browser, page.url());
  // Its company's page, from the estate's.
  await page.getByRole('region', { name: '物业服务企业' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\/companies\/[0-9A-Z]{18}$/);
  const uscc = page.url().split('/').at(-1)!;
  await expect(page.getByRole('link', { name: '订阅本企业动态（Atom）' })).toHaveAttribute('href', `/feeds/companies/${uscc}.xml`);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${baseURL}/feeds/companies/${uscc}.xml`);
  await axeAt(browser, page.url());
  for (const path of [feed, `/feeds/companies/${uscc}.xml`]) {
    const a = await request.get(path);
    expect(a.status()).toBe(200);
    expect(a.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const body = await a.text();
    expect(body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const b = await request.get(path);
    expect(b.headers()['x-page-cache']).toBe('hit');
    expect(await b.text()).toBe(body);
  }
  expect((await request.get('/feeds/projects/00000000-0000-4000-8000-000000000000.xml')).status()).toBe(404);
  await ctx.close();
});

test('/open-data lists the new tables and feeds with a licence; the tables answer', async ({ browser, request }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/open-data');
  for (const path of ['GET /api/v1/companies', 'GET /api/v1/estates', 'GET /api/v1/ratings?period=2026Q3', 'GET /feeds/projects/{小区编号}.xml', 'GET /feeds/companies/{统一社会信用代码}.xml']) {
    await expect(page.getByRole('heading', { name: path, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: '许可与使用说明' })).toContainText('须注明来源');
  await axeAt(browser, '/open-data');
  for (const path of ['/api/v1/companies', '/api/v1/estates?format=csv', '/api/v1/ratings']) expect((await request.get(path)).status(), path).toBe(200);
  expect((await request.get('/api/v1/ratings?period=2026Q9')).status()).toBe(400);
  await ctx.close();
});
