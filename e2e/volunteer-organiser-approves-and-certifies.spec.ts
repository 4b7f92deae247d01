// The community worker (幸福社区) approves the supplementary hours 陈晓明 asked for (he forgot to
// scan; the demo leaves that request waiting), then issues his service certificate (志愿服务证明)
// and prints it on A4: the national fields, the number and the QR code, which anyone can open
// without logging in to see that the certificate is valid, with the name masked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { zhCN as appZhCN } from '../src/web/lib/i18n/zh-CN';
import { volunteeringZhCN } from '../src/web/modules/volunteering/i18n';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

const zhCN = { ...appZhCN, ...volunteeringZhCN };

const DEMO_PASSWORD = 'Gongjian-Demo-2026';
const MEMBER = '陈晓明';

interface HourRequestRow {
  id: string;
  kind: string;
  status: string;
  memberName: string;
  resultEntryId: string | null;
}

describeBrowser('an organiser approves supplementary hours and prints a certificate', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('approves 陈晓明’s supplementary entry, issues his certificate, prints it, and the QR check says valid', async () => {
    const organiser = await newPage(browser, VIEWPORTS.desktop);
    const stranger = await newPage(browser, VIEWPORTS.phone);
    try {
      await logIn(organiser.page, 'community', DEMO_PASSWORD);
      const pending = await organiser.page.request.get('/api/v1/volunteering/hour-requests?status=pending&kind=supplementary&pageSize=200');
      expect(pending.status()).toBe(200);
      const request = ((await pending.json()) as { items: HourRequestRow[] }).items.find((r) => r.memberName === MEMBER);
      expect(request, 'the demo leaves a supplementary request of 陈晓明 waiting').toBeTruthy();

      // The review page: approve it.
      await organiser.page.goto('/volunteering/review');
      const approve = organiser.page.getByTestId(`approve-${request!.id}`);
      await approve.waitFor({ timeout: 20_000 });
      const row = organiser.page.locator(`[data-testid=review-item][data-request-id="${request!.id}"]`);
      expect(await row.textContent()).toContain(MEMBER);
      expect(await row.textContent()).toContain(zhCN['hourRequestKind.supplementary']);
      await approve.click();
      await approve.waitFor({ state: 'detached', timeout: 20_000 });
      const decided = (await (await organiser.page.request.get('/api/v1/volunteering/hour-requests?status=approved&kind=supplementary&pageSize=200')).json()) as { items: HourRequestRow[] };
      const approved = decided.items.find((r) => r.id === request!.id);
      expect(approved?.status).toBe('approved');
      expect(approved?.resultEntryId).toBeTruthy();
      // It is in the approved tab, with who decided.
      await organiser.page.getByRole('tab', { name: zhCN['review.tab.approved'] }).click();
      const approvedRow = organiser.page.locator(`[data-testid=review-item][data-request-id="${request!.id}"]`);
      await approvedRow.waitFor({ timeout: 20_000 });
      expect(await approvedRow.textContent()).toContain('张丽华');

      // Issue the certificate for this year.
      await organiser.page.goto('/volunteering/certificates');
      await organiser.page.getByTestId('certificate-issue').click();
      await organiser.page.getByTestId('certificate-member-select').click();
      await organiser.page.keyboard.type(MEMBER);
      await organiser.page.locator('.ant-select-item-option').filter({ hasText: MEMBER }).first().click();
      expect(await organiser.page.getByTestId('certificate-member').textContent()).toBe(MEMBER);
      await organiser.page.getByTestId('certificate-person-in-charge').fill('王书记');
      await organiser.page.getByTestId('certificate-contact').fill('0571-88886666');
      await organiser.page.getByTestId('certificate-issue-submit').click();
      await organiser.page.waitForURL(/\/volunteering\/certificates\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      const certificateId = new URL(organiser.page.url()).pathname.split('/').pop()!;

      // The A4 print view reads like the paper one.
      const doc = organiser.page.getByTestId('certificate-document');
      await doc.waitFor({ timeout: 20_000 });
      expect((await organiser.page.getByTestId('certificate-title').textContent())?.trim()).toBe(zhCN['certificate.title']);
      expect(await organiser.page.getByTestId('certificate-name').textContent()).toBe(MEMBER);
      const saved = (await (await organiser.page.request.get(`/api/v1/volunteering/certificates/${certificateId}`)).json()) as {
        certNo: string;
        hours: number;
        verifyUrl: string;
        issuerName: string;
      };
      expect(saved.hours).toBeGreaterThan(0);
      expect(await organiser.page.getByTestId('certificate-no').textContent()).toContain(saved.certNo);
      expect(await organiser.page.getByTestId('certificate-hours').textContent()).toContain(String(Math.round(saved.hours * 100) / 100));
      const issuer = (await organiser.page.getByTestId('certificate-issuer').textContent()) ?? '';
      expect(issuer).toContain(saved.issuerName);
      expect(issuer).toContain('王书记');
      expect(issuer).toContain('张丽华');
      const qr = organiser.page.getByTestId('certificate-qr');
      await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(saved.verifyUrl).toMatch(new RegExp(`/verify/certificate/${saved.certNo}$`));

      // Print: the browser's print dialog opens, and in print only the sheet shows (no menu, no buttons).
      await organiser.page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => {
          (window as unknown as { printed: number }).printed += 1;
        };
      });
      await organiser.page.getByTestId('certificate-print').click();
      expect(await organiser.page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      await organiser.page.emulateMedia({ media: 'print' });
      expect(await organiser.page.locator('.gj-sider').isVisible()).toBe(false);
      expect(await organiser.page.getByTestId('certificate-print').isVisible()).toBe(false);
      expect(await doc.isVisible()).toBe(true);
      await organiser.page.emulateMedia({ media: 'screen' });

      // Anyone scanning the QR code, not logged in, sees that it is valid, the name masked.
      await stranger.page.goto(new URL(saved.verifyUrl).pathname);
      const result = stranger.page.getByTestId('verify-certificate-result');
      await result.waitFor({ timeout: 20_000 });
      expect(await result.getAttribute('data-valid')).toBe('true');
      const text = (await result.textContent()) ?? '';
      expect(text).toContain(zhCN['verifyCertificate.valid']);
      expect(text).not.toContain(MEMBER);
      expect(text).toContain('陈');
      expect(await stranger.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    } finally {
      await Promise.all([organiser.context.close(), stranger.context.close()]);
    }
  });
});
