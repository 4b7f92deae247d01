/**
 * Exports of staff lists and statistics: the list's own service, called with the page's filters,
 * page after page, streamed into an .xlsx (exceljs's WorkbookWriter) as the rows arrive. What the
 * file holds is exactly what the page shows: the same filters, the same scope, the same masking
 * (the list already masks personal data). One audit row names who exported what, with the filters
 * and the row count, before the first byte leaves.
 *
 * A route adds an export in a line or two:
 *   app.get('/x/export', exportRoute(XQuery, 'x.read'), (request, reply) => sendExport(ctx, request, reply, { ... }));
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type TObject } from 'typebox';
import { Binary, errorResponses } from '../../contracts/common';
import type { Permission } from '../../domain/access/roles';
import { writeAudit } from './audit';
import type { AppContext } from './context';
import { badRequest } from './errors';
import { auditActor } from './guard';
import { XLSX_MIME, safeCellText } from './xlsx';

/** The most rows one export holds (a city's members fit; beyond, narrow the filters). */
export const MAX_EXPORT_ROWS = 100_000;
const EXPORT_PAGE = 1_000;

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | undefined;
}

export interface ExportSpec<T> {
  /** Saved as `<fileName>-<date>.xlsx`. */
  fileName: string;
  sheet: string;
  /** The audit action, e.g. `registration.export`. */
  action: string;
  /** The page's filters (written to the audit row). */
  filters: unknown;
  columns: Array<ExportColumn<T>>;
  /** One page of the list, exactly as the page asks for it. */
  page: (page: number, pageSize: number) => Promise<{ items: T[]; total?: number }>;
}

/**
 * The route options of an export beside a list: the list's query (plus `full`, which the shared
 * export button sends; these exports are masked only), the permission, an .xlsx response.
 */
export function exportRoute(query: TObject, permission: Permission, summary: string, tags: string[]) {
  return {
    schema: {
      tags,
      summary,
      querystring: Type.Object({ ...query.properties, full: Type.Optional(Type.Boolean({ description: 'refused: these exports hold masked data only' })) }, { additionalProperties: false }),
      response: { 200: Binary, ...errorResponses },
    },
    config: { permission },
  };
}

/** The query without the export's own `full` flag (refused when true). */
export function listQuery<Q>(query: unknown): Q {
  const { full, ...rest } = query as Record<string, unknown> & { full?: boolean };
  if (full === true) throw badRequest('FULL_EXPORT_UNAVAILABLE', 'This list exports masked data only, as it is shown', [{ path: 'querystring/full', message: 'must be false' }]);
  return rest as unknown as Q;
}

export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer | NodeJS.ReadableStream): FastifyReply {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

function cell(v: string | number | boolean | null | undefined): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return safeCellText(v);
}

/** Streams the list to the reply as .xlsx, audited. */
export async function sendExport<T>(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, spec: ExportSpec<T>): Promise<FastifyReply> {
  const first = await spec.page(1, EXPORT_PAGE);
  if ((first.total ?? 0) > MAX_EXPORT_ROWS) {
    throw badRequest('EXPORT_TOO_LARGE', `An export holds at most ${MAX_EXPORT_ROWS} rows; narrow the filters`, { total: first.total, max: MAX_EXPORT_ROWS });
  }
  await writeAudit(ctx.db, auditActor(request), { action: spec.action, entityType: null, entityId: null, after: { rows: first.total ?? first.items.length, filters: spec.filters } });

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Gongjian';
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const write = (items: T[]) => {
    for (const item of items) ws.addRow(spec.columns.map((c) => cell(c.value(item)))).commit();
  };
  void (async () => {
    write(first.items);
    let written = first.items.length;
    for (let page = 2; first.items.length === EXPORT_PAGE && written < MAX_EXPORT_ROWS; page++) {
      const next = await spec.page(page, EXPORT_PAGE);
      write(next.items);
      written += next.items.length;
      if (next.items.length < EXPORT_PAGE) break;
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => {
    request.log.error({ err }, 'export failed while streaming');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  const date = new Date().toISOString().slice(0, 10);
  return sendXlsx(reply, `${spec.fileName}-${date}.xlsx`, out);
}
