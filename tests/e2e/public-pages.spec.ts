import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const DEMO_COMPANY = '遂宁市安居乐业物业服务有限公司';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The first estate of a two-character search, as its path. */
async function firstEstatePath(page: Page, q = '花园') {
  await page.goto(`/projects?q=${encodeURIComponent(q)}`);
  const href = await page.getByRole('region', { name: '查询结果' }).getByRole('link').first().getAttribute('href');
  expect(href).toMatch(/^\/projects\/[0-9a-f-]{36}$/);
  return href!;
}

test('company search, profile and the estates it serves', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业' }).click();
  await expect(page).toHaveURL(/\/companies$/);
  await expect(page.getByRole('heading', { level: 1, name: '物业服务企业' })).toBeVisible();
  await expect(page.getByText(/共有已备案企业\s*\d+\s*家/)).toBeVisible();

  await page.getByLabel('企业名称或统一社会信用代码').fill('安居乐业');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/companies\?q=%E5%AE%89%E5%B1%85%E4%B9%90%E4%B8%9A/);
  const results = page.getByRole('region', { name: '查询结果' });
  await results.getByRole('link', { name: DEMO_COMPANY }).click();

  await expect(page).toHaveURL(/\/companies\/[0-9A-Z]{18}$/);
  const uscc = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: DEMO_COMPANY })).toBeVisible();
  const basic = page.getByRole('region', { name: '基本信息' });
  await expect(basic).toContainText(uscc);
  await expect(basic).toContainText('法定代表人');
  await expect(basic).toContainText('1,000 万元');
  await expect(basic).toContainText('船山区');
  await expect(page).toHaveTitle(new RegExp(DEMO_COMPANY));

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': 'Organization', name: DEMO_COMPANY, identifier: uscc });

  // The exact credit code finds exactly this company.
  await page.goto(`/companies?q=${uscc}`);
  await expect(page.getByText(/共找到\s*1\s*家/)).toBeVisible();

  await page.goto(`/companies/${uscc}`);
  const estates = page.getByRole('region', { name: /在管小区/ });
  await expect(estates.getByRole('listitem').first()).toContainText('合同期限');
  await estates.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('region', { name: '物业服务企业' }).getByRole('link', { name: DEMO_COMPANY })).toHaveAttribute('href', `/companies/${uscc}`);
});

