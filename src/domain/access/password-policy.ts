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

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  // One character repeated, or a plain run of digits, is as weak as any entry on the list.
  if (/^(.)\1+$/.test(p)) return true;
  return /^\d+$/.test(p) && ('01234567890123456789'.includes(p) || '98765432109876543210'.includes(p));
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
