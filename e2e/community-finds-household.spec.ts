// A community worker on a phone finds a household by the head's pinyin initials.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

describeBrowser('a community worker finds a household', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('types the initials of 李秀兰 and sees her household (phone)', async () => {
    const { context, page } = await newPage(browser, VIEWPORTS.phone);
    try {
      await logIn(page, 'community', 'Gongjian-Demo-2026');
      await page.goto('/directory/households');
      const search = page.locator('input[data-testid=households-search], [data-testid=households-search] input').first();
      await search.waitFor({ timeout: 20_000 });
      await search.fill('lxl');
      await search.press('Enter');
      const card = page.getByTestId('household-card').filter({ hasText: '李秀兰' }).first();
      await card.waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain('幸福社区');
      // Only the community's own households, and the phone is masked.
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain('翠湖社区');
      expect(text).not.toMatch(/1[3-9]\d{9}/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});
