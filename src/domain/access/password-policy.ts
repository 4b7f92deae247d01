/**
 * The password policy: length, a list of common passwords to refuse, optional composition
 * (character classes, as 等保2.0 deployments require) and expiry. Pure: no I/O.
 */

export interface PasswordPolicyRules {
  minLength: number;
  requireClasses: number;
  refuseCommon: boolean;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'needs_classes' | 'same_as_account';

/** Frequent passwords in leaked Chinese and international lists, lower-cased. */
const COMMON = new Set(
  `123456 123456789 12345678 1234567890 111111 000000 11111111 00000000 88888888 66666666 666666 888888
  123123 12341234 1234512345 123456123456 1qaz2wsx 1qaz2wsx3edc qwerty qwertyuiop qwerty123 qwe123456
  password password1 password123 passw0rd p@ssw0rd p@ssword admin admin123 admin1234 admin12345 administrator
  root root123 abc123 abc123456 abcd1234 abcd123456 a123456 a12345678 a123456789 aa123456 aa12345678
  woaini woaini1314 woaini520 5201314 52013145201314 1314520 iloveyou iloveyou1 zxcvbnm zxcvbnm123
  asdfghjkl asdf1234 asdfasdf qazwsx qazwsxedc 147258369 159357 159753 987654321 9876543210 112233
  11223344 123321 1234qwer qwer1234 q1w2e3r4 q1w2e3r4t5 letmein welcome welcome1 monkey dragon
  sunshine princess football baseball superman trustno1 changeme gongjian gongjian123 dangyuan
  dangyuan123 shequ123 gongjian2026 gongjian2025 zhangwei wangfang 1q2w3e4r 1q2w3e4r5t 123abc
  123456abc 123456a 123456aa 123qwe 123qweasd 1234567a abcdefg abcdefgh abcdefghij 0123456789
  a1b2c3d4 aaaaaa aaaaaaaa aaaaaaaaaa 1111111111 2222222222 5555555555 7777777777 9999999999`
    .split(/\s+/)
    .filter(Boolean),
);

/** Leetspeak read back as letters (two readings of 1: i and l). */
const LEET_I: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', '$': 's', '!': 'i', '|': 'l' };
const unleet = (s: string, one: 'i' | 'l') => s.replace(/[013-578@$!|]/g, (c) => (c === '1' ? one : LEET_I[c]!));
/** Digits and symbols around a word (`Passw0rd!!`, `!admin2026`). */
const stripAffixes = (s: string) => s.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** The list as it is and read back from leetspeak, so `p@ssw0rd` and `password` meet. */
const COMMON_FORMS = new Set([...COMMON].flatMap((w) => [w, unleet(w, 'i'), unleet(w, 'l')]));
/** Entries with a letter, at least 4 long: the words a weak password is built of. */
const COMMON_WORDS = [...COMMON_FORMS].filter((w) => w.length >= 4 && /\p{L}/u.test(w));

/** What the password may be a variant of: lower-cased, without digit and symbol affixes, read back from leetspeak. */
function readings(password: string): Set<string> {
  const lower = password.toLowerCase();
  const out = new Set<string>();
  for (const base of [lower, stripAffixes(lower)]) {
    for (const form of [base, unleet(base, 'i'), unleet(base, 'l')]) {
      out.add(form);
      out.add(stripAffixes(form));
    }
  }
  out.delete('');
  return out;
}

/** Made of at most three common words with short digit or symbol runs between (`woaini1314woaini`)? */
function builtOfCommonWords(s: string): boolean {
  // fewest[i]: the fewest words that build s[0, i), Infinity when it cannot be built.
  const fewest = new Array<number>(s.length + 1).fill(Infinity);
  fewest[0] = 0;
  for (let i = 0; i < s.length; i++) {
    if (fewest[i] === Infinity) continue;
    for (const w of COMMON_WORDS) if (s.startsWith(w, i)) fewest[i + w.length] = Math.min(fewest[i + w.length]!, fewest[i]! + 1);
    for (let j = i + 1; j <= Math.min(s.length, i + 4) && !/\p{L}/u.test(s[j - 1]!); j++) fewest[j] = Math.min(fewest[j]!, fewest[i]!);
  }
  const words = fewest[s.length]!;
  return words >= 1 && words <= 3;
}

/** The same short piece over and over (`abcabcabc`, `qwe123qwe123`). */
function repeated(s: string): boolean {
  return /^(.{1,6}?)\1+$/u.test(s);
}

/**
 * Is the password a common one or a variant of one? Case, leetspeak, digit and symbol prefixes
 * and suffixes, repetitions and joins of common words do not make a password uncommon.
 */
export function isCommonPassword(password: string): boolean {
  for (const p of readings(password)) {
    if (COMMON_FORMS.has(p) || repeated(p) || builtOfCommonWords(p)) return true;
    // A plain run of digits is as weak as any entry on the list.
    if (/^\d+$/.test(p) && ('01234567890123456789'.includes(p) || '98765432109876543210'.includes(p))) return true;
  }
  return false;
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export const MAX_PASSWORD_LENGTH = 128;

export function checkPassword(password: string, rules: PasswordPolicyRules, account?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < rules.minLength) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  if (rules.refuseCommon && isCommonPassword(password)) problems.push('too_common');
  if (rules.requireClasses > 0 && characterClasses(password) < rules.requireClasses) problems.push('needs_classes');
  if (account && password.toLowerCase().includes(account.toLowerCase()) && account.length >= 3) problems.push('same_as_account');
  return problems;
}

export function passwordExpired(changedAt: Date, expiryDays: number, now = new Date()): boolean {
  return expiryDays > 0 && now.getTime() - changedAt.getTime() > expiryDays * 86_400_000;
}
