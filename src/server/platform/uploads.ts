/**
 * Uploaded files, kept outside the database: the type is read from the bytes (magic numbers,
 * never the file name), the size is bounded, and each file is stored once under
 * `<uploadDir>/<aa>/<sha256>` (content-addressed: the same bytes uploaded twice share a file).
 * JPEG and PNG images get a JPEG thumbnail under `<uploadDir>/thumbs/<sha256>.jpg`, made in pure
 * JavaScript (jpeg-js, pngjs: no native code, no install script). Access checks are the caller's
 * business (the owning module decides who may see which upload).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from './errors';

export const UPLOAD_MAX_BYTES = 8 * 1024 * 1024;
export const THUMBNAIL_MAX_SIDE = 320;
/**
 * Images larger than this (in megapixels) are refused: the size is read from the header before any
 * decoding, so a small file that would decode to gigabytes (a decompression bomb) costs nothing.
 */
export const IMAGE_MAX_MEGAPIXELS = 40;

export type UploadMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp' | 'application/pdf';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The type the bytes say they are, or null for anything not accepted (executables, archives, scripts…). */
export function detectMime(bytes: Uint8Array): UploadMime | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 6 && (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a')))) return 'image/gif';
  if (bytes.length >= 12 && startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (bytes.length >= 5 && startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export const isImage = (mime: string) => mime.startsWith('image/');

export interface ImageSize {
  width: number;
  height: number;
}

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic), which carry the size. */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegSize(b: Buffer): ImageSize | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a segment
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image, or scan data before any frame header
    const length = b.readUInt16BE(i + 2);
    if (JPEG_SOF.has(marker)) {
      if (i + 9 > b.length) return null;
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function webpSize(b: Buffer): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return null;
}

/**
 * The pixel size an image declares in its header (PNG IHDR, JPEG SOF, GIF screen, WebP VP8*), read
 * without decoding anything; null when the header does not say.
 */
export function imageSize(bytes: Buffer, mime: UploadMime): ImageSize | null {
  switch (mime) {
    case 'image/png':
      return bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR' ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : null;
    case 'image/jpeg':
      return jpegSize(bytes);
    case 'image/gif':
      return bytes.length >= 10 ? { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) } : null;
    case 'image/webp':
      return webpSize(bytes);
    case 'application/pdf':
      return null;
  }
}

export interface StoredFile {
  sha256: string;
  mime: UploadMime;
  size: number;
  hasThumbnail: boolean;
}

/** Decodes base64 strictly (a malformed string is a 400, not garbage bytes). */
export function decodeBase64(text: string): Buffer {
  const clean = text.replace(/^data:[^,]{0,100},/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new AppError('UPLOAD_ENCODING', 400, 'The file content is not valid base64', [{ path: 'body/contentBase64', message: 'not base64' }]);
  }
  return Buffer.from(clean, 'base64');
}

function filePath(dir: string, sha: string): string {
  return path.join(dir, sha.slice(0, 2), sha);
}
function thumbPath(dir: string, sha: string): string {
  return path.join(dir, 'thumbs', `${sha}.jpg`);
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Writes through a temporary name and renames, so a reader never sees half a file. */
async function writeOnce(p: string, bytes: Uint8Array): Promise<void> {
  if (await exists(p)) return;
  await mkdir(path.dirname(p), { recursive: true });
  const tmp = `${p}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, bytes, { mode: 0o640 });
  await rename(tmp, p);
}

/** Checks and stores the bytes; returns what the database row needs. */
export async function storeFile(uploadDir: string, bytes: Buffer): Promise<StoredFile> {
  if (bytes.length === 0) throw new AppError('UPLOAD_EMPTY', 400, 'The file is empty');
  if (bytes.length > UPLOAD_MAX_BYTES) {
    throw new AppError('UPLOAD_TOO_LARGE', 400, `The file is larger than ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB`, { maxBytes: UPLOAD_MAX_BYTES });
  }
  const mime = detectMime(bytes);
  if (!mime) throw new AppError('UPLOAD_TYPE', 400, 'Only JPEG, PNG, GIF and WebP images and PDF documents are accepted (the content decides, not the name)');
  const size = imageSize(bytes, mime);
  if (size && size.width * size.height > IMAGE_MAX_MEGAPIXELS * 1_000_000) {
    throw new AppError('UPLOAD_IMAGE_TOO_LARGE', 400, `The image has more than ${IMAGE_MAX_MEGAPIXELS} megapixels`, {
      width: size.width,
      height: size.height,
      maxMegapixels: IMAGE_MAX_MEGAPIXELS,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await writeOnce(filePath(uploadDir, sha256), bytes);
  let hasThumbnail = await exists(thumbPath(uploadDir, sha256));
  if (!hasThumbnail && size && (mime === 'image/jpeg' || mime === 'image/png')) {
    const thumb = makeThumbnail(bytes, mime);
    if (thumb) {
      await writeOnce(thumbPath(uploadDir, sha256), thumb);
      hasThumbnail = true;
    }
  }
  return { sha256, mime, size: bytes.length, hasThumbnail };
}

export async function readStoredFile(uploadDir: string, sha256: string, thumbnail = false): Promise<Buffer | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  try {
    return await readFile(thumbnail ? thumbPath(uploadDir, sha256) : filePath(uploadDir, sha256));
  } catch {
    return null;
  }
}

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decode(bytes: Buffer, mime: 'image/jpeg' | 'image/png'): Rgba | null {
  // Never decode what the header does not size, or sizes over the limit (storeFile refuses those first).
  const size = imageSize(bytes, mime);
  if (!size || size.width * size.height > IMAGE_MAX_MEGAPIXELS * 1_000_000) return null;
  try {
    if (mime === 'image/jpeg') {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: IMAGE_MAX_MEGAPIXELS, maxMemoryUsageInMB: 512 });
      return { width: img.width, height: img.height, data: img.data };
    }
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  } catch {
    return null; // stored, but no thumbnail (the original is still served)
  }
}

/** Box-filter downscale to fit THUMBNAIL_MAX_SIDE, flattened on white, encoded as JPEG. */
export function makeThumbnail(bytes: Buffer, mime: 'image/jpeg' | 'image/png'): Buffer | null {
  const img = decode(bytes, mime);
  if (!img || img.width === 0 || img.height === 0) return null;
  const scale = Math.min(1, THUMBNAIL_MAX_SIDE / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * img.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * img.height) / h));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor((x * img.width) / w);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * img.width) / w));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * img.width + xx) * 4;
          const a = img.data[i + 3]! / 255;
          r += img.data[i]! * a + 255 * (1 - a);
          g += img.data[i + 1]! * a + 255 * (1 - a);
          b += img.data[i + 2]! * a + 255 * (1 - a);
          n++;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return jpeg.encode({ width: w, height: h, data: out }, 75).data;
}
