import { execFileSync } from 'node:child_process';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

interface Rec {
  id: string;
  type: string;
  points: number;
  companyName: string;
  companyUscc: string;
}

/** The records as the server seeded them (see record-objections-dump.ts). */
function records(): { published: Rec; own: Rec } {
  const root = process.cwd();
  const out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'tests/e2e/record-objections-dump.ts')], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const re = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const pdf = (name: string, text: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF`) });

test('anyone objects to a published warning record with evidence (no JavaScript); the district corrects it and the correction is published', async ({ browser, page }) => {
  const { published: rec } = records();
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const anon = await ctx.newPage();

  await page.goto(`/objections/new?record=${rec.id}`);
  await expectNoAxeViolations(page);
  await anon.goto(`/objections/new?record=${rec.id}`);
  await expect(anon.getByRole('heading', { level: 1 })).toHaveText('对公开信息提出异议');
  const record = anon.getByRole('region', { name: '异议的信用记录' });
  await expect(record).toContainText(rec.companyName);
  await expect(record).toContainText(rec.type);
  await expect(record).not.toContainText('异议处理中');

  // Written evidence is required.
  await anon.getByLabel('姓名或单位名称').fill('王五');
  await anon.getByLabel('联系电话').fill('0825-2221234');
  await anon.getByLabel('哪些内容有误，理由是什么').fill('该小区公共收益已单独建账，附 2026 年公共收益账目');
  await anon.getByRole('button', { name: '提交异议' }).click();
  // At the field and in the error summary.
  await expect(anon.getByText('请上传书面证明材料')).toHaveCount(2);

  await anon.getByLabel('书面证明材料（必填）').setInputFiles(pdf('账目.pdf', 'public income ledger'));
  await anon.getByRole('button', { name: '提交异议' }).click();
  await expect(anon).toHaveURL(/\/objections\/[23456789A-HJKMNP-Z]{12}\?filed=1$/);
  const code = new URL(anon.url()).pathname.split('/').pop()!;
  await expect(anon.getByRole('status')).toContainText(code);
  await expect(anon.getByRole('region', { name: '异议信息' })).toContainText('企业信用记录');
  // Someone holding the code on paper finds the case at /objections (spaces, dashes and lower case are fine).
  await anon.goto('/objections');
  await anon.getByLabel('查询码').fill('ZZZZ');
  await anon.getByRole('button', { name: '查询' }).click();
  await expect(anon.getByText('查询码为 12 位字母和数字')).toBeVisible();
  await anon.getByLabel('查询码').fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`);
  await anon.getByRole('button', { name: '查询' }).click();
  await expect(anon).toHaveURL(new RegExp(`/objections/${code}$`));
  await page.goto('/objections');
  await expectNoAxeViolations(page);
  // 异议处理中 beside the record while the objection is open.
  await expect(anon.getByRole('region', { name: '异议的信用记录' })).toContainText('异议处理中');
  await expect(anon.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await page.goto(`/objections/${code}?filed=1`);
  await expectNoAxeViolations(page);

  // …and on the company's public credit profile, in the record's own row (SPEC §3.8: on every page that shows it).
  const publicRow = (p: Page) => p.locator('tr', { has: p.locator(`a[href="/objections/new?record=${rec.id}"]`) });
  await anon.goto(`/companies/${rec.companyUscc}`);
  await expect(publicRow(anon)).toContainText('异议处理中');
  await expect(anon.getByText('异议处理中')).toHaveCount(1);

  // A second objection on the same record while this one is open is refused.
  await anon.goto(`/objections/new?record=${rec.id}`);
  await expect(anon.getByRole('region', { name: '异议的信用记录' })).toContainText('异议处理中');
  await anon.getByLabel('姓名或单位名称').fill('赵六');
  await anon.getByLabel('联系电话').fill('13811112222');
  await anon.getByLabel('哪些内容有误，理由是什么').fill('同一事项，另附照片');
  await anon.getByLabel('书面证明材料（必填）').setInputFiles(pdf('照片.pdf', 'another file'));
  await anon.getByRole('button', { name: '提交异议' }).click();
  await expect(anon.getByRole('alert')).toContainText('该记录已有异议正在处理中');

  // The district of the estate verifies and corrects the points, publicly.
  await signIn(page, 'chuanshan');
  await expect(page).toHaveURL(/\/bureau$/);
  await page.getByRole('navigation').getByRole('link', { name: '信息异议' }).click();
  await page.getByLabel('异议类别').selectOption({ label: '企业信用记录' });
  await page.getByRole('button', { name: '筛选' }).click();
  await page.getByRole('row', { name: re(rec.type) }).getByRole('link', { name: rec.companyName }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('异议处理中');
  await expect(page.getByRole('link', { name: '证明材料-1.pdf' })).toBeVisible();
  await page.getByRole('button', { name: '开始核实' }).click();
  await expect(page.getByRole('status')).toContainText('核实中');
  const newPoints = rec.points > 1 ? rec.points - 1 : rec.points + 1;
  await page.getByLabel('分值').fill(String(newPoints));
  await page.getByLabel('更正理由（公开）').fill('经核查，该项目公共收益已单独建账，但公示不及时，扣分调整');
  await page.getByRole('button', { name: '确认更正' }).click();
  await expect(page.getByRole('status')).toContainText('记录已更正');
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('异议处理中');

  // The tracking page: the outcome and the published correction beside the record; no 异议处理中.
  await anon.goto(`/objections/${code}`);
  await expect(anon.getByRole('region', { name: '异议信息' })).toContainText('异议成立，记录已更正');
  const outcome = anon.getByRole('region', { name: '处理结果' });
  await expect(outcome).toContainText(`分值由“${rec.points}”更正为“${newPoints}”`);
  await expect(outcome).toContainText('经核查，该项目公共收益已单独建账，但公示不及时，扣分调整');
  const after = anon.getByRole('region', { name: '异议的信用记录' });
  await expect(after).not.toContainText('异议处理中');
  await expect(after).toContainText('更正（');
  // The public profile drops the badge and publishes the correction beside the record.
  await anon.goto(`/companies/${rec.companyUscc}`);
  await expect(publicRow(anon)).not.toContainText('异议处理中');
  await expect(publicRow(anon)).toContainText(`分值由“${rec.points}”更正为“${newPoints}”`);
  await ctx.close();
});

