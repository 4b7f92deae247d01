import { describe, expect, it } from 'vitest';
import { checkIdNumber, idBirthDate, idGender, makeIdNumber } from './id-number';
import { nameInitials, isInitialsQuery } from './names';

describe('ID numbers', () => {
  it('accepts a valid number and reads birth date and gender from it', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idGender('11010519491231002X')).toBe('female');
  });

  it('refuses a wrong checksum, an impossible date and a wrong format', () => {
    expect(checkIdNumber('110105194912310021')).toBe('checksum');
    expect(checkIdNumber('110105194902300020')).toBe('birth_date');
    expect(checkIdNumber('1101051949')).toBe('format');
    expect(checkIdNumber(makeIdNumber('330102', '2090-01-01', 11), new Date('2026-01-01'))).toBe('birth_date');
  });

  it('makes valid numbers', () => {
    const id = makeIdNumber('330102', '1985-06-15', 123);
    expect(checkIdNumber(id)).toBeNull();
    expect(idGender(id)).toBe('male');
  });
});

describe('name initials', () => {
  it('reads Chinese names as pinyin initials, surnames as surnames', () => {
    expect(nameInitials('张建军')).toBe('zjj');
    expect(nameInitials('单雄信')).toBe('sxx');
    expect(nameInitials('曾国藩')).toBe('zgf');
    expect(isInitialsQuery('zjj')).toBe(true);
    expect(isInitialsQuery('张')).toBe(false);
  });
});
