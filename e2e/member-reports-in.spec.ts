// A member reports in on a 375 px phone to the community where he lives; the community confirms it
// on a desktop; the member then has the registration card with its QR code and number, and anyone
// who opens the card's check page (what the QR encodes), without logging in, sees that it is valid.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { zhCN } from '../src/web/lib/i18n/zh-CN';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

const DEMO_PASSWORD = 'Gongjian-Demo-2026';

interface RegistrationRow {
  id: string;
  status: string;
  communityName: string;
  cycleId: string;
}

describeBrowser('a member reports in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('reports in on a phone, the community confirms, the card has a QR code and checks as valid', async () => {
    const member = await newPage(browser, VIEWPORTS.phone);
    const community = await newPage(browser, VIEWPORTS.desktop);
    const stranger = await newPage(browser, VIEWPORTS.phone);
    try {
      // The member (陈晓明, lives in 幸福社区) has not reported in for the current cycle.
      await logIn(member.page, 'member', DEMO_PASSWORD);
      await member.page.goto('/registration/me');
      const reportIn = member.page.getByTestId('report-in');
      await reportIn.waitFor({ timeout: 20_000 });
      await reportIn.click();
      const status = member.page.getByTestId('report-in-status');
      await status.waitFor({ timeout: 20_000 });
      await expect.poll(() => status.textContent()).toContain(zhCN['registrationStatus.pending']);
      expect(await status.textContent()).toContain('幸福社区');
      expect(await member.page.getByTestId('report-in').count()).toBe(0);
      const overflow = await member.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);

      const mine = await member.page.request.get('/api/v1/registrations?mine=true&kind=member&status=pending');
      expect(mine.status()).toBe(200);
      const pending = ((await mine.json()) as { items: RegistrationRow[] }).items[0];
      expect(pending?.communityName).toBe('幸福社区');

      // The community worker confirms it in the queue.
      await logIn(community.page, 'community', DEMO_PASSWORD);
      await community.page.goto('/registration/queue');
      await community.page.getByTestId('queue-table').waitFor({ timeout: 20_000 });
      const confirm = community.page.getByTestId(`confirm-${pending!.id}`);
      await confirm.waitFor({ timeout: 20_000 });
      await confirm.click();
      await confirm.waitFor({ state: 'detached', timeout: 20_000 });

      // The member now has the card (报到证) with a QR code and a card number.
      await member.page.reload();
      const card = member.page.getByTestId('registration-card');
      await card.waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain('陈晓明');
      const qr = member.page.getByTestId('card-qr');
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      const cardNo = ((await member.page.getByTestId('card-no').textContent()) ?? '').trim();
      expect(cardNo).toMatch(/^[A-Z0-9-]{6,40}$/);
      await expect.poll(() => status.textContent()).toContain(zhCN['registrationStatus.confirmed']);
      // The QR code encodes the public check page of this card.
      const issued = await member.page.request.get(`/api/v1/registrations/${pending!.id}/card`);
      expect(((await issued.json()) as { verifyUrl: string }).verifyUrl).toMatch(new RegExp(`/verify/${cardNo}$`));
      expect(await member.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // Anyone scanning it, not logged in, sees that it is valid — with the name masked.
      await stranger.page.goto(`/verify/${cardNo}`);
      const result = stranger.page.getByTestId('verify-result');
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('data-valid')).toBe('true');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain(zhCN['verify.valid']);
      expect(text).toContain('幸福社区');
      expect(text).toContain('陈**');
      expect(text).not.toContain('陈晓明');
      expect(stranger.page.url()).toContain(`/verify/${cardNo}`);
    } finally {
      await Promise.all([member.context.close(), community.context.close(), stranger.context.close()]);
    }
  });
});
