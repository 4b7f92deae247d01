// Spreadsheets for the directory tests: build an .xlsx upload from headers and rows (cells keep
// their JavaScript type, so a number stays a number cell, as when someone types an ID number into
// Excel), read a downloaded .xlsx back, and upload through the harness client.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from './harness';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellInput = string | number | boolean | Date | null | undefined | ExcelJS.CellValue;

/** An .xlsx file with one sheet: the header row, then the rows as given. */
export async function buildXlsx(headers: string[], rows: CellInput[][] = [], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  if (headers.length) ws.addRow(headers);
  for (const r of rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Builds rows from objects keyed by header (missing keys are empty cells). */
export async function buildXlsxFromObjects(headers: string[], rows: Array<Record<string, CellInput>>): Promise<Buffer> {
  return buildXlsx(
    headers,
    rows.map((r) => headers.map((h) => r[h] ?? null)),
  );
}

export interface ReadSheet {
  worksheet: ExcelJS.Worksheet;
  workbook: ExcelJS.Workbook;
  headers: string[];
  /** Data rows (row 2 on) as text keyed by header. */
  rows: Array<Record<string, string>>;
}

function cellString(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return cell.text;
}

/** Reads the first worksheet of a downloaded .xlsx. */
export async function readXlsx(data: Buffer): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0]!;
  const headers: string[] = [];
  worksheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellString(cell);
  });
  const rows: Array<Record<string, string>> = [];
  worksheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const values: Record<string, string> = {};
    headers.forEach((h, i) => {
      values[h] = cellString(row.getCell(i + 1));
    });
    rows.push(values);
  });
  return { workbook, worksheet, headers, rows };
}

/** The body of a binary response as a Buffer. */
export function bodyBuffer(res: LightMyRequestResponse): Buffer {
  return res.rawPayload;
}

/** Uploads a sheet for validation: POST /api/v1/imports/:kind with the raw file as the body. */
export function uploadSheet(c: Client, kind: 'members' | 'households' | 'organizations' | 'regions', file: Buffer, fileName = `${kind}.xlsx`, contentType = XLSX_MIME): Promise<LightMyRequestResponse> {
  return c.request('POST', `/api/v1/imports/${kind}?fileName=${encodeURIComponent(fileName)}`, file, { 'content-type': contentType });
}
