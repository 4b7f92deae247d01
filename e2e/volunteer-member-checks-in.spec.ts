// A member on a 375 px phone finds an activity, signs up, checks in and out by typing the
// 6-character code shown on the organiser's rotating QR screen, checks out by opening the link
// its QR code encodes (what scanning does), sees the entry in his hours, and subscribes to his
// sign-ups as an iCalendar feed (and revokes it).
// The community worker (幸福社区) publishes the activity first, starting in half an hour, so that
// check-in (open from an hour before the start) works now.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN as appZhCN } from '../src/web/lib/i18n/zh-CN';
import { volunteeringZhCN } from '../src/web/modules/volunteering/i18n';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

const zhCN = { ...appZhCN, ...volunteeringZhCN };

const DEMO_PASSWORD = 'Gongjian-Demo-2026';

async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

/** The community worker publishes an activity in 幸福社区 through the API; returns its id. */
async function publish(page: Page, title: string): Promise<string> {
  const regions = (await (await page.request.get(`/api/v1/regions?q=${encodeURIComponent('幸福社区')}&kind=community`)).json()) as { items: { id: string; name: string }[] };
  const regionId = regions.items.find((r) => r.name === '幸福社区')?.id;
  expect(regionId).toBeTruthy();
  const start = Date.now() + 30 * 60_000;
  const created = await page.request.post('/api/v1/volunteering/activities', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      kind: 'volunteer_service',
      title,
      place: '幸福社区党群服务中心',
      shifts: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() }],
      regionId,
      capacity: 5,
      eligibility: 'anyone',
      contact: '0571-88886666',
    },
  });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { items: { id: string }[] };
  return body.items[0]!.id;
}

/** The code on the organiser's screen now. */
async function screenCode(page: Page): Promise<string> {
  const code = page.getByTestId('check-screen-code');
  await code.waitFor({ timeout: 20_000 });
  const text = ((await code.textContent()) ?? '').trim();
  expect(text).toMatch(/^[A-Z0-9]{6}$/);
  return text;
}

describeBrowser('a member signs up and checks in by code', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('finds the activity on a phone, signs up, checks in and out with the screen code, sees the hours', async () => {
    const member = await newPage(browser, VIEWPORTS.phone);
    const organiser = await newPage(browser, VIEWPORTS.desktop);
    try {
      const title = `e2e 便民服务 ${Date.now().toString(36)}`;
      await logIn(organiser.page, 'community', DEMO_PASSWORD);
      const activityId = await publish(organiser.page, title);

      // The member (陈晓明, lives in 幸福社区) finds it among what he can join.
      await logIn(member.page, 'member', DEMO_PASSWORD);
      await member.page.goto('/volunteering/activities');
      await member.page.getByTestId('activities-list').waitFor({ timeout: 20_000 });
      const search = member.page.locator('input[data-testid=activities-search], [data-testid=activities-search] input').first();
      await search.fill(title);
      await search.press('Enter');
      const card = member.page.getByTestId('activity-card').filter({ hasText: title }).first();
      await card.waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain('幸福社区');
      await card.click();
      await member.page.waitForURL(new RegExp(`/volunteering/activities/${activityId}$`));

      // Signs up: confirmed (capacity 5, nobody else).
      await member.page.getByTestId('sign-up').click();
      const status = member.page.getByTestId('my-signup-card').getByTestId('signup-status');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('confirmed');
      expect(await status.textContent()).toContain(zhCN['signupStatus.confirmed']);
      expect(await member.page.getByTestId('sign-up').count()).toBe(0);

      // The organiser's screen shows the rotating QR code and the 6-character code.
      await organiser.page.goto(`/volunteering/activities/${activityId}/screen`);
      const qr = organiser.page.getByTestId('check-screen-qr');
      await qr.waitFor({ timeout: 20_000 });
      await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      const code = await screenCode(organiser.page);

      // The member types it: checked in (typed lower case: the box upper-cases it).
      const box = member.page.getByTestId('check-in-box');
      await box.waitFor({ timeout: 20_000 });
      expect(await box.getAttribute('data-state')).toBe('none');
      await member.page.getByTestId('check-in-code').fill(code.toLowerCase());
      await member.page.getByTestId('check-in-submit').click();
      await expect.poll(() => box.getAttribute('data-state'), { timeout: 20_000 }).toBe('in');

      // Checks out by scanning the QR code on the screen now (it may have rotated meanwhile):
      // the phone opens the link it encodes, and the page checks him out at once.
      await organiser.page.reload();
      await screenCode(organiser.page);
      const qrUrl = await organiser.page.getByTestId('check-screen-qr').getAttribute('data-qr-text');
      expect(qrUrl).toMatch(new RegExp(`/volunteering/check-in/${activityId}\\?t=`));
      const link = new URL(qrUrl!);
      await member.page.goto(`${link.pathname}${link.search}`);
      const scan = member.page.getByTestId('scan-check-in');
      await expect.poll(() => scan.getAttribute('data-outcome'), { timeout: 20_000 }).toBe('out');
      expect(await member.page.getByTestId('scan-result').textContent()).toContain('签退');
      await member.page.goto(`/volunteering/activities/${activityId}`);
      await expect.poll(() => box.getAttribute('data-state'), { timeout: 20_000 }).toBe('out');

      // His hours: the entry of this activity, recorded by code, with the totals above.
      await member.page.getByTestId('to-my-hours').click();
      await member.page.waitForURL(/\/volunteering\/me\/hours$/);
      const entry = member.page.locator(`[data-testid=hour-entry][data-activity-id="${activityId}"]`);
      await entry.waitFor({ timeout: 20_000 });
      expect(await entry.getAttribute('data-method')).toBe('code');
      expect(await entry.textContent()).toContain(title);
      expect(await entry.textContent()).toContain(zhCN['recordMethod.code']);
      const total = ((await member.page.getByTestId('hours-total').textContent()) ?? '').replace(/[^\d.]/g, '');
      const mine = (await (await member.page.request.get('/api/v1/volunteering/me/hours')).json()) as { totalHours: number; entries: { activityId: string | null; method: string }[] };
      expect(mine.entries.some((e) => e.activityId === activityId && e.method === 'code')).toBe(true);
      expect(Number(total)).toBeCloseTo(mine.totalHours, 2);
      expect(mine.totalHours).toBeGreaterThan(0);
      expect(await member.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // His sign-ups in a phone calendar: the .ics address works without a login, and stops when revoked.
      await member.page.goto('/volunteering/me/signups');
      await member.page.getByTestId('calendar-feed-create').click();
      const urlBox = member.page.getByTestId('calendar-feed-url');
      await urlBox.waitFor({ timeout: 20_000 });
      const feedUrl = await urlBox.inputValue();
      const feed = await fetch(feedUrl);
      expect(feed.status).toBe(200);
      const ics = (await feed.text()).replace(/\r?\n[ \t]/g, '');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics).toContain(title);
      await member.page.getByTestId('calendar-feed-revoke').click();
      await member.page.getByTestId('calendar-feed-revoke-ok').click();
      await expect.poll(() => member.page.getByTestId('calendar-feed').getAttribute('data-active'), { timeout: 20_000 }).toBe('false');
      expect((await fetch(feedUrl)).status).toBeGreaterThanOrEqual(400);
    } finally {
      await Promise.all([member.context.close(), organiser.context.close()]);
    }
  });
});
