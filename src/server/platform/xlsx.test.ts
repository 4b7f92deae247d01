import { describe, expect, it } from 'vitest';
import { deflatedEntry, manyRowsXlsx, zip, zipBombXlsx } from '../../../test/support/hostile-files';
import { MAX_IMPORT_ROWS, WORKBOOK_LIMITS, checkWorkbookArchive, readSheet, writeSheet } from './xlsx';

describe('checkWorkbookArchive (issue 18: hostile workbooks are refused before they are decoded)', () => {
  it('lets a workbook written here through, and readSheet reads it', async () => {
    const file = await writeSheet('成员', [{ header: '姓名' }, { header: '手机号' }], [['张三', '13800000000'], ['=1+1', null]]);
    await expect(checkWorkbookArchive(file)).resolves.toBeUndefined();
    const sheet = await readSheet(file);
    expect(sheet.headers).toEqual(['姓名', '手机号']);
    expect(sheet.rows.map((r) => r.values)).toEqual([
      { 姓名: '张三', 手机号: '13800000000' },
      { 姓名: '=1+1', 手机号: '' },
    ]);
  });

  it('refuses a zip bomb by its declared size (400 MiB of spaces in about 410 KB)', async () => {
    const bomb = zipBombXlsx(400);
    expect(bomb.length).toBeLessThan(500_000);
    await expect(readSheet(bomb)).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', status: 400, details: { reason: 'size' } });
  });

  it('refuses an entry that inflates far more than its size (ratio), and one that lies about its size', async () => {
    const ratio = zip([deflatedEntry('xl/worksheets/sheet1.xml', Buffer.alloc(8 << 20, 0x20))]);
    await expect(checkWorkbookArchive(ratio)).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: { reason: 'ratio', limit: WORKBOOK_LIMITS.ratio } });
    const lying = zip([{ ...deflatedEntry('xl/worksheets/sheet1.xml', Buffer.alloc(1 << 20, 0x20)), size: 1000 }]);
    await expect(checkWorkbookArchive(lying)).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: { reason: 'size' } });
  });

  it('refuses too many entries and damaged zips', async () => {
    const many = zip(Array.from({ length: WORKBOOK_LIMITS.entries + 1 }, (_, i) => deflatedEntry(`x/${i}.xml`, 'x')));
    await expect(checkWorkbookArchive(many)).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', details: { reason: 'entries' } });
    const good = zip([deflatedEntry('a.xml', '<a/>')]);
    await expect(checkWorkbookArchive(good.subarray(0, good.length - 10))).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    await expect(checkWorkbookArchive(Buffer.from('not a zip at all'))).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
  });

  it('refuses a sheet of 1,000,000 rows by its size, or while inflating it, and takes one at the row limit', async () => {
    await expect(readSheet(manyRowsXlsx(1_000_000))).rejects.toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', status: 400, details: { reason: 'size' } });
    // Empty rows are small enough to pass the size check: the count stops them.
    await expect(readSheet(manyRowsXlsx(1_000_000, { empty: true }))).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', status: 400, details: { maxRows: MAX_IMPORT_ROWS } });
    await expect(checkWorkbookArchive(manyRowsXlsx(MAX_IMPORT_ROWS + 1))).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
    await expect(checkWorkbookArchive(manyRowsXlsx(MAX_IMPORT_ROWS))).resolves.toBeUndefined();
  });
});
