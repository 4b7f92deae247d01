/**
 * The rotating check-in code. The organiser's screen shows a QR token and a 6-character code,
 * both derived from the activity's secret and the current 30-second window by HMAC-SHA256. A code
 * is accepted in its own window and the next one only, so a photo of the screen is useless a
 * minute later. The typed code uses 32 characters that cannot be misread (no I, O, 0, 1).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WINDOW_SECONDS = 30;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function windowOf(atMs: number): number {
  return Math.floor(atMs / (WINDOW_SECONDS * 1000));
}

function mac(secret: string, purpose: string, window: number): Buffer {
  return createHmac('sha256', secret).update(`${purpose}:${window}`).digest();
}

/** The 6-character code of a window. */
export function codeFor(secret: string, window: number): string {
  const h = mac(secret, 'code', window);
  let out = '';
  for (let i = 0; i < 6; i++) out += ALPHABET[h[i]! & 31];
  return out;
}

/** The QR token of a window: '<window>.<mac>'. */
export function tokenFor(secret: string, window: number): string {
  return `${window}.${mac(secret, 'token', window).subarray(0, 18).toString('base64url')}`;
}

export type CodeCheck = 'ok' | 'expired' | 'invalid';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks a scanned token at `atMs`: valid in its window and the next. */
export function checkToken(secret: string, token: string, atMs: number): CodeCheck {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!m) return 'invalid';
  const window = Number(m[1]);
  if (!same(tokenFor(secret, window), token)) return 'invalid';
  const now = windowOf(atMs);
  return window === now || window === now - 1 ? 'ok' : window < now ? 'expired' : 'invalid';
}

/** Checks a typed code at `atMs` (case-insensitive): the current or the previous window's. */
export function checkCode(secret: string, code: string, atMs: number): CodeCheck {
  const c = code.trim().toUpperCase();
  const now = windowOf(atMs);
  if (same(codeFor(secret, now), c) || same(codeFor(secret, now - 1), c)) return 'ok';
  // An older code (the last few minutes) is reported as expired rather than wrong.
  for (let w = now - 2; w >= now - 20; w--) if (same(codeFor(secret, w), c)) return 'expired';
  return 'invalid';
}
