import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../lib/domain/id-number';
import { expectSignedInAs, signIn } from './helpers';

const idOf = (first17: string) => first17 + idCheckChar(first17);

async function loadWorkbook(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as never);
  return wb;
}

test('a company downloads the roster template, uploads two people with one bad row and sees the row-by-row report', async ({ page }) => {
  await signIn(page, 'company');
  await expectSignedInAs(page, '/company');
  await page.getByRole('link', { name: '名册导入' }).click();
  await expect(page.getByRole('heading', { name: '从业人员信息名册导入' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '信息采集的目的和用途' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载名册模板（.xlsx）' }).click();
  const template = await loadWorkbook((await (await downloading).path())!);
  const ws = template.getWorksheet('信息名册')!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  expect(headers.slice(0, 3)).toEqual(['姓名', '证件照', '民族']);
  expect(headers).toEqual(expect.arrayContaining(['身份证号码', '服务项目', '岗位类别', '资格证书', '劳动合同签订日期']));
  const estate = String(template.getWorksheet('选项')!.getCell('E1').value);
  expect(estate.length).toBeGreaterThan(0);

  // Fill the downloaded template as an operator would: one good row, one with a short mobile number.
  const contract = new Date(Date.now() - 3 * 86400000).toISOString().slice(0, 10);
  const seq = String(Math.floor(Math.random() * 900) + 100);
  // Values placed by the template's own headers.
  const row = (over: Record<string, string>) =>
    headers.map(
      (h) =>
        ({
          姓名: '名册甲',
          民族: '汉族',
          籍贯: '四川遂宁',
          政治面貌: '群众',
          入职时间: contract,
          劳动合同签订日期: contract,
          学历: '高中',
          手机号码: '13912340001',
          身份证号码: idOf(`51090319860214${seq}`),
          服务项目: estate,
          岗位类别: '安保人员',
          资格证书: '保安员证|BA2026001|遂宁市公安局|',
          ...over,
        })[h] ?? null,
    );
  ws.addRow(row({}));
  ws.addRow(row({ 姓名: '名册乙', 手机号码: '1391234', 身份证号码: idOf(`51090319870315${seq}`) }));
  const bytes = Buffer.from(await template.xlsx.writeBuffer());

  await page.getByLabel('名册文件（.xlsx）').setInputFiles({ name: '名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
  // The confirmation that every person was told is required (SN 5).
  await page.getByRole('button', { name: '上传并登记' }).click();
  // At the field and in the error summary.
  await expect(page.getByText('请确认已向名册中每一位人员告知信息采集的目的和用途')).toHaveCount(2);
  await page.getByLabel(/我已向名册中的每一位人员告知/).check();
  await page.getByRole('button', { name: '上传并登记' }).click();

  await expect(page.getByRole('status')).toContainText('共 2 行：接受 1 行，未接受 1 行；1 人待补证件照');
  const rejected = page.getByRole('table', { name: /未接受的行/ });
  await expect(rejected.getByRole('row', { name: /第 3 行/ })).toContainText('名册乙');
  await expect(rejected.getByRole('row', { name: /第 3 行/ })).toContainText('手机号码：请填写 11 位手机号码');
  const accepted = page.getByRole('table', { name: '已接受的行' });
  const first = accepted.getByRole('row', { name: /第 2 行/ });
  await expect(first).toContainText('名册甲');
  await expect(first).toContainText(estate);
  await expect(first).toContainText('待补证件照');
  await expect(first).toContainText(/5109\*{10}\d{3}[\dX]/);
});

test('chuanshan sees the roster completeness of its estates and downloads an estate roster', async ({ page }) => {
  await signIn(page, 'chuanshan');
  await expectSignedInAs(page, '/bureau');
  await page.getByRole('link', { name: '名册完整性' }).click();
  await expect(page.getByRole('heading', { name: '从业人员名册完整性' })).toBeVisible();
  await expect(page.getByLabel('区县')).toHaveCount(0); // a district sees its own district only

  const rows = page.getByRole('table', { name: '各小区从业人员名册完整性' }).getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  // Worst first: the first estate is not 完整 unless every estate is.
  await page.getByLabel('完整性').selectOption('complete');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/status=complete/);
  const completeRow = rows.filter({ has: page.getByRole('rowheader') }).first();
  await expect(completeRow).toContainText('齐全');
  const estate = (await completeRow.getByRole('rowheader').textContent())!.trim();

  const downloading = page.waitForEvent('download');
  await completeRow.getByRole('link', { name: /导出/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toContain(estate);
  const wb = await loadWorkbook((await download.path())!);
  const ws = wb.getWorksheet('信息名册')!;
  const exported = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  expect(exported.slice(0, 4)).toEqual(['序号', '姓名', '性别', '出生年月（岁）']);
  expect(exported.slice(-5)).toEqual(['资格证书', '奖励情况', '惩处情况', '信用信息', '信息变更审核人']);
  expect(ws.rowCount).toBeGreaterThan(1);
  const idColumn = exported.indexOf('身份证号码') + 1;
  for (let r = 2; r <= ws.rowCount; r++) expect(String(ws.getCell(r, idColumn).value)).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
});
