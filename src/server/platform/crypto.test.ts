import { describe, expect, it } from 'vitest';
import { maskForAudit } from './audit';
import { PersonalDataCipher, isMobilePhone, maskIdNumber, maskName, maskPhone, normalizePhone } from './crypto';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(Buffer.alloc(32, 7));

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13812345678');
    expect(cipher.decrypt(a)).toBe('13812345678');
  });

  it('detects tampering', () => {
    const c = cipher.encrypt('110101199003071234');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('hashes with a key: equal inputs match, other keys differ', () => {
    expect(cipher.hash('x')).toBe(cipher.hash('x'));
    expect(new PersonalDataCipher(Buffer.alloc(32, 8)).hash('x')).not.toBe(cipher.hash('x'));
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and names', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(isMobilePhone('0086 13812345678')).toBe(true);
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('110101199003071234')).toBe('1101**********1234');
    expect(maskName('张建军')).toBe('张**');
  });

  it('removes secrets and masks personal data before values reach the audit log', () => {
    const masked = maskForAudit({ account: 'a', password: 'p', nested: { phone: '13812345678', idNumber: '110101199003071234', token_hash: 'h' }, list: [{ phone: '13900000001' }] });
    expect(masked).toEqual({ account: 'a', password: '[redacted]', nested: { phone: '138****5678', idNumber: '1101**********1234', token_hash: '[redacted]' }, list: [{ phone: '139****0001' }] });
  });
});
