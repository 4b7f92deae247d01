/**
 * Spreadsheets in and out (.xlsx, through exceljs). An uploaded workbook is hostile until checked:
 * before exceljs decodes anything, checkWorkbookArchive reads the zip's central directory (entry
 * count, declared sizes, compression ratio) and inflates each entry as a stream that stops at its
 * declared size, counting the rows and cells of each worksheet and stopping at the limits — so a
 * zip bomb or a million-row sheet is refused in milliseconds with no memory growth. Reading then
 * turns every cell into trimmed text
 * (dates as YYYY-MM-DD, formulas as their cached result, never evaluated). Writing stores every
 * value as text, and text that a spreadsheet would read as a formula (= + - @) gets a leading
 * apostrophe, so an exported sheet cannot run anything when opened.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from './errors';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Cells in all worksheets together (what exceljs would hold in memory): 25 columns of every allowed row. */
export const MAX_IMPORT_CELLS = MAX_IMPORT_ROWS * 25;
/** Limits on the zip inside an .xlsx file, checked before anything is decoded. */
export const WORKBOOK_LIMITS = {
  entries: 500,
  /** The inflated size of all entries together. */
  uncompressedBytes: 64 * 1024 * 1024,
  /** Inflated ÷ compressed, for entries over 1 MiB inflated (XML compresses about 5–20×; the bomb of issue 18 is 1000×). */
  ratio: 100,
} as const;

const tooLarge = (reason: 'entries' | 'size' | 'ratio', limit: number) =>
  new AppError('IMPORT_FILE_TOO_LARGE', 400, 'The workbook unpacks to more than an import may hold (a damaged or hostile file?); split it or save it again', {
    reason,
    limit,
  });
const invalid = (why: string) => new AppError('IMPORT_FILE_INVALID', 400, `The file could not be read as an .xlsx workbook (${why})`);
const tooManyRows = () =>
  new AppError('IMPORT_TOO_MANY_ROWS', 400, `A sheet may hold at most ${MAX_IMPORT_ROWS} rows; split the file`, { maxRows: MAX_IMPORT_ROWS });

interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

/** The entries of a zip from its central directory, with bounds checked; no zip64, no encryption. */
function zipEntries(data: Buffer): ZipEntryInfo[] {
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw invalid('no zip directory');
  const count = data.readUInt16LE(end + 10);
  const dirSize = data.readUInt32LE(end + 12);
  const dirStart = data.readUInt32LE(end + 16);
  if (count > WORKBOOK_LIMITS.entries) throw tooLarge('entries', WORKBOOK_LIMITS.entries);
  if (dirStart + dirSize > end) throw invalid('zip directory out of bounds');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (let i = 0, at = dirStart; i < count; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== 0x02014b50) throw invalid('zip directory damaged');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw invalid('encrypted');
    if (method !== 0 && method !== 8) throw invalid('unknown compression');
    if (size === 0xffffffff || compressedSize === 0xffffffff || local === 0xffffffff) throw tooLarge('size', WORKBOOK_LIMITS.uncompressedBytes);
    total += size;
    if (total > WORKBOOK_LIMITS.uncompressedBytes) throw tooLarge('size', WORKBOOK_LIMITS.uncompressedBytes);
    if (size > 1024 * 1024 && size > compressedSize * WORKBOOK_LIMITS.ratio) throw tooLarge('ratio', WORKBOOK_LIMITS.ratio);
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw invalid('zip entry damaged');
    const dataStart = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (dataStart + compressedSize > data.length) throw invalid('zip entry out of bounds');
    entries.push({ name, method, compressedSize, size, dataStart });
    at = next;
  }
  return entries;
}

/** Where a row or a cell element starts, with or without a namespace prefix (`<row `, `<x:c>`). */
const ROW_OR_CELL = /<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]/g;

/**
 * Inflates one entry as a stream, refusing it once it passes its declared size (a central
 * directory may lie) or, for a worksheet, once its rows or the cells so far pass the limits.
 * Returns the cells it counted.
 */
function inspectEntry(data: Buffer, entry: ZipEntryInfo, cellsBefore: number): Promise<number> {
  const worksheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
  const raw = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  return new Promise((resolve, reject) => {
    let bytes = 0;
    let rows = 0;
    let cells = cellsBefore;
    let carry = '';
    let settled = false;
    const stream = entry.method === 8 ? zlib.createInflateRaw() : null;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      stream?.destroy();
      if (err) reject(err);
      else resolve(cells - cellsBefore);
    };
    const take = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > entry.size) return settle(tooLarge('size', WORKBOOK_LIMITS.uncompressedBytes));
      if (!worksheet) return;
      // Count the elements that end in this chunk (one that started in the carried tail was not complete before).
      const text = carry + chunk.toString('latin1');
      for (const m of text.matchAll(ROW_OR_CELL)) {
        if (m.index + m[0].length <= carry.length) continue;
        if (m[1] === 'row') rows++;
        else cells++;
      }
      carry = text.slice(-64);
      if (rows > MAX_IMPORT_ROWS + 1) return settle(tooManyRows());
      if (cells > MAX_IMPORT_CELLS) return settle(tooLarge('size', WORKBOOK_LIMITS.uncompressedBytes));
    };
    if (!stream) {
      take(raw);
      return settle(null);
    }
    stream.on('data', (chunk: Buffer) => take(chunk));
    stream.on('error', () => settle(invalid('damaged compressed data')));
    stream.on('end', () => settle(null));
    stream.end(raw);
  });
}

