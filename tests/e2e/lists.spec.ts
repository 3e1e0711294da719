import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

interface ApiEntry {
  id: string;
  company: { uscc: string; name: string };
  district: { code: string; name: string } | null;
  reason: string;
  rule: { id: string; label: string; article: string; citation: string };
  since: string;
  until: string | null;
  underObjection: boolean;
}

test.describe('red and black lists without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the black list shows each entry with company, district, reason, rule, dates; the GET filter narrows it', async ({ page, request }) => {
    const api = (await (await request.get('/api/v1/lists/black')).json()) as { items: ApiEntry[]; meta: { total: number } };
    expect(api.meta.total).toBeGreaterThan(0);
    const first = api.items[0]!;

    await page.goto('/lists/black');
    await expect(page.getByRole('heading', { level: 1, name: '物业服务企业黑榜' })).toBeVisible();
    const entries = page.getByRole('list', { name: '黑榜企业' }).getByRole('listitem');
    await expect(entries).toHaveCount(Math.min(20, api.meta.total));
    const card = entries.filter({ hasText: first.reason }).first();
    await expect(card.getByRole('link', { name: first.company.name })).toHaveAttribute('href', `/companies/${first.company.uscc}`);
    await expect(card).toContainText(first.rule.label);
    // The rule by the regulation's full title (issue 16); the short article stays in the open data only.
    await expect(card).toContainText(first.rule.citation);
    await expect(card).not.toContainText(first.rule.article);
    await expect(card).toContainText(first.since);
    if (first.until) await expect(card).toContainText(first.until);
    await expect(card).toContainText(first.district!.name);
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '红黑榜', exact: true })).toHaveAttribute('href', '/lists/red');

    // Filter by the first entry's district with the plain GET form.
    await page.getByLabel('所在区县').selectOption(first.district!.code);
    await page.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(new RegExp(`/lists/black\\?.*district=${first.district!.code}`));
    const filtered = page.getByRole('list', { name: '黑榜企业' }).getByRole('listitem');
    const n = await filtered.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(filtered.nth(i)).toContainText(first.district!.name);
    await expect(page.getByLabel('所在区县')).toHaveValue(first.district!.code);

    // A company search (q) is served per request and finds the company.
    await page.goto(`/lists/black?q=${encodeURIComponent(first.company.uscc)}`);
    await expect(page.getByRole('list', { name: '黑榜企业' }).getByRole('link', { name: first.company.name }).first()).toBeVisible();
  });

  test('the red list pages through its entries and a period filter is kept in the page links', async ({ page, request }) => {
    const api = (await (await request.get('/api/v1/lists/red')).json()) as { meta: { total: number; pageCount: number } };
    expect(api.meta.pageCount).toBeGreaterThan(1);
    await page.goto('/lists/red');
    await expect(page.getByRole('heading', { level: 1, name: '物业服务企业红榜' })).toBeVisible();
    await page.getByRole('navigation', { name: '分页' }).getByRole('link', { name: '下一页' }).click();
    await expect(page).toHaveURL(/\/lists\/red\?page=2$/);
    await expect(page.getByText(`第 2 / ${api.meta.pageCount} 页`)).toBeVisible();

    const year = new Date().getFullYear();
    await page.goto(`/lists/red?period=${year}`);
    await expect(page.getByLabel('在榜期间')).toHaveValue(String(year));
    await expect(page.getByText(`${year}年曾在红榜`)).toBeVisible();
  });

  test('a company profile shows grade with breakdown, the current score explained, eligibility on a date and the list history', async ({ page, request }) => {
    const api = (await (await request.get('/api/v1/lists/black')).json()) as { items: ApiEntry[] };
    const listed = api.items.find((e) => e.rule.id !== 'DW14-three-poor') ?? api.items[0]!;
    await page.goto(`/companies/${listed.company.uscc}`);
    await expect(page.getByRole('heading', { level: 2, name: '信用等级' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '当前信用分' })).toBeVisible();
    // The counting records, as a table (cards on a phone) or, with none, a sentence that says so — never an empty table.
    await expect(page.getByRole('region', { name: '当前信用分' })).toContainText(/计分中的信用记录（\d+ 条）/);
    const history = page.getByRole('region', { name: '红黑榜记录' });
    await expect(history).toContainText('在黑榜');
    await expect(history).toContainText(listed.reason);
    await expect(history.getByRole('list', { name: '变动记录' }).first()).toBeVisible();
    const eligibility = page.getByRole('region', { name: '招投标资格查询' });
    await expect(eligibility.getByRole('status')).toContainText('不具备参加物业服务招投标的信用资格');
    await expect(eligibility.getByRole('status')).toContainText('当日在黑榜');

    // The day before the entry, the black entry is not a reason (the plain GET date form).
    const before = new Date(Date.parse(`${listed.since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await eligibility.getByLabel('查询日期').fill(before);
    await eligibility.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(new RegExp(`on=${before}`));
    await expect(page.getByRole('region', { name: '招投标资格查询' }).getByRole('status')).not.toContainText('当日在黑榜');
  });
});

test('axe finds nothing on the red and black lists (filtered too) and on a listed company profile', async ({ page, request }) => {
  // Four full axe runs: about 10 s each on a busy two-core machine.
  test.setTimeout(150_000);
  const black = (await (await request.get('/api/v1/lists/black')).json()) as { items: ApiEntry[] };
  for (const url of ['/lists/red', '/lists/black', `/lists/black?district=${black.items[0]!.district!.code}&period=${new Date().getFullYear()}`, `/companies/${black.items[0]!.company.uscc}`]) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
});

test.describe('open data', () => {
  test('JSON and CSV of a list: same entries, content types, CORS, BOM, paging meta; malformed queries are 400', async ({ request }) => {
    const json = await request.get('/api/v1/lists/black?page=1');
    expect(json.status()).toBe(200);
    expect(json.headers()['content-type']).toContain('application/json');
    expect(json.headers()['access-control-allow-origin']).toBe('*');
    const body = (await json.json()) as { list: string; meta: { total: number; page: number; pageSize: number; pageCount: number }; items: (ApiEntry & { project: unknown })[] };
    expect(body.list).toBe('black');
    expect(body.meta).toMatchObject({ page: 1, pageSize: 20 });
    for (const e of body.items) {
      expect(e.company.uscc).toMatch(/^[0-9A-Z]{18}$/);
      expect(e.company.name).toBeTruthy();
      expect(e.reason).toBeTruthy();
      expect(e.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect('until' in e && 'project' in e && 'district' in e).toBe(true);
    }

    const csv = await request.get('/api/v1/lists/black?format=csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['access-control-allow-origin']).toBe('*');
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    // Columns are only ever added at the end (issue 16: rule.citation, underObjection).
    expect(lines[0]).toBe('id,company.uscc,company.name,district.code,district.name,reason,rule.id,rule.label,rule.article,since,until,status,project.id,project.name,rule.citation,underObjection');
    expect(lines.length - 1).toBe(body.items.length);
    expect(lines[1]!.startsWith(`${body.items[0]!.id},${body.items[0]!.company.uscc},`)).toBe(true);

    const district = body.items[0]!.district!.code;
    const byDistrict = (await (await request.get(`/api/v1/lists/black?district=${district}`)).json()) as { items: ApiEntry[] };
    expect(byDistrict.items.every((e) => e.district?.code === district)).toBe(true);

    for (const bad of ['page=0', 'district=abc', 'period=2026Q5', 'format=xml']) {
      const r = await request.get(`/api/v1/lists/black?${bad}`);
      expect(r.status(), bad).toBe(400);
      expect(r.headers()['access-control-allow-origin']).toBe('*');
      expect(((await r.json()) as { error: { message: string } }).error.message).toBe('查询参数有误');
    }
  });

  test('company JSON: grade, score, list status, eligibility on a date; bad date 400, unknown code 404', async ({ request }) => {
    const black = (await (await request.get('/api/v1/lists/black')).json()) as { items: ApiEntry[] };
    const e = black.items[0]!;
    const r = await request.get(`/api/v1/companies/${e.company.uscc}`);
    expect(r.status()).toBe(200);
    expect(r.headers()['access-control-allow-origin']).toBe('*');
    const c = (await r.json()) as Record<string, unknown> & { company: { uscc: string }; listEntries: { id: string }[]; reasons: string[] };
    expect(c.company.uscc).toBe(e.company.uscc);
    expect(c).toHaveProperty('grade');
    expect(c).toHaveProperty('score');
    expect(c).toHaveProperty('evaluationYear');
    expect(c.listStatus).toBe('black');
    expect(c.eligibleForTender).toBe(false);
    expect(c.reasons).toContain('当日在黑榜');
    expect(c.listEntries.map((x) => x.id)).toContain(e.id);

    const bad = await request.get(`/api/v1/companies/${e.company.uscc}?on=2026-02-30`);
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/日期/);
    const unknown = await request.get('/api/v1/companies/91510900000000000X');
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()['content-type']).toContain('application/json');
  });

  test('the Atom feed is well-formed with stable ids and links to company profiles', async ({ request, page }) => {
    const r = await request.get('/feeds/lists.xml');
    expect(r.status()).toBe(200);
    expect(r.headers()['content-type']).toContain('application/atom+xml');
    const xml = await r.text();
    const again = await (await request.get('/feeds/lists.xml')).text();
    expect(again).toBe(xml);
    await page.goto('/');
    const parsed = await page.evaluate((src) => {
      const doc = new DOMParser().parseFromString(src, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length) return null;
      const ns = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
      return {
        root: doc.documentElement.localName,
        id: doc.documentElement.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
        updated: doc.documentElement.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
        entries: entries.map((e) => ({
          id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent ?? '',
          updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent ?? '',
          link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
          title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent ?? '',
        })),
      };
    }, xml);
    expect(parsed).not.toBeNull();
    expect(parsed!.root).toBe('feed');
    expect(parsed!.id).toBeTruthy();
    expect(parsed!.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(parsed!.entries.length).toBeGreaterThan(0);
    expect(new Set(parsed!.entries.map((e) => e.id)).size).toBe(parsed!.entries.length);
    for (const e of parsed!.entries) {
      expect(e.id).toMatch(/^urn:suining-credit:list-(event|expiry):[0-9a-f-]{36}$/);
      expect(e.link).toMatch(/\/companies\/[0-9A-Z]{18}$/);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });
});

test('/open-data documents the open data, reachable from every public page', async ({ page, request }) => {
  await page.goto('/lists/red');
  await page.getByRole('contentinfo').getByRole('link', { name: '开放数据' }).click();
  await expect(page).toHaveURL(/\/open-data$/);
  await expect(page.getByRole('heading', { level: 1, name: '开放数据' })).toBeVisible();
  for (const path of ['GET /api/v1/lists/red · GET /api/v1/lists/black', 'GET /feeds/lists.xml', 'GET /api/v1/companies/{统一社会信用代码}?on=YYYY-MM-DD']) {
    await expect(page.getByRole('heading', { level: 3, name: path })).toBeVisible();
  }
  await expectNoAxeViolations(page);
  // Rendered per request so that its scripts carry the request's CSP nonce (docs/decisions/018-security-headers.md).
  const res = await request.get('/open-data');
  expect(res.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
});
