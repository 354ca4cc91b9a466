import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  assertAccessible,
  chooseOption,
  e2e,
  launchBrowser,
  screenshot,
  uniqueChineseName,
} from './helpers.ts';

/**
 * The first journey of a liaison office: the system administrator signs in, opens 委员, adds a member,
 * finds the new member by name, and the list also works on a phone.
 */
describe('委员名录：登录、新增委员、按姓名查找', { timeout: 180_000 }, () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;
  const name = uniqueChineseName();

  before(async () => {
    assert.ok(e2e.adminPassword, 'E2E_ADMIN_PASSWORD must be set to the demo password');
    ({ context, close } = await launchBrowser());
    page = context.pages()[0] ?? (await context.newPage());
  });

  after(async () => {
    await close?.();
  });

  it('sign-in page is in Chinese, accessible, and signs the administrator in', async () => {
    await page.goto(`${e2e.baseUrl}/`);
    // Not signed in: the app sends the browser to the sign-in page.
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: '同心 · 政协履职平台' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    await assertAccessible(page, 'sign-in page');

    await page.getByLabel('用户名').fill(e2e.adminUser);
    await page.getByLabel('密码').fill('wrong-password-1A!');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await page.getByLabel('密码').fill(e2e.adminPassword);
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
    await page.getByText('系统管理员').first().waitFor();
  });

  it('lists members with filters, and the list is accessible', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '委员', exact: true })
      .click();
    await page.waitForURL('**/org/members');
    await page.getByRole('heading', { level: 1, name: '委员' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    for (const filter of ['界别', '参加单位', '专委会', '状态', '常委']) {
      assert.equal(
        await page.getByRole('combobox', { name: filter, exact: true }).count(),
        1,
        `filter ${filter}`,
      );
    }
    assert.match((await page.locator('.ant-pagination-total-text').textContent()) ?? '', /共 \d+ 条/);
    await assertAccessible(page, 'members list');
  });

  it('adds a member through the form', async () => {
    await page.getByRole('button', { name: /新\s?增/ }).click();
    const drawer = page.getByRole('dialog', { name: '新增委员' });
    await drawer.waitFor();

    await drawer.getByLabel('姓名', { exact: true }).fill(name);
    await chooseOption(page, drawer.getByLabel('性别', { exact: true }), /^男$/);
    await chooseOption(page, drawer.getByLabel('政治面貌', { exact: true }), '九三学社社员');
    await chooseOption(page, drawer.getByLabel('界别', { exact: true }), '九三学社');
    await drawer.getByLabel('工作单位', { exact: true }).fill('同心市第一人民医院');
    await drawer.getByLabel('职务', { exact: true }).fill('心内科主任医师');
    await drawer.getByLabel('手机号码', { exact: true }).fill('13912345678');

    await drawer.getByRole('button', { name: /保\s?存/ }).click();
    try {
      await page.getByText(`已新增“${name}”`).waitFor();
    } catch (e) {
      // This step has timed out in a few full CI runs and never alone: keep what the page showed.
      await screenshot(page, 'members-add-failed.png');
      const errors = [
        ...(await drawer.locator('.ant-form-item-explain-error, .ant-alert').allTextContents()),
        ...(await page.locator('.ant-message').allTextContents()),
      ];
      throw new Error(
        `no confirmation after saving ${name}; the form shows: ${errors.join(' | ') || '(nothing)'}`,
        {
          cause: e,
        },
      );
    }
    await drawer.waitFor({ state: 'hidden' });
  });

  it('finds the new member by name', async () => {
    const search = page.getByRole('searchbox', { name: '搜索姓名、工作单位或职务' });
    await search.fill(name);
    await search.press('Enter');
    await page.waitForURL(/q=/);
    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    assert.equal(await page.locator('.ant-table-row').count(), 1, 'only the new member matches');
    const text = (await row.textContent()) ?? '';
    assert.match(text, /男/);
    assert.match(text, /九三学社/);
    assert.match(text, /同心市第一人民医院/);
    assert.match(text, /在任/);
    await screenshot(page, 'members-search.png');

    // The details drawer shows what was entered.
    await row.getByRole('button', { name, exact: true }).click();
    const detail = page.getByRole('dialog', { name });
    await detail.waitFor();
    assert.match((await detail.textContent()) ?? '', /九三学社社员/);
    await detail.getByRole('button', { name: /关闭|Close/ }).click();
  });

  it('shows the member list as cards on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${e2e.baseUrl}/org/members`);
    await page.getByRole('heading', { level: 1, name: '委员' }).waitFor();
    await page.locator('.card-list .ant-card').first().waitFor();
    assert.equal(await page.locator('.ant-table-row').count(), 0, 'no wide table on a phone');
    await page.getByRole('button', { name: '打开导航菜单' }).waitFor();
    const firstCard = (await page.locator('.card-list .ant-card').first().textContent()) ?? '';
    assert.match(firstCard, /界别/);
    // What a member sees on the first screen of a phone.
    await screenshot(page, 'members-phone.png', false);
    await page.setViewportSize({ width: 1366, height: 860 });
  });
});
