import { describe, expect, it } from 'vitest';
import { characterClasses, checkPassword, isCommonPassword, passwordExpired } from './password-policy';

const rules = { minLength: 10, requireClasses: 0, refuseCommon: true };

describe('checkPassword', () => {
  it('accepts a long unusual password', () => {
    expect(checkPassword('Lanterns-over-the-river', rules)).toEqual([]);
  });

  it('names every problem', () => {
    expect(checkPassword('abc', rules)).toEqual(['too_short']);
    expect(checkPassword('1234567890', rules)).toEqual(['too_common']);
    expect(checkPassword('woaini1314', rules)).toEqual(['too_common']);
    expect(checkPassword('zhangwei-secret', rules, 'zhangwei')).toEqual(['same_as_account']);
    expect(checkPassword('x'.repeat(129), rules)).toEqual(['too_long', 'too_common']);
  });

  it('applies composition rules when a deployment asks (等保2.0: 3 of 4 classes)', () => {
    const strict = { ...rules, requireClasses: 3 };
    expect(checkPassword('lanternsoverriver', strict)).toEqual(['needs_classes']);
    expect(checkPassword('Lanterns0verRiver', strict)).toEqual([]);
    expect(characterClasses('aA1!')).toBe(4);
  });

  it('counts characters, not bytes, so Chinese passphrases are measured fairly', () => {
    expect(checkPassword('长江后浪推前浪一代更比一代强', rules)).toEqual([]);
    expect(checkPassword('长江后浪推前浪', rules)).toEqual(['too_short']);
  });
});

describe('isCommonPassword', () => {
  it('knows runs and repeats', () => {
    expect(isCommonPassword('aaaaaaaaaaaa')).toBe(true);
    expect(isCommonPassword('3456789012')).toBe(true);
    expect(isCommonPassword('3456789013')).toBe(false);
    expect(isCommonPassword('P@ssw0rd')).toBe(true);
  });

  // Issue 18: only exact entries were refused; `Passw0rd!!` and `woaini1314woaini` passed.
  it('refuses variants: case, leetspeak, digit and symbol affixes, repetition and joins of common words', () => {
    for (const weak of ['Passw0rd!!', 'woaini1314woaini', 'PASSWORD2026', 'p4ssw0rd', '!!admin2026!!', 'Dr4g0n123', 'qwe123qwe123', 'abcabcabcabc', 'iloveyou520', 'Monkey-Dragon', 'GONGJIAN@2026', '1L0veY0u!']) {
      expect(isCommonPassword(weak), weak).toBe(true);
      expect(checkPassword(weak, { ...rules, minLength: 8 }), weak).toContain('too_common');
    }
    for (const fine of ['Lanterns-over-the-river', 'Tr0ub4dor&3-river', 'Gongjian-Demo-2026', 'Root-Test-Pass-2026', '长江后浪推前浪一代更比一代强', 'correct horse battery staple', 'Dragon-Monkey-Football-Sunshine']) {
      expect(isCommonPassword(fine), fine).toBe(false);
    }
  });
});

describe('passwordExpired', () => {
  it('expires after the configured days, never when 0', () => {
    const now = new Date('2026-11-22T00:00:00Z');
    expect(passwordExpired(new Date('2026-08-01T00:00:00Z'), 90, now)).toBe(true);
    expect(passwordExpired(new Date('2026-10-01T00:00:00Z'), 90, now)).toBe(false);
    expect(passwordExpired(new Date('2000-01-01T00:00:00Z'), 0, now)).toBe(false);
  });
});
