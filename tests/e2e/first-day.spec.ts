import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { signIn, signedIn } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function regionFile(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('区划');
  ws.addRow(['区划代码', '名称', '层级', '上级区划代码']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test.describe.configure({ mode: 'serial' });

test('the city imports a small region file (a refused row first), then opens a district account that must change its password', async ({ browser }) => {
  const city = await signedIn(browser, 'city', '/bureau');
  await city.getByRole('link', { name: '区划与项目导入' }).click();

  // One bad row: the report names it and the confirmation is not offered.
  await city.getByLabel('区划文件（.xlsx）').setInputFiles({ name: '区划.xlsx', mimeType: XLSX, buffer: await regionFile([['510921901', '赤城新街道', '街道乡镇', '510999']]) });
  await city.getByRole('button', { name: '上传并逐行检查' }).first().click();
  await expect(city.getByText('上级区划代码：上级区划代码 510999 不在本表中，也未在平台登记')).toBeVisible();
  await expect(city.getByRole('button', { name: /确认导入/ })).toHaveCount(0);

  await city.getByLabel('区划文件（.xlsx）').setInputFiles({
    name: '区划.xlsx',
    mimeType: XLSX,
    buffer: await regionFile([
      ['510921901', '赤城新街道', '街道乡镇', '510921'],
      ['510921901001', '新桥社区', '社区', '510921901'],
    ]),
  });
  await city.getByRole('button', { name: '上传并逐行检查' }).first().click();
  await city.getByRole('button', { name: '确认导入（新增 2、更新 0）' }).click();
  await expect(city.getByText(/已导入区划：新增 2 个/)).toBeVisible();
  await city.reload();
  await expect(city.getByText('赤城新街道', { exact: false }).first()).toBeAttached();

  await city.getByRole('link', { name: '账号管理' }).click();
  // The role form's fields (the list's filters below have a 角色 too).
  await city.locator('#ra-role').selectOption('street');
  await city.locator('#ra-username').fill('chicheng-street');
  await city.locator('#ra-displayName').fill('赤城街道');
  await city.locator('#ra-regionId').selectOption('510921901');
  await city.getByRole('button', { name: '开设该角色账号' }).click();
  const temp = (await city.getByTestId('role-temporary-password').textContent())!.trim();
  expect(temp).toMatch(/^[A-Za-z0-9]{16}$/);

  const street = await (await browser.newContext()).newPage();
  await signIn(street, 'chicheng-street', temp);
  await expect(street).toHaveURL(/\/account\/password/);
});

test('a district reviewer cannot reach the city set-up pages', async ({ browser }) => {
  const district = await signedIn(browser, 'chuanshan', '/bureau');
  await expect(district.getByRole('link', { name: '区划与项目导入' })).toHaveCount(0);
  expect((await district.goto('/bureau/setup'))?.status()).toBe(404);
  expect((await district.goto('/bureau/accounts'))?.status()).toBe(404);
});
