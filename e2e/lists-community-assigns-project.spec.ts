// Assigned claims and the sign-off loop (指定认领, 验收退回): the 幸福社区 worker assigns a project to
// the tax bureau's branch; its admin accepts it on a phone, reports the milestone done and asks
// for sign-off; the community sends it back with a reason, which the unit sees; the unit reports
// again, the community approves, and a resident of the community rates it on a phone. The
// supervisor raises the yearly rule to 3 projects per unit and sees each unit's progress bar.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN as appZhCN } from '../src/web/lib/i18n/zh-CN';
import { listsZhCN } from '../src/web/modules/lists/i18n';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage, pickModalRadio } from './support/browser';

const zhCN = { ...appZhCN, ...listsZhCN };

const DEMO_PASSWORD = 'Gongjian-Demo-2026';
const UNIT = '临江市税务局机关党支部';
const COMMUNITY = '幸福社区';

interface Me {
  csrfToken: string;
  user: { roles: { role: string; scopeId: string | null }[] };
}

async function me(page: Page): Promise<Me> {
  return (await (await page.request.get('/api/v1/auth/me')).json()) as Me;
}

async function post<T>(page: Page, path: string, data: unknown, status = 200): Promise<T> {
  const response = await page.request.post(`/api/v1${path}`, { headers: { 'x-csrf-token': (await me(page)).csrfToken }, data });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** The unit and the community must be actively paired to assign; pair them if the demo has not. */
async function ensurePaired(browser: Browser): Promise<void> {
  const { context, page } = await newPage(browser, VIEWPORTS.desktop);
  try {
    await logIn(page, 'supervisor', DEMO_PASSWORD);
    const pairings = (await (await page.request.get('/api/v1/pairings?status=active&pageSize=200')).json()) as { items: { unitName: string; communityName: string }[] };
    if (pairings.items.some((p) => p.unitName === UNIT && p.communityName === COMMUNITY)) return;
    const units = (await (await page.request.get(`/api/v1/organizations?q=${encodeURIComponent(UNIT)}&kind=unit`)).json()) as { items: { id: string; name: string }[] };
    const regions = (await (await page.request.get(`/api/v1/regions?q=${encodeURIComponent(COMMUNITY)}&kind=community`)).json()) as { items: { id: string; name: string }[] };
    await post(page, '/pairings', { unitOrgId: units.items.find((u) => u.name === UNIT)?.id, communityId: regions.items.find((r) => r.name === COMMUNITY)?.id, note: 'e2e lists' }, 201);
  } finally {
    await context.close();
  }
}

/** Opens the antd Select `testId` and picks `label`, again if a click during the modal's opening motion missed. */
async function pick(page: Page, testId: string, label: string): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 0; attempt < 4; attempt++) {
    await select.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
    await option.waitFor({ timeout: 10_000 });
    await option.click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(label);
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  expect(await select.textContent()).toContain(label);
}

function isoDaysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describeBrowser('a community assigns a project and signs it off after sending it back', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('assign → accept → report → send back with a reason → approve → resident rates; the supervisor sets the yearly rule', async () => {
    await ensurePaired(browser);
    const tag = Date.now().toString(36).slice(-5);
    const title = `楼道照明改造 ${tag}`;
    const reason = `请补充改造后的夜间照片 ${tag}`;
    const community = await newPage(browser, VIEWPORTS.desktop);
    const unit = await newPage(browser, VIEWPORTS.phone);
    const resident = await newPage(browser, VIEWPORTS.phone);
    const supervisor = await newPage(browser, VIEWPORTS.desktop);
    try {
      // The community's need and an open project answering it (set up through the API).
      await logIn(community.page, 'community', DEMO_PASSWORD);
      const communityId = (await me(community.page)).user.roles.find((r) => r.role === 'community_staff')!.scopeId!;
      const need = await post<{ id: string }>(community.page, '/lists/needs', { communityId, title, description: '老旧楼道照明不足，老人夜间出行不便。', category: 'infrastructure', beneficiaries: '3 栋老旧楼 96 户' }, 201);
      await post(community.page, `/lists/needs/${need.id}/publish`, undefined);
      const year = Number(isoDaysAhead(0).slice(0, 4));
      const project = await post<{ id: string }>(
        community.page,
        '/lists/projects',
        { communityId, title, goal: '更换 3 栋楼的楼道灯为声控 LED 灯。', year, needIds: [need.id], claimSlots: 1, milestones: [{ title: '完成灯具更换', dueOn: isoDaysAhead(20) }] },
        201,
      );
      await post(community.page, `/lists/projects/${project.id}/publish`, undefined);

      // 1. The community assigns it to the unit (指定认领): the claim waits for the unit.
      await community.page.goto(`/lists/projects/${project.id}`);
      const status = community.page.getByTestId('project-status');
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('open');
      await community.page.getByTestId('project-assign').click();
      await pick(community.page, 'assign-unit', UNIT);
      await community.page.getByTestId('assign-submit').click();
      const pending = community.page.locator('[data-testid="claim"][data-status="pending"]');
      await pending.waitFor({ timeout: 20_000 });
      expect(await pending.textContent()).toContain(zhCN['lists.claimKind.assigned']);

      // 2. The unit's admin accepts it on a phone, from the projects page.
      await logIn(unit.page, 'unit', DEMO_PASSWORD);
      await unit.page.goto('/lists/projects');
      const waiting = unit.page.getByTestId('pending-claim').filter({ hasText: title });
      await waiting.waitFor({ timeout: 20_000 });
      await waiting.getByRole('button', { name: zhCN['lists.claim.accept'] }).click();
      await waiting.waitFor({ state: 'detached', timeout: 20_000 });
      expect(await unit.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // 3. It reports the milestone done and asks for sign-off.
      await unit.page.goto(`/lists/projects/${project.id}`);
      const unitStatus = unit.page.getByTestId('project-status');
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('in_progress');
      await unit.page.getByTestId('milestone').first().getByRole('button').click();
      await unit.page.getByTestId('report-note').fill('3 栋楼 18 个楼道已全部换装声控 LED 灯。');
      await unit.page.getByTestId('report-done').check();
      await unit.page.getByTestId('report-submit').click();
      await unit.page.getByTestId('report-entry').first().waitFor({ timeout: 20_000 });
      await unit.page.getByTestId('project-submit').click();
      await unit.page.getByTestId('project-submit-confirm').click();
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');

      // 4. The community sends it back with a reason.
      await community.page.reload();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
      await community.page.getByTestId('project-signoff').click();
      await pickModalRadio(community.page, zhCN['lists.signOff.sendBack']);
      await community.page.getByTestId('signoff-reason').fill(reason);
      await community.page.getByTestId('signoff-submit').click();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('in_progress');
      await community.page.locator('[data-testid="signoff-entry"][data-decision="sent_back"]').waitFor({ timeout: 20_000 });

      // 5. The unit sees why, reports again and asks once more; the community approves.
      await unit.page.reload();
      const sentBack = unit.page.getByTestId('project-sent-back');
      await sentBack.waitFor({ timeout: 20_000 });
      expect(await sentBack.textContent()).toContain(reason);
      await unit.page.getByTestId('milestone').first().getByRole('button').click();
      await unit.page.getByTestId('report-note').fill('已补充夜间照明效果说明，居民反映良好。');
      await unit.page.getByTestId('report-submit').click();
      await expect.poll(() => unit.page.getByTestId('report-entry').count(), { timeout: 20_000 }).toBe(2);
      await unit.page.getByTestId('project-submit').click();
      await unit.page.getByTestId('project-submit-confirm').click();
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');

      await community.page.reload();
      await community.page.getByTestId('project-signoff').click();
      await pickModalRadio(community.page, zhCN['lists.signOff.approve']);
      await community.page.getByTestId('signoff-submit').click();
      await expect.poll(() => status.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');

      // 6. A resident of the community rates it on a phone.
      await logIn(resident.page, 'resident', DEMO_PASSWORD);
      await resident.page.goto(`/lists/projects/${project.id}`);
      await resident.page.getByTestId('project-rate').click();
      await resident.page.locator('.ant-modal:visible .ant-rate-star').nth(3).click();
      await resident.page.getByTestId('rate-submit').click();
      const ratings = resident.page.getByTestId('ratings');
      await ratings.waitFor({ timeout: 20_000 });
      const rated = (await (await resident.page.request.get(`/api/v1/lists/projects/${project.id}`)).json()) as { ratingAverage: number; ratingCount: number };
      expect(rated).toMatchObject({ ratingAverage: 4, ratingCount: 1 });
      expect(await resident.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);

      // 7. The supervisor raises the yearly rule to 3; each unit's bar counts against it.
      await logIn(supervisor.page, 'supervisor', DEMO_PASSWORD);
      await supervisor.page.goto('/lists/claim-rule');
      const input = supervisor.page.getByTestId('rule-input');
      await input.waitFor({ timeout: 20_000 });
      await input.fill('3');
      await supervisor.page.getByTestId('rule-save').click();
      await expect.poll(async () => (await supervisor.page.getByTestId('rule-min').textContent()) ?? '', { timeout: 20_000 }).toContain('3');
      const row = supervisor.page.getByTestId('rule-unit').filter({ hasText: UNIT });
      await row.waitFor({ timeout: 20_000 });
      expect(await row.textContent()).toMatch(/\d+\/3/);
    } finally {
      await Promise.all([community.context.close(), unit.context.close(), resident.context.close(), supervisor.context.close()]);
    }
  });
});
