// The community drafts the co-building agreement (共建协议) of its pairing with the tax bureau and
// signs for 甲方; the unit's admin signs for 乙方 on a phone; the agreement is then in force, and
// the print view reads like the paper original: the title and both parties.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN } from '../src/web/lib/i18n/zh-CN';
import { VIEWPORTS, baseUrl, describeBrowser, launch, logIn } from './support/browser';

const DEMO_PASSWORD = 'Gongjian-Demo-2026';
const UNIT = '临江市税务局机关党支部';
const COMMUNITY = '幸福社区';

interface PairingRow {
  id: string;
  unitName: string;
  communityName: string;
}

/**
 * A fresh context on UTC: the server tells "in force" by its UTC date, and the draft's term starts
 * on the browser's today — the same day whatever the machine's time zone.
 */
async function utcPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'UTC', baseURL: baseUrl() ?? undefined });
  return { context, page: await context.newPage() };
}

async function activePairing(page: Page): Promise<PairingRow | undefined> {
  const response = await page.request.get('/api/v1/pairings?status=active&pageSize=200');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: PairingRow[] };
  return items.find((p) => p.unitName === UNIT && p.communityName === COMMUNITY);
}

/** The supervisor pairs the two (a supervisor's pairing is active at once), through the API with the CSRF header. */
async function supervisorPairs(browser: Browser): Promise<void> {
  const { context, page } = await utcPage(browser, VIEWPORTS.desktop);
  try {
    await logIn(page, 'supervisor', DEMO_PASSWORD);
    const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const units = (await (await page.request.get(`/api/v1/organizations?q=${encodeURIComponent(UNIT)}&kind=unit`)).json()) as { items: { id: string; name: string }[] };
    const regions = (await (await page.request.get(`/api/v1/regions?q=${encodeURIComponent(COMMUNITY)}&kind=community`)).json()) as { items: { id: string; name: string }[] };
    const unitOrgId = units.items.find((u) => u.name === UNIT)?.id;
    const communityId = regions.items.find((r) => r.name === COMMUNITY)?.id;
    expect(unitOrgId && communityId).toBeTruthy();
    const created = await page.request.post('/api/v1/pairings', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { unitOrgId, communityId, note: 'e2e' },
    });
    expect(created.status()).toBe(201);
  } finally {
    await context.close();
  }
}

describeBrowser('a unit signs the agreement', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('the community drafts and signs 甲方, the unit signs 乙方, the agreement is in force and prints', async () => {
    const community = await utcPage(browser, VIEWPORTS.desktop);
    const unit = await utcPage(browser, VIEWPORTS.phone);
    try {
      await logIn(community.page, 'community', DEMO_PASSWORD);
      if (!(await activePairing(community.page))) await supervisorPairs(browser);
      expect(await activePairing(community.page)).toBeTruthy();

      // Draft: pick the pairing; the title and the two-year term from today are proposed.
      await community.page.goto('/registration/agreements');
      await community.page.getByTestId('agreement-new').click();
      await community.page.getByTestId('agreement-create-pairing').click();
      await community.page.locator('.ant-select-item-option').filter({ hasText: `${UNIT} — ${COMMUNITY}` }).first().click();
      const title = community.page.getByTestId('agreement-create-title');
      await expect.poll(() => title.inputValue()).toContain(UNIT);
      await community.page.getByTestId('agreement-create-submit').click();
      await community.page.waitForURL(/\/registration\/agreements\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      const agreementId = new URL(community.page.url()).pathname.split('/').pop()!;
      const status = community.page.getByTestId('agreement-status');
      await expect.poll(() => status.getAttribute('data-status')).toBe('draft');

      // One duty for each side, then 甲方 signs (unsaved changes are saved first).
      await community.page.getByTestId('agreement-task-add-a').click();
      await community.page.getByTestId('agreement-task').last().locator('textarea').fill('每季度向乙方提供需求清单');
      await community.page.getByTestId('agreement-task-add-b').click();
      await community.page.getByTestId('agreement-task').last().locator('textarea').fill('每季度至少开展1次集中志愿服务活动');
      await community.page.getByTestId('agreement-filed-with').fill('东城街道党工委');
      expect(await community.page.getByTestId('agreement-sign-b').count()).toBe(0);
      await community.page.getByTestId('agreement-sign-a').click();
      await community.page.getByTestId('agreement-signatory').fill('许文生');
      await community.page.getByTestId('agreement-sign-submit').click();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('signed_by_one');
      expect(await community.page.getByTestId('agreement-sign-a').count()).toBe(0);

      // The unit's admin signs 乙方 on a phone.
      await logIn(unit.page, 'unit', DEMO_PASSWORD);
      await unit.page.goto(`/registration/agreements/${agreementId}`);
      const signB = unit.page.getByTestId('agreement-sign-b');
      await signB.waitFor({ timeout: 20_000 });
      expect(await unit.page.getByTestId('agreement-sign-a').count()).toBe(0);
      await signB.click();
      await unit.page.getByTestId('agreement-signatory').fill('刘志强');
      await unit.page.getByTestId('agreement-sign-submit').click();
      const unitStatus = unit.page.getByTestId('agreement-status');
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('in_force');
      expect(await unitStatus.textContent()).toContain(zhCN['agreementStatus.in_force']);
      expect(await unitStatus.textContent()).toContain('生效');
      expect(await unit.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // The print view: the centred title, 甲方 and 乙方, the clauses and both signatures.
      const saved = (await (await unit.page.request.get(`/api/v1/agreements/${agreementId}`)).json()) as { title: string; partyA: string; partyB: string };
      expect(saved.partyB).toBe(UNIT);
      await unit.page.getByTestId('agreement-print').click();
      await unit.page.waitForURL(/\/print$/);
      const printTitle = unit.page.getByTestId('print-title');
      await printTitle.waitFor({ timeout: 20_000 });
      expect((await printTitle.textContent())?.trim()).toBe(saved.title);
      const parties = (await unit.page.getByTestId('print-parties').textContent()) ?? '';
      expect(parties).toContain(`${zhCN['agreement.doc.partyA']}${saved.partyA}`);
      expect(parties).toContain(`${zhCN['agreement.doc.partyB']}${UNIT}`);
      expect(saved.partyA).toContain(COMMUNITY);
      const paper = (await unit.page.getByTestId('agreement-document').textContent()) ?? '';
      expect(paper).toContain('一、');
      expect(paper).toContain('每季度至少开展1次集中志愿服务活动');
      expect(paper).toContain('报东城街道党工委备案一份');
      expect(await unit.page.getByTestId('print-signature-a').textContent()).toContain('许文生');
      expect(await unit.page.getByTestId('print-signature-b').textContent()).toContain('刘志强');
    } finally {
      await Promise.all([community.context.close(), unit.context.close()]);
    }
  });
});
