/**
 * Issue 13 on a built server: security headers (finding 9, decision 015), no CSP violation in the browser and
 * client JavaScript still running; bad input never answers 500 (finding 11); query-string messages are never
 * shown as text (finding 12).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectSignedInAs, signIn } from './helpers';

/** Collects what the browser says about the Content-Security-Policy while a page loads and runs. */
function cspWatch(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => {
    if (/Content Security Policy/i.test(e.message)) violations.push(`${page.url()}: ${e.message}`);
  });
  return violations;
}

function directives(csp: string | undefined) {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
}

/** Waits until the App Router has hydrated the page (a client component's effect has run). */
async function hydrated(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f))).toBe(true);
}

test('every page carries a nonce policy without unsafe-inline, cached lists included; API and feeds their fixed one', async ({ request }) => {
  const nonces = new Set<string>();
  const pageNonce = async (path: string) => {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    const h = res.headers();
    const d = directives(h['content-security-policy']);
    const script = d.get('script-src') ?? [];
    expect(script, path).toContain("'strict-dynamic'");
    expect(script, path).not.toContain("'unsafe-inline'");
    const nonce = script.find((s) => s.startsWith("'nonce-"));
    expect(nonce, path).toBeTruthy();
    // Next.js put that nonce on its own scripts (a kept page keeps the nonce it was rendered with, header and HTML).
    expect(await res.text(), path).toContain(`nonce="${nonce!.slice(7, -1)}"`);
    for (const [k, v] of [['frame-ancestors', "'none'"], ['object-src', "'none'"], ['base-uri', "'self'"], ['form-action', "'self'"]]) {
      expect(d.get(k), `${path} ${k}`).toEqual([v]);
    }
    expect(h['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    // Served over plain HTTP here: no HSTS (it would pin localhost).
    expect(h['strict-transport-security'], path).toBeUndefined();
    return { nonce: nonce!, cache: h['x-page-cache'] };
  };
  for (const path of ['/', '/companies', '/projects', '/search?q=花园', '/login', '/lists/red?q=物业', '/lists/black']) nonces.add((await pageNonce(path)).nonce);
  expect(nonces.size).toBe(7);
  // A page that is never cached (sign-in) gets a fresh nonce on every request.
  expect((await pageNonce('/login')).nonce).not.toBe((await pageNonce('/login')).nonce);
  // A cached list is served with the nonce it was rendered with, in its header and its HTML alike.
  const first = await pageNonce('/lists/black?district=510903');
  const again = await pageNonce('/lists/black?district=510903');
  expect(again.cache).toBe('hit');
  expect(again.nonce).toBe(first.nonce);

  for (const path of ['/api/v1/lists/red', '/feeds/lists.xml']) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()['content-security-policy'], path).toContain("default-src 'none'");
  }
});

