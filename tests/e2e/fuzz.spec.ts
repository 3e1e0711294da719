import { expect, test } from '@playwright/test';
import { describeCase, discoverForms, discoverSamples, formDataOf, fuzzClientAddress, routeTemplates, runCases, sampleCases, type GetText } from '../fuzz/surface';

/**
 * The CI-sized fuzz run (issue 13): about 2,000 seeded inputs over every GET endpoint listed from app/ and every
 * form the public pages render (tests/fuzz/surface.ts), sent anonymously to the production server. No answer may
 * be 500 or above, and the server must answer every one. `npm run fuzz` runs the same generators at ≥ 100,000.
 */
const SEED = 20_261_202;
const CASES = 2_000;

test('no fuzzed request to a public endpoint or an anonymous form gets a server error', async ({ request }) => {
  test.setTimeout(6 * 60_000);
  const get: GetText = async (p) => {
    const res = await request.get(p, { timeout: 120_000 });
    return { status: res.status(), text: await res.text() };
  };
  const samples = await discoverSamples(get);
  const forms = await discoverForms(get, samples.formPages);
  const templates = routeTemplates();

  // The inventory is the code's and the pages': a public page, an API route, a feed and the action forms are all in.
  const listed = templates.map((t) => t.template);
  for (const t of ['/companies/[uscc]', '/projects/[id]/staff/[practitionerId]', '/verify/[code]', '/objections/[code]', '/api/v1/lists/[list]', '/feeds/lists.xml', '/sitemap.xml']) {
    expect(listed).toContain(t);
  }
  const actionForms = forms.filter((f) => f.actionId);
  expect(actionForms.map((f) => f.action.split('?')[0]).sort()).toEqual(expect.arrayContaining(['/login', '/objections/new', '/statements/new']));
  expect(actionForms.length).toBeGreaterThanOrEqual(5);
  expect(forms.some((f) => f.method === 'get' && f.action.startsWith('/verify'))).toBe(true);
  expect(samples.values.uscc?.length).toBeGreaterThan(0);
  expect(samples.values.practitionerId?.length).toBeGreaterThan(0);

  const cases = sampleCases({ templates, forms, samples }, CASES, SEED);
  const result = await runCases(
    cases,
    async (c, i) => {
      const res = await request.fetch(c.url, {
        method: c.method,
        // Each case from its own documentation address: per-client limits see many clients, never this test's.
        headers: { ...c.headers, 'X-Forwarded-For': fuzzClientAddress(i) },
        multipart: formDataOf(c),
        maxRedirects: 0,
        timeout: 60_000,
      });
      await res.body().catch(() => undefined);
      return res.status();
    },
    6,
  );
  const statuses = [...result.byStatus.entries()].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}×${n}`);
  test.info().annotations.push({
    type: 'fuzz',
    description: `${result.count} inputs in ${(result.ms / 1000).toFixed(1)} s (${Math.round(result.count / (result.ms / 1000))} req/s), ${templates.length} GET templates, ${forms.length} forms; ${statuses.join(' ')}`,
  });
  expect(result.count).toBe(CASES);
  // Both kinds of input were sent: posts to the action forms and the GETs.
  expect(cases.filter((c) => c.method === 'POST').length).toBeGreaterThan(200);
  expect(result.failures, `${result.failures.length} failing inputs:\n${result.failures.slice(0, 60).join('\n')}`).toEqual([]);
});

test('the report names a failing input fully enough to replay it', () => {
  const line = describeCase({ method: 'POST', url: '/objections/new', headers: { 'Next-Action': 'abc' }, multipart: [['name', 'a\u0000b']], label: '' }, 500);
  expect(line).toBe('500 POST /objections/new {"Next-Action":"abc"} body: name="a\\u0000b"');
});