test('a company objects to its own record from its area; the district explains why it stands', async ({ browser }) => {
  const { own } = records();
  const companyCtx = await browser.newContext();
  const company = await companyCtx.newPage();
  await signIn(company, 'company');
  await expect(company).toHaveURL(/\/company$/);
  await company.goto('/company/objections');
  const table = company.getByRole('table', { name: '本企业已确认的信用记录' });
  await table.getByRole('link', { name: new RegExp(`提出异议\\s*：${re(own.type).source}`) }).click();
  await expect(company.getByRole('heading', { level: 1 })).toHaveText('对本企业信用记录提出异议');
  await expect(company.getByRole('region', { name: '异议的信用记录' })).toContainText(own.type);
  await company.getByLabel('异议内容：哪些内容有误，理由是什么').fill('该项目获评文件载明的分值应为更高档次，附文件');
  await company.getByLabel('书面证明材料（必填）').setInputFiles(pdf('文件.pdf', 'award letter'));
  await company.getByRole('button', { name: '提交异议' }).click();
  await expect(company.getByRole('status')).toContainText('异议已提交');
  const code = (await company.getByRole('status').locator('strong').textContent())!.trim();
  await expect(company.getByRole('table', { name: '本企业已确认的信用记录' }).getByRole('row', { name: re(own.type) })).toContainText('异议处理中');

  const bureauCtx = await browser.newContext();
  const bureau = await bureauCtx.newPage();
  await signIn(bureau, 'chuanshan');
  await expect(bureau).toHaveURL(/\/bureau$/);
  await bureau.goto('/bureau/objections?subject=credit_record');
  await bureau.getByRole('row', { name: re(own.type) }).getByRole('link', { name: own.companyName }).click();
  await bureau.getByLabel('理由（异议人可以看到）').fill('经核查，该奖项分值按现行政策确定，维持原记录');
  await bureau.getByRole('button', { name: '维持原记录并说明理由' }).click();
  await expect(bureau.getByRole('status')).toContainText('维持原记录');

  await company.goto(`/objections/${code}`);
  await expect(company.getByRole('region', { name: '处理结果' })).toContainText('经核查，该奖项分值按现行政策确定，维持原记录');
  await company.goto('/company/objections');
  await expect(company.getByRole('table', { name: '本企业已确认的信用记录' }).getByRole('row', { name: re(own.type) })).not.toContainText('异议处理中');
  await companyCtx.close();
  await bureauCtx.close();
});

test('the practitioner’s own-record objection and statement forms: accessible, and a wrong notice gets the neutral message', async ({ page }) => {
  for (const url of ['/objections/new?mode=own-record&notice=TZ-TEST-0001', '/objections/new?mode=own-record-lookup', '/statements/new']) {
    await page.goto(url);
    await expectNoAxeViolations(page);
  }
  await page.goto('/objections/new?mode=own-record&notice=TZ-TEST-0001');
  await expect(page.getByLabel('告知书编号')).toHaveValue('TZ-TEST-0001');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('身份证号码').fill('11010519491231002X');
  await page.getByLabel('哪些内容有误，理由是什么').fill('记录所述事件发生时本人不在岗');
  await page.getByLabel('书面证明材料（必填）').setInputFiles(pdf('排班表.pdf', 'shift roster'));
  await page.getByRole('button', { name: '提交异议' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '与平台记录不一致' })).toBeVisible();

  await page.goto('/statements/new?notice=TZ-TEST-0001');
  await page.getByLabel('姓名').fill('张三');
  await page.getByLabel('身份证号码').fill('11010519491231002X');
  await page.getByLabel('声明内容').fill('已整改完毕。');
  await page.getByRole('button', { name: '发表声明' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '与平台记录不一致' })).toBeVisible();
});