test('a page that matches no route carries the nonce too: its scripts run', async ({ page }) => {
  const violations = cspWatch(page);
  const res = await page.goto('/no-such-page-here');
  expect(res?.status()).toBe(404);
  const script = directives(res!.headers()['content-security-policy']).get('script-src') ?? [];
  expect(script.some((s) => s.startsWith("'nonce-"))).toBe(true);
  await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('no CSP violation on the main public pages; client JavaScript runs', async ({ page }) => {
  const violations = cspWatch(page);
  for (const path of ['/', '/lists/red', '/lists/black', '/companies', '/projects', '/search?q=花园', '/open-data', '/login']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await hydrated(page);
  }
  // A company profile and an estate page, reached by their links.
  await page.goto('/companies');
  await page.locator('main a[href^="/companies/"]').first().click();
  await expect(page).toHaveURL(/\/companies\/[0-9A-Z]{18}$/);
  await hydrated(page);
  await page.goto('/projects');
  await page.locator('main a[href^="/projects/"]').first().click();
  await expect(page).toHaveURL(/\/projects\/[^/?]+$/);
  await hydrated(page);
  expect(violations).toEqual([]);
});

test('signed in: no CSP violation, and a react-hook-form form works', async ({ page }) => {
  const violations = cspWatch(page);
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.goto('/company/staff/new');
  await hydrated(page);
  // Adding a certificate is client-side only (useFieldArray): it needs the page's scripts to run.
  await page.getByRole('button', { name: '增加一项证书' }).click();
  await expect(page.getByLabel('证书 1 · 证书名称')).toBeVisible();
  // Client validation from the zod schema, before anything is sent.
  await page.getByRole('button', { name: '提交登记' }).click();
  await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('bad percent-encoding and control characters never answer 500 (finding 11)', async ({ request }) => {
  const paths = [
    '/verify/%E0%A4%A',
    '/verify/%00',
    '/objections/%E0%A4%A',
    '/companies/%ZZ',
    '/companies/%E0%A4%A',
    '/api/v1/companies/%ZZ',
    '/api/v1/companies/%E0%A4%A',
    '/api/v1/companies/%00',
    '/projects/%ZZ',
    '/projects/%E0%A4%A/staff/%ZZ',
    '/projects/00000000-0000-0000-0000-000000000000/staff/%ZZ',
    '/projects/%ZZ/staff/%ZZ/photo',
    '/projects/%ZZ/poster',
    '/lists/%ZZ',
    '/lists/red/%ZZ',
    '/api/v1/lists/%ZZ',
    '/api/v1/lists/red/%ZZ',
    '/feeds/lists/%ZZ',
    '/attachments/%ZZ',
    '/companies?q=%00',
    '/companies?q=%E0%A4%A',
    '/projects?q=%00',
    '/projects?q=a%00b&page=%00',
    '/search?q=%00',
    '/search?q=%E0%A4%A',
    '/lists/red?q=%00',
    '/lists/black?q=%E0%A4%A',
    '/lists/red?district=%00',
    '/api/v1/lists/red?q=%00',
    '/api/v1/lists/black?q=%E0%A4%A',
    '/api/v1/companies/91510900MA62000000?on=%00',
    '/verify?code=%00',
    '/objections?code=%00',
    '/login?next=%00',
    '/company?x=%E0%A4%A',
  ];
  const failures: string[] = [];
  for (const path of paths) {
    const res = await request.get(path, { maxRedirects: 0 });
    if (res.status() >= 500) failures.push(`${path} → ${res.status()}`);
  }
  expect(failures).toEqual([]);
});

test('a URL over 8 KB is refused 414; any shorter one is answered with headers a client can read', async ({ request }) => {
  // Next.js echoes the URL in the Location of an RSC request's redirect: a 16 KB URL made that header too large for
  // the 16 KB a Node.js or browser client accepts (found by the fuzz run), so the server refuses long URLs first.
  const thing = '%E7%89%A9';
  const long = `/verify/x?next=${thing.repeat(Math.ceil(8300 / thing.length))}`;
  const refused = await request.get(long, { maxRedirects: 0, headers: { RSC: '1' } });
  expect(refused.status()).toBe(414);
  expect(await refused.text()).toContain('请求地址过长');
  const fits = `/verify/x?next=${thing.repeat(Math.floor(8000 / thing.length))}`;
  const answered = await request.get(fits, { maxRedirects: 0, headers: { RSC: '1' } });
  expect(answered.status()).toBeLessThan(500);
});

test('a bureau page never shows text from its query string (finding 12)', async ({ page }) => {
  const injected = '系统升级请拨打四零零热线缴费';
  await signIn(page, 'city');
  await expectSignedInAs(page, '/bureau');
  for (const path of [
    `/bureau?publishError=${encodeURIComponent(injected)}`,
    `/bureau/credit?publishError=${encodeURIComponent(injected)}`,
    `/bureau/filings?decided=${encodeURIComponent(injected)}`,
    `/bureau/staff?decided=${encodeURIComponent(injected)}`,
    `/bureau/records?decided=${encodeURIComponent(injected)}`,
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // What the page shows (the RSC payload carries the URL's query as data, which is not shown).
    expect(await page.locator('body').innerText(), path).not.toContain(injected);
  }
  await page.goto(`/bureau/credit?publishError=${encodeURIComponent(injected)}`);
  await expect(page.getByRole('alert').filter({ hasText: '发布未完成，请刷新后再试。' })).toBeVisible();
});
