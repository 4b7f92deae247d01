// Hostile files made on the spot (nothing big is committed): an image whose header claims
// 20000×20000 pixels, a zip bomb dressed as a workbook, a workbook of a million rows. Issue 18.
import zlib from 'node:zlib';

// ---------- images ----------

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(type)) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A PNG of `width`×`height` black pixels, 1 bit per pixel: about 50 KB for 20000×20000, which a
 * decoder turns into 1.6 GB of RGBA.
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  const row = 1 + Math.ceil(width / 8);
  const idat = zlib.deflateSync(Buffer.alloc(row * height), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** The start of a JPEG whose frame header (SOF0) claims `width`×`height`, after an APP0 segment. */
export function jpegHeader(width = 20_000, height = 20_000): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);
}

// ---------- zip and xlsx ----------

export interface ZipEntry {
  name: string;
  /** Raw deflate data. */
  deflated: Buffer;
  size: number;
  crc: number;
}

export function deflatedEntry(name: string, data: Buffer | string): ZipEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return { name, deflated: zlib.deflateRawSync(bytes), size: bytes.length, crc: zlib.crc32(bytes) >>> 0 };
}

/** A zip of deflated entries (no zip64, no data descriptors). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook around its sheet. */
function workbookParts(): ZipEntry[] {
  return [
    deflatedEntry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    deflatedEntry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    deflatedEntry(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedEntry(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
  ];
}

/**
 * A workbook whose sheet is `mib` MiB of spaces: about 1 KB of zip per MiB (400 MiB in about
 * 410 KB). The deflate stream is pieces made independent by full flushes, so the file is made in
 * about half a second without holding the inflated text.
 */
export function zipBombXlsx(mib = 400): Buffer {
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const spaces = Buffer.alloc(1 << 20, 0x20);
  const spacesDeflated = zlib.deflateRawSync(spaces, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = zlib.crc32(head);
  const pieces = [zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_FULL_FLUSH })];
  for (let i = 0; i < mib; i++) {
    pieces.push(spacesDeflated);
    crc = zlib.crc32(spaces, crc);
  }
  pieces.push(zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, crc);
  return zip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(pieces), size: head.length + mib * spaces.length + tail.length, crc: crc >>> 0 }]);
}

/**
 * A workbook with a header row and `rows` data rows of a name and a phone number: 1,000,000 rows
 * are about 88 MB of sheet text in a zip of about 8.6 MB (the sheet of issue 18), made in about a
 * second. With `empty`, the rows hold no cells (`<row r="…"/>`: 17 MB of text for a million).
 */
export function manyRowsXlsx(rows = 1_000_000, options: { empty?: boolean } = {}): Buffer {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>手机号</t></is></c></row>';
  // Fixed-width row numbers (leading zeros), so every row is the same template with its number written in.
  const row = Buffer.from(options.empty ? '<row r="#######"/>' : '<row r="#######"><c r="A#######" t="inlineStr"><is><t>张三</t></is></c><c r="B#######"><v>13800000000</v></c></row>');
  const at: number[] = [];
  for (let i = row.indexOf('#'); i >= 0; i = row.indexOf('#', i + 7)) at.push(i);
  const body = Buffer.alloc(row.length * rows, row);
  for (let i = 0; i < rows; i++) {
    const n = String(i + 2).padStart(7, '0');
    for (const offset of at) body.write(n, i * row.length + offset, 'latin1');
  }
  const sheet = Buffer.concat([Buffer.from(SHEET_HEAD + header), body, Buffer.from(SHEET_TAIL)]);
  return zip([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: zlib.deflateRawSync(sheet, { level: 1 }), size: sheet.length, crc: zlib.crc32(sheet) >>> 0 }]);
}
