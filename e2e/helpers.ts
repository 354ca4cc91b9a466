import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/** Where the app under test runs and who signs in; the test runner sets these. */
export const e2e = {
  baseUrl: (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3456').replace(/\/$/, ''),
  adminUser: process.env.E2E_ADMIN_USER ?? 'admin',
  adminPassword: process.env.E2E_ADMIN_PASSWORD ?? '',
  artifacts: process.env.E2E_ARTIFACTS ?? path.join(os.tmpdir(), 'tongxin-e2e-artifacts'),
};

/** Debian's Chromium in a throwaway profile: no downloads, no sync, nothing shared between runs. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(e2e.artifacts, { recursive: true });
  const file = path.join(e2e.artifacts, name);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Fails on any accessibility violation axe rates serious or critical, listing what and where. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  assert.equal(bad.length, 0, `${where} has accessibility violations:\n${report}`);
}

/**
 * Chooses an option of an antd Select: opens it, types the text when the select is searchable (long lists
 * render only the options in view), clicks the option in this select's own dropdown (the one its
 * `aria-controls` list is in, not whichever came last: under load another select's may still be closing),
 * then waits until the select shows the choice. Under load a click can land while the list re-renders and
 * be lost (seen in CI: 政治面貌 left empty), so a choice that does not show is tried again. An open select is
 * not clicked again: that would close it (a multiple select stays open after a choice).
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  const root = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const shown = root.locator('.ant-select-content-has-value, .ant-select-selection-item', {
    hasText: option,
  });
  for (let attempt = 1; ; attempt++) {
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    if (typeof option === 'string' && (await select.getAttribute('readonly')) === null) {
      await select.fill('');
      await select.pressSequentially(option);
    }
    const list = await select.getAttribute('aria-controls');
    const dropdown = list
      ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) })
      : page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await shown.first().waitFor({ timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3)
        throw new Error(`the select does not show ${String(option)} after 3 tries`, { cause: e });
    }
  }
}

/** A realistic, unique Chinese name (the name rule allows Han characters only). */
export function uniqueChineseName(): string {
  const given = '晓明华丽静思远安宁嘉怡博文雅琪子涵俊杰欣然浩宇梓萱一诺若曦';
  const n = Date.now() + Math.floor(Math.random() * 1000);
  const pick = (i: number) => given[Math.floor(n / given.length ** i) % given.length];
  return `欧阳${pick(0)}${pick(1)}${pick(2)}`;
}
