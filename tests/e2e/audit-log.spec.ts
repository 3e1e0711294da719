import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { daysAgo, expectNoSidewaysScroll, signedIn } from './helpers';

/**
 * The readable audit log (issue 18 item 5) and the list exports (item 6): the city exports a list, finds that
 * export in the audit log by action and date, follows the link to the list, and downloads the filtered log as
 * Excel. Audit times are the server's real clock, so the date filter uses today in China (helpers.daysAgo).
 */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function rowsOf(download: import('@playwright/test').Download) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await download.path())!);
  return wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
}

test('the city filters the audit log by action and date, follows a link to the object and downloads the filtered log', async ({ browser }) => {
  const page = await signedIn(browser, 'city', '/bureau');
  const today = daysAgo(0);

  // An export of a bureau list: a file with the list's filters, and an audit row.
  await page.goto('/bureau/filings?status=all');
  const listExport = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const filings = await rowsOf(await listExport);
  expect(filings[0]).toEqual(['企业', '统一社会信用代码', '类型', '区县', '提交时间', '已等待（天）', '绿色通道', '状态']);

  await page.goto('/bureau/audit');
  await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
  await expectNoAxeViolations(page);
  const filters = page.getByRole('search', { name: '筛选审计记录' });
  await filters.getByLabel('操作', { exact: true }).selectOption({ label: '导出列表（Excel）' });
  await filters.getByLabel('起始日期').fill(today);
  await filters.getByLabel('截止日期').fill(today);
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`action=list.exported.*from=${today}.*to=${today}`));

  const rows = page.locator('table.lk-table tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.getByRole('rowheader')).toHaveText('导出列表（Excel）');
  // The change reads as fields, not JSON; the link goes to the list that was exported.
  await expect(rows.first()).toContainText('列表：企业备案与信息变更审核');
  await expect(rows.first()).not.toContainText('{"');
  const exportRows = await rows.count();

  // The filtered log as Excel: the same rows, one audit row more for the export itself.
  const auditExport = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const sheet = await rowsOf(await auditExport);
  expect(sheet[0]).toEqual(['序号', '时间', '操作人', '角色', '操作', '对象类型', '对象编号', '变更内容', '来源地址']);
  expect(sheet.slice(1)).toHaveLength(exportRows);
  for (const r of sheet.slice(1)) expect([r[2], r[4], r[6]]).toEqual(['city', '导出列表（Excel）', '/bureau/filings']);

  await rows.first().getByRole('link', { name: '列表', exact: true }).click();
  await expect(page).toHaveURL(/\/bureau\/filings$/);
  await expect(page.getByRole('heading', { level: 1, name: '企业备案与信息变更审核' })).toBeVisible();

  await page.goto(`/bureau/audit?action=audit.exported&from=${today}`);
  await expect(page.locator('table.lk-table tbody tr').first().getByRole('rowheader')).toHaveText('导出审计日志（Excel）');
  await expect(page.locator('table.lk-table tbody tr').first()).toContainText('操作：list.exported');
});

test('the audit log at 390 px: cards, no sideways scroll, axe clean', async ({ browser }) => {
  const page = await signedIn(browser, 'city', '/bureau', { width: 390, height: 844 });
  await page.goto('/bureau/audit');
  await expect(page.locator('table.lk-table tbody tr').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
});