test('unknown company codes and estate ids answer 404', async ({ page }) => {
  expect((await page.goto('/companies/91510900MA00000000'))?.status()).toBe(404);
  expect((await page.goto('/companies/not-a-code'))?.status()).toBe(404);
  expect((await page.goto('/companies/100%25'))?.status()).toBe(404);
  expect((await page.goto('/projects/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
  expect((await page.goto('/projects/not-an-id'))?.status()).toBe(404);
  expect((await page.goto('/projects/not-an-id/poster'))?.status()).toBe(404);
});

test('estate search with a two-character query, the estate page and its printable poster', async ({ page }) => {
  await page.goto('/projects');
  await page.getByLabel('小区名称或地址').fill('花园');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/projects\?q=%E8%8A%B1%E5%9B%AD/);
  const results = page.getByRole('region', { name: '查询结果' });
  await expect(page.getByText(/共找到\s*\d+\s*个小区/)).toBeVisible();
  const first = results.getByRole('link').first();
  const name = (await first.textContent())!.trim();
  expect(name).toContain('花园');
  await first.click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: '物业服务企业' })).toContainText(/合同期限：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
  const board = page.getByRole('region', { name: '物业服务公示栏' });
  await expect(board).toContainText(/更新于 \d{4}-\d{2}-\d{2}/);
  for (const label of ['项目经理', '投诉电话', '服务内容', '收费项目和标准', '消防维保单位', '专项维修资金使用']) {
    await expect(board.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expect(board.getByRole('link', { name: /^[\d-]+$/ }).first()).toHaveAttribute('href', /^tel:/);
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld).toMatchObject({ '@type': expect.stringMatching(/^(Residence|Place)$/), name, address: { '@type': 'PostalAddress' } });
  const estatePath = new URL(page.url()).pathname;

  await board.getByRole('link', { name: /打印公示海报/ }).click();
  await expect(page).toHaveURL(new RegExp(`${estatePath}/poster$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} 物业服务公示栏`);
  const qr = page.getByRole('img', { name: /二维码/ });
  await expect(qr.locator('svg')).toBeVisible();
  await expect(qr.locator('svg path').first()).toBeAttached();
  await expect(qr).toHaveAccessibleName(new RegExp(`^二维码：https?://[^/]+${estatePath}$`));
  await expect(page.getByRole('term').filter({ hasText: /^项目经理$/ })).toBeVisible();

  // Printed on A4: the site's header and the on-screen hints go, the board and the QR code stay.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.getByRole('link', { name: '返回小区页面' })).toBeHidden();
  await expect(qr.locator('svg')).toBeVisible();
});

for (const path of ['/companies', '/projects', '/projects?q=%E8%8A%B1%E5%9B%AD&district=510903']) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test('axe finds nothing on a company profile, an estate page and its poster', async ({ page }) => {
  await page.goto('/companies?q=%E5%AE%89%E5%B1%85%E4%B9%90%E4%B8%9A');
  await page.getByRole('link', { name: DEMO_COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEMO_COMPANY })).toBeVisible();
  await expectNoAxeViolations(page);
  const estate = await firstEstatePath(page);
  await page.goto(estate);
  await expect(page.getByRole('region', { name: '物业服务公示栏' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`${estate}/poster`);
  await expectNoAxeViolations(page);
});

test('lists, filters and pages work without JavaScript', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto('/projects');
  await page.getByLabel('区县').selectOption({ label: '船山区' });
  await page.getByLabel('小区名称或地址').fill('小区');
  await page.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/district=510903/);
  const results = page.getByRole('region', { name: '查询结果' });
  await expect(page.getByText(/共找到\s*\d+\s*个小区（船山区）/)).toBeVisible();
  const items = results.getByRole('list').first().getByRole('listitem');
  await expect(items.first()).toContainText('船山区');
  expect(await items.count()).toBeLessThanOrEqual(20);
  for (const text of await items.allTextContents()) expect(text).toContain('船山区');

  // A street of another district is ignored, and the page says so.
  const sheHongStreet = await page.locator('#project-street optgroup[label="射洪市"] option').first().getAttribute('value');
  await page.goto(`/projects?district=510903&street=${sheHongStreet}`);
  await expect(page.getByText('所选街道不属于所选区县')).toBeVisible();
  // A street alone selects its own district.
  await page.goto(`/projects?street=${sheHongStreet}`);
  await expect(page.getByLabel('区县')).toHaveValue('510981');
  await expect(page.getByLabel('街道（乡镇）')).toHaveValue(sheHongStreet!);

  // Pagination: plain links, the current page marked for screen readers, page size capped.
  await page.goto('/projects');
  const pager = page.getByRole('navigation', { name: '分页' });
  await expect(pager.locator('[aria-current="page"]')).toHaveText('第1页');
  await pager.getByRole('link', { name: '下一页' }).click();
  await expect(page).toHaveURL(/\/projects\?page=2$/);
  await expect(page.getByRole('navigation', { name: '分页' }).locator('[aria-current="page"]')).toHaveText('第2页');
  await expect(page.getByRole('region', { name: '查询结果' }).getByRole('list').first().getByRole('listitem')).toHaveCount(20);

  // Malformed parameters fall back to defaults instead of failing.
  const res = await page.goto('/companies?page=abc&district=%27%3B&q=');
  expect(res?.status()).toBe(200);
  await expect(page.getByText(/共有已备案企业\s*\d+\s*家/)).toBeVisible();

  const estate = await firstEstatePath(page);
  await page.goto(estate);
  await expect(page.getByRole('region', { name: '物业服务公示栏' })).toContainText('项目经理');
  await ctx.close();
});

test('site search results link to company and estate pages', async ({ page }) => {
  await page.goto('/search?q=%E8%8A%B1%E5%9B%AD');
  const estate = page.getByRole('region', { name: /小区/ }).getByRole('link').first();
  await expect(estate).toHaveAttribute('href', /^\/projects\/[0-9a-f-]{36}$/);
  await page.goto('/search?q=%E7%89%A9%E4%B8%9A');
  const company = page.getByRole('region', { name: /物业服务企业/ }).getByRole('link').first();
  await expect(company).toHaveAttribute('href', /^\/companies\/[0-9A-Z]{18}$/);
  await company.click();
  await expect(page.getByRole('region', { name: '基本信息' })).toBeVisible();
});

test('sitemap.xml lists the directories, companies and estates; robots.txt keeps crawlers out of the work areas', async ({ request, baseURL }) => {
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  const xml = await sitemap.text();
  expect(xml).toContain(`<loc>${baseURL}/companies</loc>`);
  expect(xml).toContain(`<loc>${baseURL}/projects</loc>`);
  expect(xml).toMatch(new RegExp(`<loc>${baseURL}/projects/[0-9a-f-]{36}</loc>`));
  expect(xml).toMatch(new RegExp(`<loc>${baseURL}/companies/[0-9A-Z]{18}</loc>`));
  expect((xml.match(/\/projects\/[0-9a-f-]{36}</g) ?? []).length).toBeGreaterThanOrEqual(300);

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const txt = await robots.text();
  for (const p of ['/bureau', '/company', '/association', '/committee', '/department', '/street', '/account', '/api/auth']) {
    expect(txt).toMatch(new RegExp(`^Disallow: ${p}$`, 'm'));
  }
  expect(txt).not.toMatch(/^Disallow: \/$/m);
  expect(txt).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('every public page type names its canonical URL as an absolute URL on the site’s origin', async ({ request, baseURL }) => {
  const first = async (p: string, re: RegExp) => re.exec(await (await request.get(p)).text())?.[1];
  const uscc = await first('/companies', /href="\/companies\/([0-9A-Z]{18})"/);
  const estate = await first('/projects', /href="\/projects\/([0-9a-f-]{36})"/);
  expect(uscc && estate).toBeTruthy();
  // Next.js writes the home page's canonical without the trailing slash (its `trailingSlash: false` form).
  const pages: [string, string][] = [
    ['/', ''],
    ['/lists/red', '/lists/red'],
    ['/lists/black?district=510903', '/lists/black'],
    ['/companies', '/companies'],
    [`/companies/${uscc}`, `/companies/${uscc}`],
    ['/projects?q=%E8%8A%B1%E5%9B%AD', '/projects'],
    [`/projects/${estate}`, `/projects/${estate}`],
    ['/open-data', '/open-data'],
    ['/verify', '/verify'],
    ['/objections', '/objections'],
  ];
  for (const [p, canonical] of pages) {
    const html = await (await request.get(p)).text();
    const links = [...html.matchAll(/<link rel="canonical" href="([^"]*)"/g)].map((m) => m[1]);
    expect(links, p).toEqual([`${baseURL}${canonical}`]);
  }
});

test('the favicon, the icons and the web app manifest are served, and the pages link them', async ({ request }) => {
  const favicon = await request.get('/favicon.ico');
  expect(favicon.status()).toBe(200);
  const ico = await favicon.body();
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // an ICO file's header
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(2); // more than one size

  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
  expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png" sizes="180x180"/);
  expect(html).toMatch(/<link rel="icon" href="\/favicon.ico"/);

  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const m = (await manifest.json()) as { name: string; start_url: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(m).toMatchObject({ name: '遂宁市物业信用监管平台', start_url: '/' });
  const pngSizes = m.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
  expect(pngSizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(m.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  const pngs = [...m.icons.filter((i) => i.type === 'image/png'), { src: '/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }];
  for (const icon of pngs) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    const png = await res.body();
    // The PNG's own width and height (IHDR) are what the manifest says.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});
