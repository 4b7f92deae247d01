const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '-_.!@#%+=';

function pick(alphabet: string, random: number): string {
  return alphabet[random % alphabet.length] ?? alphabet.charAt(0);
}

/**
 * A random password with all four kinds of characters and no look-alikes (0/O, 1/l/I), for an
 * administrator to hand out. It meets any sane policy; the server still checks it.
 */
export function generatePassword(length = 16): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const random = crypto.getRandomValues(new Uint32Array(length + 4));
  const chars = [LOWER, UPPER, DIGITS, SYMBOLS].map((set, i) => pick(set, random[i] ?? 0));
  for (let i = chars.length; i < length; i++) chars.push(pick(all, random[i] ?? 0));
  // shuffle so the four guaranteed kinds are not always in front
  const order = crypto.getRandomValues(new Uint32Array(length));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = (order[i] ?? 0) % (i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}
