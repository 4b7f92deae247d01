/**
 * Spreadsheets in and out (.xlsx, through exceljs). Reading turns every cell into trimmed text
 * (dates as YYYY-MM-DD, formulas as their cached result, never evaluated). Writing stores every
 * value as text, and text that a spreadsheet would read as a formula (= + - @) gets a leading
 * apostrophe, so an exported sheet cannot run anything when opened.
 */
import ExcelJS from 'exceljs';
import { AppError } from './errors';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

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
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new AppError('IMPORT_FILE_INVALID', 400, 'The file is not an .xlsx workbook (save it from Excel or WPS as .xlsx)');
  }
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
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS) {
    throw new AppError('IMPORT_TOO_MANY_ROWS', 400, `A sheet may hold at most ${MAX_IMPORT_ROWS} rows; split the file`, { rows: ws.rowCount - 1 });
  }
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