/**
 * Checks an uploaded .xlsx file before it is decoded: the zip's directory (entries, declared
 * sizes, ratio), then each entry inflated as a stream against its declared size, the rows of each
 * worksheet and the cells of all of them. Throws the 400 to answer; returns when exceljs may load it.
 */
export async function checkWorkbookArchive(data: Buffer): Promise<void> {
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('IMPORT_FILE_INVALID', 400, 'The file is not an .xlsx workbook (save it from Excel or WPS as .xlsx)');
  }
  let cells = 0;
  for (const entry of zipEntries(data)) cells += await inspectEntry(data, entry, cells);
}

export interface SheetRow {
  /** The spreadsheet row number (header is 1). */
  row: number;
  values: Record<string, string>;
  /** Columns whose cell held a number too long to be exact (an ID number typed as a number). */
  imprecise: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises text a spreadsheet would take for a formula. */
export function safeCellText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes safeCellText on the way back in. */
export function unescapeCellText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function cellText(cell: ExcelJS.Cell): { text: string; imprecise: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '', imprecise: false };
  if (v instanceof Date) return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`, imprecise: false };
  if (typeof v === 'number') {
    const imprecise = !Number.isSafeInteger(v) && Number.isInteger(v);
    return { text: Number.isInteger(v) ? v.toFixed(0) : String(v), imprecise };
  }
  if (typeof v === 'boolean') return { text: v ? '是' : '否', imprecise: false };
  if (typeof v === 'string') return { text: unescapeCellText(v.trim()), imprecise: false };
  if (typeof v === 'object') {
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join('').trim(), imprecise: false };
    if ('text' in v && typeof v.text === 'string') return { text: v.text.trim(), imprecise: false };
    if ('result' in v) {
      const r = (v as { result?: unknown }).result;
      if (r instanceof Date) return { text: `${r.getUTCFullYear()}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`, imprecise: false };
      return { text: r === undefined || r === null ? '' : String(r).trim(), imprecise: false };
    }
    if ('error' in v) return { text: '', imprecise: false };
  }
  return { text: String(v).trim(), imprecise: false };
}

/** Reads the first worksheet; refuses what is not an .xlsx file. */
export async function readSheet(data: Buffer): Promise<Sheet> {
  await checkWorkbookArchive(data);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_INVALID', 400, 'The file could not be read as an .xlsx workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_EMPTY', 400, 'The workbook has no worksheet');
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell).text.replace(/\s+/g, '').replace(/[*＊]$/, '');
  });
  if (headers.filter(Boolean).length === 0) throw new AppError('IMPORT_EMPTY', 400, 'The first row must hold the column headers');
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) throw tooManyRows();
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    const imprecise: string[] = [];
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const { text, imprecise: bad } = cellText(row.getCell(i + 1));
      values[h] = text;
      if (text) any = true;
      if (bad) imprecise.push(h);
    });
    if (any) rows.push({ row: rowNumber, values, imprecise });
  });
  if (rows.length === 0) throw new AppError('IMPORT_EMPTY', 400, 'The sheet has no data rows under the headers');
  return { headers: headers.filter(Boolean), rows };
}

export interface ColumnSpec {
  header: string;
  width?: number;
  note?: string;
}

/** Writes one sheet of text cells (and optionally a notes sheet) and returns the file. */
export async function writeSheet(
  name: string,
  columns: ColumnSpec[],
  rows: Array<Array<string | number | null | undefined>>,
  notes?: Array<[string, string]>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongjian';
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF5E6E6' } };
  columns.forEach((c, i) => {
    if (c.note) header.getCell(i + 1).note = c.note;
    ws.getColumn(i + 1).numFmt = '@';
  });
  for (const r of rows) ws.addRow(r.map((v) => (v === null || v === undefined ? null : safeCellText(String(v)))));
  if (notes?.length) {
    const ns = wb.addWorksheet('说明');
    ns.columns = [
      { header: '列', width: 16 },
      { header: '说明', width: 80 },
    ];
    ns.getRow(1).font = { bold: true };
    for (const [k, v] of notes) ns.addRow([k, v]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
