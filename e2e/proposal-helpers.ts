import type { BrowserContext, Locator, Page } from 'playwright-core';
import { e2e, screenshot } from './helpers.ts';

/** Every demo login shares the administrator's (demo) password. */
export const demoPassword = () => e2e.adminPassword;

/** Signs out whoever is signed in (drops the session cookie) and signs `username` in through the form. */
export async function signInAs(context: BrowserContext, page: Page, username: string): Promise<void> {
  await context.clearCookies();
  await page.goto(`${e2e.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: /登\s?录/ }).click();
  await page.waitForURL(`${e2e.baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
}

/** The display name of a demo login (from `/api/auth/me`), without touching the page's session. */
export async function displayNameOf(context: BrowserContext, username: string): Promise<string> {
  const api = context.request;
  const signIn = await api.post(`${e2e.baseUrl}/api/auth/sign-in`, {
    data: { username, password: demoPassword() },
  });
  if (!signIn.ok()) throw new Error(`sign-in of ${username} failed: ${signIn.status()}`);
  const me = (await (await api.get(`${e2e.baseUrl}/api/auth/me`)).json()) as {
    user: { displayName: string };
  };
  await api.post(`${e2e.baseUrl}/api/auth/sign-out`);
  return me.user.displayName;
}

/** Opens a page of the main navigation by its link text. */
export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true }).click();
}

/**
 * A button's accessible name: antd puts a space between two Chinese characters ("签 收"), and an icon
 * before the text adds its own name ("inbox 签 收").
 */
export function buttonName(text: string): RegExp {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`(^|\\s)${escaped.join('\\s?')}\\s*$`);
}

export function button(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('button', { name: buttonName(text) });
}

/** A text field by its label (a required field's name starts with the "*" mark). */
export function textbox(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('textbox', { name: new RegExp(`^(\\*\\s*)?${label}$`) });
}

/** Clicks the OK button of the confirmation dialog that is open. */
export async function confirmDialog(page: Page, okText: string): Promise<void> {
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor();
  await button(dialog, okText).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits for a toast with the given text. */
export async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-message-notice').filter({ hasText: text }).first().waitFor();
}

let step = 0;

/** `journey-NN-<name>.png`, numbered in the order the steps ran. */
export async function journeyShot(page: Page, name: string): Promise<void> {
  step += 1;
  await page.waitForTimeout(150);
  await screenshot(page, `journey-${String(step).padStart(2, '0')}-${name}.png`);
}
