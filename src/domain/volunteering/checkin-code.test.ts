import { describe, expect, it } from 'vitest';
import { WINDOW_SECONDS, checkCode, checkToken, codeFor, tokenFor, windowOf } from './checkin-code';

const SECRET = 'a-secret-of-the-activity';
const T0 = Date.parse('2026-05-01T01:00:00Z');
const W = windowOf(T0);

describe('the rotating check-in code', () => {
  it('is 6 unambiguous characters that change each window', () => {
    const c = codeFor(SECRET, W);
    expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(codeFor(SECRET, W + 1)).not.toBe(c);
    expect(codeFor('another secret', W)).not.toBe(c);
  });

  it('accepts the current and the previous window only', () => {
    const c = codeFor(SECRET, W);
    expect(checkCode(SECRET, c, T0)).toBe('ok');
    expect(checkCode(SECRET, c.toLowerCase(), T0)).toBe('ok');
    expect(checkCode(SECRET, c, T0 + WINDOW_SECONDS * 1000)).toBe('ok');
    expect(checkCode(SECRET, c, T0 + 2 * WINDOW_SECONDS * 1000)).toBe('expired');
    expect(checkCode(SECRET, 'AAAAAA', T0)).toBe('invalid');
  });

  it('signs the QR token so that it cannot be forged for a later window', () => {
    const t = tokenFor(SECRET, W);
    expect(checkToken(SECRET, t, T0)).toBe('ok');
    expect(checkToken(SECRET, t, T0 + WINDOW_SECONDS * 1000)).toBe('ok');
    expect(checkToken(SECRET, t, T0 + 2 * WINDOW_SECONDS * 1000)).toBe('expired');
    const forged = `${W + 5}.${t.split('.')[1]}`;
    expect(checkToken(SECRET, forged, T0 + 5 * WINDOW_SECONDS * 1000)).toBe('invalid');
    expect(checkToken('another secret', t, T0)).toBe('invalid');
    expect(checkToken(SECRET, 'garbage', T0)).toBe('invalid');
    // A token from the future (clock skew beyond a window) is not accepted either.
    expect(checkToken(SECRET, tokenFor(SECRET, W + 3), T0)).toBe('invalid');
  });
});
