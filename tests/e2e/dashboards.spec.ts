import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoSidewaysScroll, SCREENS, signedIn } from './helpers';

/**
 * Dashboards that are work queues (issue 18, item 4): a district's home lists each kind of pending work with a
 * link to its queue and due-today / overdue counts, and draws handling time and registry coverage by district;
 * a company's home opens with its to-do list. Axe-clean and usable at 390 px, without JavaScript too.
 */
for (const screen of SCREENS) {
  test(`the district's home is a work queue that leads to the work (${screen.name})`, async ({ browser }) => {
    const page = await signedIn(browser, 'chuanshan', '/bureau', screen.viewport);
    const queues = page.getByTestId('work-queues');
    await expect(page.getByRole('heading', { name: '待办工作' })).toBeVisible();
    for (const name of ['从业人员审核', '调出协调', '人员奖惩记录', '企业信用记录确认', '信息异议', '业主投诉与表扬']) {
      await expect(queues.getByRole('link', { name })).toBeVisible();
    }
    // The city alone approves company filings: a district is not shown that queue.
    await expect(queues.getByRole('link', { name: '企业备案审核' })).toHaveCount(0);
    await expect(page.getByRole('img', { name: /审核办理天数/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /名册覆盖/ })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
}

test('without JavaScript the queue links lead to the work', async ({ browser }) => {
  const page = await signedIn(browser, 'chuanshan', '/bureau', SCREENS[1].viewport, { javaScript: false });
  await page.getByTestId('work-queues').getByRole('link', { name: '从业人员审核' }).click();
  await expect(page).toHaveURL(/\/bureau\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.context().close();
});

test("the company's home opens with its to-do list", async ({ browser }) => {
  const page = await signedIn(browser, 'company', '/company', SCREENS[1].viewport);
  const todo = page.getByRole('region', { name: /待办事项/ });
  await expect(todo).toBeVisible();
  // The demo company has entries waiting for review and estates it serves: the list names what to do, or says so.
  await expect(todo.getByRole('listitem').first().or(todo.getByText('目前没有待办事项。'))).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  await page.context().close();
});
