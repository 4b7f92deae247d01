import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { jpegHeader, pngBomb } from '../../../test/support/hostile-files';
import { IMAGE_MAX_MEGAPIXELS, UPLOAD_MAX_BYTES, decodeBase64, detectMime, imageSize, makeThumbnail, readStoredFile, storeFile } from './uploads';

function jpegOf(w: number, h: number): Buffer {
  const data = Buffer.alloc(w * h * 4, 128);
  return jpeg.encode({ width: w, height: h, data }, 80).data;
}

describe('detectMime', () => {
  it('reads the type from the bytes, whatever the name', () => {
    expect(detectMime(jpegOf(4, 4))).toBe('image/jpeg');
    const png = new PNG({ width: 2, height: 2 });
    expect(detectMime(PNG.sync.write(png))).toBe('image/png');
    expect(detectMime(Buffer.from('GIF89a......'))).toBe('image/gif');
    expect(detectMime(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(detectMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });
  it('refuses executables, scripts and archives', () => {
    expect(detectMime(Buffer.from('MZ\x90\x00PE\x00\x00', 'latin1'))).toBeNull();
    expect(detectMime(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toBeNull();
    expect(detectMime(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(detectMime(Buffer.from('PK\x03\x04', 'latin1'))).toBeNull();
    expect(detectMime(Buffer.from('<svg onload=alert(1)>'))).toBeNull();
    expect(detectMime(Buffer.alloc(0))).toBeNull();
  });
});

describe('storeFile', () => {
  it('stores identical bytes once under their sha-256, with a thumbnail for images', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gj-up-'));
    const bytes = jpegOf(800, 600);
    const a = await storeFile(dir, bytes);
    const b = await storeFile(dir, Buffer.from(bytes));
    expect(a).toEqual(b);
    expect(a).toMatchObject({ mime: 'image/jpeg', size: bytes.length, hasThumbnail: true });
    expect(readdirSync(path.join(dir, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
    expect((await readStoredFile(dir, a.sha256))!.equals(bytes)).toBe(true);
    const thumb = jpeg.decode((await readStoredFile(dir, a.sha256, true))!);
    expect([thumb.width, thumb.height]).toEqual([320, 240]);
    expect(await readStoredFile(dir, '../../etc/passwd')).toBeNull();
  });
  it('refuses empty, oversized and unknown content', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gj-up-'));
    await expect(storeFile(dir, Buffer.alloc(0))).rejects.toMatchObject({ code: 'UPLOAD_EMPTY' });
    const big = Buffer.concat([jpegOf(2, 2), Buffer.alloc(UPLOAD_MAX_BYTES)]);
    await expect(storeFile(dir, big)).rejects.toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
    await expect(storeFile(dir, Buffer.from('MZ\x90\x00', 'latin1'))).rejects.toMatchObject({ code: 'UPLOAD_TYPE' });
    expect(readdirSync(dir)).toEqual([]);
  });
  it('stores a PDF without a thumbnail, and a broken JPEG without one too', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gj-up-'));
    expect((await storeFile(dir, Buffer.from('%PDF-1.4\n%%EOF'))).hasThumbnail).toBe(false);
    expect((await storeFile(dir, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).hasThumbnail).toBe(false);
    expect(makeThumbnail(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).toBeNull();
  });
});

describe('decodeBase64', () => {
  it('accepts plain and data-URL base64, refuses garbage', () => {
    expect(decodeBase64('aGVsbG8=').toString()).toBe('hello');
    expect(decodeBase64('data:image/png;base64,aGVsbG8=').toString()).toBe('hello');
    expect(() => decodeBase64('!!!')).toThrow(/base64/);
  });
});

describe('images over the pixel limit (issue 18: a 1.2 MB PNG of 20000×20000 took 4 GB to decode)', () => {
  it('reads the size from the header of each image type without decoding', () => {
    expect(imageSize(jpegOf(800, 600), 'image/jpeg')).toEqual({ width: 800, height: 600 });
    expect(imageSize(PNG.sync.write(new PNG({ width: 30, height: 20 })), 'image/png')).toEqual({ width: 30, height: 20 });
    expect(imageSize(jpegHeader(20_000, 12_000), 'image/jpeg')).toEqual({ width: 20_000, height: 12_000 });
    expect(imageSize(Buffer.from('GIF89a\x10\x27\x10\x27\x00\x00', 'latin1'), 'image/gif')).toEqual({ width: 10_000, height: 10_000 });
    const vp8x = Buffer.alloc(30);
    vp8x.write('RIFF', 0, 'latin1');
    vp8x.write('WEBPVP8X', 8, 'latin1');
    vp8x.writeUIntLE(9_999, 24, 3);
    vp8x.writeUIntLE(9_999, 27, 3);
    expect(imageSize(vp8x, 'image/webp')).toEqual({ width: 10_000, height: 10_000 });
    expect(imageSize(Buffer.from('%PDF-1.4'), 'application/pdf')).toBeNull();
  });

  it('refuses a PNG bomb, a JPEG and a GIF over the limit before decoding, and stores nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gj-up-'));
    const bomb = pngBomb(20_000, 20_000);
    await expect(storeFile(dir, bomb)).rejects.toMatchObject({
      code: 'UPLOAD_IMAGE_TOO_LARGE',
      status: 400,
      details: { width: 20_000, height: 20_000, maxMegapixels: IMAGE_MAX_MEGAPIXELS },
    });
    await expect(storeFile(dir, jpegHeader(8_000, 6_000))).rejects.toMatchObject({ code: 'UPLOAD_IMAGE_TOO_LARGE' });
    await expect(storeFile(dir, Buffer.from('GIF89a\x10\x27\x10\x27\x00\x00', 'latin1'))).rejects.toMatchObject({ code: 'UPLOAD_IMAGE_TOO_LARGE' });
    expect(readdirSync(dir)).toEqual([]);
    // Never decoded here either.
    expect(makeThumbnail(bomb, 'image/png')).toBeNull();
  });

  it('still takes an image at the limit', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gj-up-'));
    expect(await storeFile(dir, jpegHeader(8_000, 5_000))).toMatchObject({ mime: 'image/jpeg', hasThumbnail: false });
  });
});
