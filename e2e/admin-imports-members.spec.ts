// An administrator imports a member sheet with errors, sees them row by row, fixes the sheet and
// imports it; a second upload of the same sheet changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeIdNumber } from '../src/domain/directory/id-number';
import { VIEWPORTS, describeBrowser, launch, logIn, newPage } from './support/browser';

const HEADERS = ['姓名*', '性别', '出生日期', '手机号', '身份证号', '是否党员', '入党日期', '工作单位', '居住社区', '网格', '楼栋', '技能特长', '状态'];

async function sheet(file: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

describeBrowser('an administrator imports members', () => {
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-e2e-import-'));
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await Promise.race([browser?.close(), new Promise((r) => setTimeout(r, 10_000))]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fixes the rows the report names and imports the sheet (desktop)', async () => {
    const good = (i: number) => [`导入测试${'甲乙丙丁戊'[i]}`, '', '', `1370000${String(1000 + i)}`, makeIdNumber('330102', `1980-0${i + 1}-15`, 100 + i * 2), '是', '2005-07-01', '临江市税务局机关党支部', '幸福社区', '', '', '政策宣讲', '在册'];
    const bad = [...good(4)];
    bad[4] = '330102198005151230'; // wrong check character
    bad[8] = '不存在社区';
    const withErrors = path.join(dir, 'members-errors.xlsx');
    await sheet(withErrors, [good(0), good(1), good(2), good(3), bad]);

    const { context, page } = await newPage(browser, VIEWPORTS.desktop);
    try {
      await logIn(page, 'admin', inject('e2eAdminPassword'));
      await page.goto('/directory/import');
      await page.getByTestId('import-kind').waitFor();
      await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(withErrors);
      const errors = page.getByTestId('import-error-table');
      await errors.waitFor({ timeout: 30_000 });
      await expect.poll(() => errors.textContent()).toContain('身份证号');
      expect(await errors.textContent()).toContain('居住社区');
      expect(await errors.textContent()).toContain('6'); // the bad row is sheet row 6

      // Fix the sheet: the bad row gets a valid ID number and a real community.
      await page.getByTestId('import-discard').click();
      const fixed = path.join(dir, 'members-fixed.xlsx');
      const repaired = [...good(4)];
      await sheet(fixed, [good(0), good(1), good(2), good(3), repaired]);
      await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(fixed);
      await page.getByTestId('import-commit').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('import-error-table').count()).toBe(0);
      await page.getByTestId('import-commit').click();
      const result = page.getByTestId('import-result');
      await result.waitFor({ timeout: 30_000 });
      await expect.poll(() => result.textContent()).toContain('5');

      // The members are in the list, masked.
      const list = await page.request.get('/api/v1/members?q=导入测试&pageSize=50');
      const body = await list.json();
      expect(body.total).toBe(5);
      expect(JSON.stringify(body)).not.toContain('13700001000');
    } finally {
      await context.close();
    }
  });
});
