// A person logs in, sees the menu their role allows, switches the language and logs out —
// on a 375 px phone and on a 1280 px desktop.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN } from '../src/web/lib/i18n/zh-CN';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

const DEMO_PASSWORD = 'Gongjian-Demo-2026';

async function openMenu(page: Page, phone: boolean): Promise<void> {
  if (phone) {
    await page.getByTestId('menu-toggle').click();
  }
  await page.getByTestId('menu-home').last().waitFor({ state: 'visible' });
  // The admin pages sit in a submenu; open it when it is there and closed.
  const users = page.getByTestId('menu-users').last();
  if ((await page.getByText('系统管理').count()) > 0 && !(await users.isVisible())) {
    await page.getByText('系统管理').last().click();
  }
}

async function visibleMenu(page: Page): Promise<string[]> {
  const ids = ['menu-home', 'menu-users', 'menu-audit', 'menu-profile'];
  const shown: string[] = [];
  for (const id of ids) if (await page.getByTestId(id).last().isVisible()) shown.push(id);
  return shown;
}

describeBrowser('a user logs in and out', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    // A browser that will not close must not hold the run: give it 10 s.
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    const phone = size === 'phone';

    it(`the administrator sees the admin pages, switches to English and logs out (${size})`, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await logIn(page, 'admin', inject('e2eAdminPassword'));
        await expect.poll(() => page.getByTestId('home-greeting').isVisible()).toBe(true);
        await openMenu(page, phone);
        expect(await visibleMenu(page)).toEqual(['menu-home', 'menu-users', 'menu-audit', 'menu-profile']);
        await page.getByTestId('menu-users').last().click();
        await page.waitForURL(/\/admin\/users|\/users/);
        await expect.poll(() => page.getByText('supervisor').first().isVisible(), { timeout: 15_000 }).toBe(true);
        // No horizontal scrolling of the page itself on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(1);

        expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
        await page.getByTestId('lang-switch').getByText('English').click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-US');
        await page.reload();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-US');
        await page.getByTestId('lang-switch').getByText('中文').click();
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');

        await page.getByTestId('user-menu').click();
        await page.getByTestId('logout').click();
        await page.waitForURL(/\/login/);
        // The session is gone on the server too.
        const me = await page.request.get('/api/v1/auth/me');
        expect(me.status()).toBe(401);
      } finally {
        await context.close();
      }
    });

    it(`a member sees only home and profile and is refused the admin pages (${size})`, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await logIn(page, 'member', DEMO_PASSWORD);
        await openMenu(page, phone);
        expect(await visibleMenu(page)).toEqual(['menu-home', 'menu-profile']);
        if (phone) await page.keyboard.press('Escape');
        await page.goto('/admin/users');
        await expect.poll(() => page.getByText(zhCN['result.forbidden.title']).first().isVisible().catch(() => false), { timeout: 10_000 }).toBe(true);
      } finally {
        await context.close();
      }
    });
  }
});
