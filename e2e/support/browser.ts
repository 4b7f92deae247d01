// Opens Debian's Chromium through playwright-core, with the flags this closed network needs.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, inject } from 'vitest';

export const CHROMIUM = process.env.GONGJIAN_CHROMIUM ?? '/usr/bin/chromium';

export const VIEWPORTS = {
  phone: { width: 375, height: 812 },
  desktop: { width: 1280, height: 800 },
} as const;

export function baseUrl(): string | null {
  return inject('e2eBaseUrl');
}

/** describe() when the browser suites can run, describe.skip() with the reason when they cannot. */
export function describeBrowser(name: string, fn: () => void): void {
  if (baseUrl()) describe(name, fn);
  else describe.skip(`${name} — skipped: no Chromium at ${CHROMIUM}`, fn);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', baseURL: baseUrl() ?? undefined });
  const page = await context.newPage();
  return { context, page };
}

export async function logIn(page: Page, account: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-account').fill(account);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
}

/**
 * Picks an option of an antd button-style radio group in the open modal, clicking again until it
 * shows as chosen (a click during the modal's opening animation can be lost on a busy machine).
 */
export async function pickModalRadio(page: Page, label: string): Promise<void> {
  const option = page.locator('.ant-modal:visible .ant-radio-button-wrapper').filter({ hasText: label });
  for (let attempt = 0; attempt < 5; attempt++) {
    await option.click();
    if (((await option.getAttribute('class')) ?? '').includes('ant-radio-button-wrapper-checked')) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`the option "${label}" could not be chosen`);
}
