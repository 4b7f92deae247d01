// The three lists end to end (三单式服务): the tax bureau's admin publishes a resource on a phone; the
// 幸福社区 worker publishes a need on a desktop, sees that resource suggested for it, and turns the
// need into a project with one milestone; the unit finds the need among its resource's suggestions,
// claims the project answering it, reports the milestone done with a photo (a real PNG made here),
// and asks for sign-off; the community signs it off and the project is completed. The community's
// wall screen, opened without logging in, shows the need and the project.
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { zhCN as appZhCN } from '../src/web/lib/i18n/zh-CN';
import { listsZhCN } from '../src/web/modules/lists/i18n';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage, pickModalRadio } from './support/browser';

const zhCN = { ...appZhCN, ...listsZhCN };

const DEMO_PASSWORD = 'Gongjian-Demo-2026';
const UNIT = '临江市税务局机关党支部';
const COMMUNITY = '幸福社区';

// ---- a small real PNG (16×16, red and gold stripes), encoded here with zlib ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function stripesPng(size = 16): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const gold = Math.floor(y / 4) % 2 === 1;
      row.set(gold ? [0xff, 0xd6, 0x66] : [0xc0, 0x28, 0x2d], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- helpers ----

async function csrf(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

/** The unit and the community must be actively paired for the unit to see the need and claim; pair them if the demo has not. */
async function ensurePaired(browser: Browser): Promise<void> {
  const { context, page } = await newPage(browser, VIEWPORTS.desktop);
  try {
    await logIn(page, 'supervisor', DEMO_PASSWORD);
    const pairings = (await (await page.request.get('/api/v1/pairings?status=active&pageSize=200')).json()) as { items: { unitName: string; communityName: string }[] };
    if (pairings.items.some((p) => p.unitName === UNIT && p.communityName === COMMUNITY)) return;
    const units = (await (await page.request.get(`/api/v1/organizations?q=${encodeURIComponent(UNIT)}&kind=unit`)).json()) as { items: { id: string; name: string }[] };
    const regions = (await (await page.request.get(`/api/v1/regions?q=${encodeURIComponent(COMMUNITY)}&kind=community`)).json()) as { items: { id: string; name: string }[] };
    const created = await page.request.post('/api/v1/pairings', {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { unitOrgId: units.items.find((u) => u.name === UNIT)?.id, communityId: regions.items.find((r) => r.name === COMMUNITY)?.id, note: 'e2e lists' },
    });
    expect(created.status()).toBe(201);
  } finally {
    await context.close();
  }
}

/**
 * Opens the antd Select `testId` and picks the option `label`, until the select shows it (a click
 * that lands while a drawer still slides in can miss: then it opens the list again).
 */
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

/** Clicks `button` and waits for the answer of `method path` (so that a refusal fails here, saying why). */
async function submitAndExpect(page: Page, button: string, method: string, path: RegExp, status: number): Promise<void> {
  const answered = page.waitForResponse((r) => r.request().method() === method && path.test(new URL(r.url()).pathname), { timeout: 20_000 });
  await page.getByTestId(button).click();
  const response = await answered;
  expect(response.status(), await response.text()).toBe(status);
}

async function noSideways(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
}

function isoDaysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describeBrowser('a unit claims a project answering a community need', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
  });

  it('resource → need with suggestions → project → claim → milestone with photo → sign-off → wall screen', async () => {
    await ensurePaired(browser);
    const tag = Date.now().toString(36).slice(-5);
    const resourceTitle = `个税汇算清缴辅导讲座 ${tag}`;
    const needTitle = `为社区居民开展个税汇算清缴辅导 ${tag}`;
    const unit = await newPage(browser, VIEWPORTS.phone);
    const community = await newPage(browser, VIEWPORTS.desktop);
    const stranger = await newPage(browser, VIEWPORTS.desktop);
    try {
      // 1. The unit's admin publishes a resource on a phone.
      await logIn(unit.page, 'unit', DEMO_PASSWORD);
      await unit.page.goto('/lists/resources');
      await unit.page.getByTestId('resource-new').click();
      const resourceForm = unit.page.getByTestId('resource-form');
      await resourceForm.waitFor({ timeout: 20_000 });
      await pick(unit.page, 'resource-form-kind', zhCN['lists.resourceKind.service']);
      await pick(unit.page, 'resource-form-category', zhCN['lists.category.legal_aid']);
      await unit.page.getByTestId('resource-form-title').fill(resourceTitle);
      await unit.page.getByTestId('resource-form-description').fill('税务干部志愿者上门讲解个税汇算清缴、专项附加扣除填报，解答居民涉税问题。');
      await submitAndExpect(unit.page, 'resource-form-submit', 'POST', /^\/api\/v1\/lists\/resources$/, 201);
      await unit.page.waitForURL(/\/lists\/resources\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      const resourceId = new URL(unit.page.url()).pathname.split('/').pop()!;
      await unit.page.getByTestId('resource-publish').click();
      const resourceStatus = unit.page.getByTestId('resource-status');
      await expect.poll(() => resourceStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('published');
      await noSideways(unit.page);

      // 2. The community worker publishes a need on a desktop.
      await logIn(community.page, 'community', DEMO_PASSWORD);
      await community.page.goto('/lists/needs');
      await community.page.getByTestId('need-new').click();
      await community.page.getByTestId('need-form').waitFor({ timeout: 20_000 });
      await community.page.getByTestId('need-form-title').fill(needTitle);
      await community.page.getByTestId('need-form-description').fill('不少居民不会在手机上办理个税汇算清缴和专项附加扣除，希望有税务专业人员到社区辅导。');
      await pick(community.page, 'need-form-category', zhCN['lists.category.legal_aid']);
      await submitAndExpect(community.page, 'need-form-submit', 'POST', /^\/api\/v1\/lists\/needs$/, 201);
      await community.page.waitForURL(/\/lists\/needs\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      const needId = new URL(community.page.url()).pathname.split('/').pop()!;
      const needStatus = community.page.getByTestId('need-status');
      await expect.poll(() => needStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('draft');
      await community.page.getByTestId('need-publish').click();
      await expect.poll(() => needStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('published');

      // The need's page suggests the unit's resource, with the reasons of the match.
      const resourceSuggestion = community.page.getByTestId('resource-suggestions').locator(`[data-testid="suggestion"][data-id="${resourceId}"]`);
      await resourceSuggestion.waitFor({ timeout: 20_000 });
      expect(await resourceSuggestion.textContent()).toContain(UNIT);
      expect(await resourceSuggestion.textContent()).toContain(zhCN['lists.scorePart.category']);
      // Why: the words both texts use, and the shared category; the worker marks it useful.
      expect(await resourceSuggestion.getByTestId('suggestion-why-words').textContent()).toContain('汇算');
      const feedback = resourceSuggestion.getByTestId('suggestion-feedback');
      const judged = community.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/v1/lists/needs/${needId}/suggestions/${resourceId}/feedback`), { timeout: 20_000 });
      await resourceSuggestion.getByTestId('suggestion-useful').click();
      expect((await judged).status()).toBe(200);
      await expect.poll(() => feedback.getAttribute('data-useful'), { timeout: 20_000 }).toBe('true');

      // 3. The community turns the need into a project with one milestone and publishes it.
      await community.page.getByTestId('need-make-project').click();
      const projectForm = community.page.getByTestId('project-form');
      await projectForm.waitFor({ timeout: 20_000 });
      expect(await community.page.getByTestId('project-form-title').inputValue()).toBe(needTitle);
      await community.page.getByTestId('project-form-goal').fill('全年开展 4 场个税辅导，服务居民不少于 200 人次。');
      const milestone = community.page.getByTestId('project-form-milestone').first();
      await milestone.locator('input').first().fill('完成第一场辅导讲座');
      const due = milestone.locator('.ant-picker input');
      await due.click();
      await due.fill(isoDaysAhead(30));
      await due.press('Enter');
      await submitAndExpect(community.page, 'project-form-submit', 'POST', /^\/api\/v1\/lists\/projects$/, 201);
      await community.page.waitForURL(/\/lists\/projects\/[0-9a-f-]{36}$/, { timeout: 20_000 });
      const projectId = new URL(community.page.url()).pathname.split('/').pop()!;
      const projectStatus = community.page.getByTestId('project-status');
      await expect.poll(() => projectStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('draft');
      expect(await community.page.getByTestId('project-needs').textContent()).toContain(needTitle);
      await community.page.getByTestId('project-publish').click();
      await expect.poll(() => projectStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('open');

      // 4. The unit sees the need suggested for its resource and follows it to the project.
      await unit.page.reload();
      const needSuggestion = unit.page.getByTestId('need-suggestions').locator(`[data-testid="suggestion"][data-id="${needId}"]`);
      await needSuggestion.waitFor({ timeout: 20_000 });
      await needSuggestion.getByTestId('suggestion-link').click();
      await unit.page.waitForURL(new RegExp(`/lists/needs/${needId}$`), { timeout: 20_000 });
      await unit.page.getByTestId('need-community-projects').click();
      await unit.page.waitForURL(/\/lists\/projects\?/, { timeout: 20_000 });
      // The community has more projects: the unit looks for this one by name.
      await unit.page.getByTestId('projects-search').locator('input').fill(tag);
      await unit.page.getByTestId('projects-search').locator('input').press('Enter');
      const card = unit.page.locator(`[data-testid="project-card"][data-id="${projectId}"]`);
      await card.waitFor({ timeout: 20_000 });
      await noSideways(unit.page);
      await card.click();
      await unit.page.waitForURL(new RegExp(`/lists/projects/${projectId}$`), { timeout: 20_000 });

      // 5. It claims the project (self-claim for the unit): the project is under way.
      await unit.page.getByTestId('project-claim').click();
      await unit.page.getByTestId('claim-note').fill('派 3 名税务干部每季度到社区辅导一次');
      await unit.page.getByTestId('claim-submit').click();
      const unitStatus = unit.page.getByTestId('project-status');
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('in_progress');
      const claim = unit.page.getByTestId('claim').first();
      expect(await claim.getAttribute('data-status')).toBe('active');
      expect(await claim.textContent()).toContain(UNIT);

      // 6. It reports the milestone done, with a photo; the thumbnail shows in the story.
      const milestoneRow = unit.page.getByTestId('milestone').first();
      const milestoneId = (await milestoneRow.getAttribute('data-id'))!;
      await unit.page.getByTestId(`milestone-report-${milestoneId}`).click();
      const reportForm = unit.page.getByTestId('report-form');
      await reportForm.waitFor({ timeout: 20_000 });
      await unit.page.getByTestId('report-note').fill('首场辅导讲座已在社区党群服务中心举办，到场居民 56 人，现场办理汇算 31 人。');
      await reportForm.locator('input[type=file]').setInputFiles({ name: 'lecture.png', mimeType: 'image/png', buffer: stripesPng() });
      await reportForm.locator('.ant-upload-list-item-done, .ant-upload-list-item.ant-upload-list-item-done').first().waitFor({ timeout: 20_000 });
      await unit.page.getByTestId('report-done').check();
      await unit.page.getByTestId('report-submit').click();
      const entry = unit.page.getByTestId('report-entry').first();
      await entry.waitFor({ timeout: 20_000 });
      expect(await entry.textContent()).toContain('到场居民 56 人');
      const thumb = entry.locator('img').first();
      await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await thumb.getAttribute('src')).toMatch(/\/api\/v1\/lists\/uploads\/[0-9a-f-]{36}\/thumbnail$/);
      await expect.poll(() => unit.page.getByTestId('milestone').first().getAttribute('data-done'), { timeout: 20_000 }).toBe('true');

      // …and asks the community to sign it off.
      await unit.page.getByTestId('project-submit').click();
      await unit.page.getByTestId('project-submit-confirm').click();
      await expect.poll(() => unitStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
      await noSideways(unit.page);

      // 7. The community signs it off: the project is completed.
      await community.page.reload();
      await expect.poll(() => projectStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('submitted');
      await community.page.getByTestId('project-signoff').click();
      await pickModalRadio(community.page, zhCN['lists.signOff.approve']);
      await community.page.getByTestId('signoff-submit').click();
      await expect.poll(() => projectStatus.getAttribute('data-status'), { timeout: 20_000 }).toBe('completed');
      expect(await projectStatus.textContent()).toContain(zhCN['lists.projectStatus.completed']);
      const signed = community.page.locator('[data-testid="signoff-entry"][data-decision="approved"]');
      await signed.waitFor({ timeout: 20_000 });
      // The community sees the unit's photo too.
      const communityThumb = community.page.getByTestId('report-entry').first().locator('img').first();
      await expect.poll(() => communityThumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBeGreaterThan(0);

      // 8. The wall screen, without logging in, shows the need and the completed project.
      const need = (await (await community.page.request.get(`/api/v1/lists/needs/${needId}`)).json()) as { communityId: string };
      await stranger.page.goto(`/wall/lists/${need.communityId}`);
      const title = stranger.page.getByTestId('wall-title');
      await title.waitFor({ timeout: 20_000 });
      expect(await title.textContent()).toContain(COMMUNITY);
      const wall = (await (await stranger.page.request.get(`/api/v1/public/lists/communities/${need.communityId}/wall`)).json()) as {
        needs: { title: string }[];
        projects: { title: string; status: string }[];
      };
      expect(wall.needs.map((n) => n.title)).toContain(needTitle);
      expect(wall.projects.find((p) => p.title === needTitle)?.status).toBe('completed');
      expect(Number(await stranger.page.getByTestId('wall-count-completed').locator('b').textContent())).toBeGreaterThanOrEqual(1);
    } finally {
      await Promise.all([unit.context.close(), community.context.close(), stranger.context.close()]);
    }
  });
});
