/**
 * Issue 16 items 5 and 6 as an owner meets them: /stats with its charts, data tables and downloads; the lay
 * summary on a black-listed company's profile; the estate page that says its company is on the black list because
 * of this estate. Without JavaScript, on a 390 px phone without sideways scrolling, and clean under axe.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSidewaysScroll } from './helpers';

const PHONE = { width: 390, height: 844 };

interface ApiEntry {
  company: { uscc: string; name: string };
  rule: { id: string; article: string; citation: string };
  reason: string;
  project: { id: string; name: string } | null;
  underObjection: boolean;
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A phone without JavaScript: what an owner with a basic browser (or a crawler) gets. */
async function phoneWithoutJs(browser: Browser) {
  return (await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })).newPage();
}

test('/stats: charts as images with names, a data table under each, downloads; no JS, 390 px, axe', async ({ browser, page, request }) => {
  const phone = await phoneWithoutJs(browser);
  await phone.goto('/stats');
  await expect(phone.getByRole('heading', { level: 1, name: '统计数据' })).toBeVisible();
  for (const name of ['企业信用等级分布（家）', '今日在榜条目，按区县（条）', '每月新列入红黑榜的条目（条）', '各季度小区评定结果（个）', '已登记从业人员的小区占比，按区县（%）']) {
    await expect(phone.getByRole('img', { name: new RegExp(name.replace(/[()（）%]/g, '.')) })).toBeVisible();
  }
  // The data behind a chart opens without JavaScript (<details>) and reads as cards at 390 px.
  const grades = phone.getByRole('region', { name: '企业信用等级分布' });
  await grades.getByText('查看数据表').click();
  await expect(grades.getByRole('table', { name: '企业信用等级分布（家）' })).toBeVisible();
  await expect(grades.getByRole('rowheader', { name: 'A 级' })).toBeVisible();
  await expect(phone.getByRole('region', { name: '投诉与异议办理用时' })).toContainText('投诉：');
  await expectNoSidewaysScroll(phone);

  const json = (await (await request.get('/api/v1/stats')).json()) as { grades: { grade: string; companies: number }[]; handling: { kind: string }[] };
  expect(json.grades.map((g) => g.grade)).toEqual(['A', 'B', 'C', 'D', 'none']);
  expect(json.handling.map((h) => h.kind)).toEqual(['complaint', 'objection']);
  const csv = await request.get('/api/v1/stats?format=csv');
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('table,category,measure,value');
  expect((await request.get('/api/v1/stats?format=xml')).status()).toBe(400);
  expect(await (await request.get('/sitemap.xml')).text()).toContain('/stats</loc>');

  await page.goto('/stats');
  await expectNoAxeViolations(page);
});

test('a black-listed company: status first, the grade with its legend, the score explained; its estate says why', async ({ browser, page, request }) => {
  const black = (await (await request.get('/api/v1/lists/black')).json()) as { items: ApiEntry[] };
  const listed = black.items[0]!;
  const phone = await phoneWithoutJs(browser);
  await phone.goto(`/companies/${listed.company.uscc}`);
  const summary = phone.getByRole('region', { name: '信用概况' });
  await expect(summary).toContainText('在黑榜');
  await expect(summary).toContainText('A 级：95 分及以上');
  await expect(summary).toContainText(/基础分 100 分/);
  await expect(summary.getByRole('heading', { name: '信用等级和当前信用分有什么不同？' })).toBeVisible();
  // The reason once in the list history; the rule by the regulation's name, never "DW 第…".
  const history = phone.getByRole('region', { name: '红黑榜记录' });
  await expect(history).toContainText(listed.rule.citation);
  await expect(history).not.toContainText('DW 第');
  await expect(history).toContainText(listed.reason);
  for (const events of await history.getByRole('list', { name: '变动记录' }).all()) await expect(events).not.toContainText(listed.reason);
  await expectNoSidewaysScroll(phone);
  await page.goto(`/companies/${listed.company.uscc}`);
  await expectNoAxeViolations(page);

  // An estate whose company is on the black list because of it (three 差 in a row).
  const here = black.items.filter((e) => e.project && e.rule.id === 'DW14-three-poor');
  expect(here.length).toBeGreaterThan(0);
  let shown = 0;
  for (const e of here) {
    await phone.goto(`/projects/${e.project!.id}`);
    const company = phone.getByRole('region', { name: '物业服务企业' });
    if ((await company.getByRole('link', { name: e.company.name, exact: true }).count()) === 0) continue; // served by another company now
    await expect(company).toContainText('在黑榜');
    await expect(company).toContainText('该企业因本小区被列入黑榜');
    await expect(company).toContainText(e.rule.citation);
    await expectNoSidewaysScroll(phone);
    shown++;
    await page.goto(`/projects/${e.project!.id}`);
    await expectNoAxeViolations(page);
    break;
  }
  expect(shown).toBe(1);
});
