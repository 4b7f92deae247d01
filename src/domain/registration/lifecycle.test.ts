import { describe, expect, it } from 'vitest';
import { agreementStatus, cardNumber, daysBetween, nextPairingStatus, nextRegistrationStatus, signAgreement } from './lifecycle';

describe('registration lifecycle', () => {
  it('confirms or rejects a pending registration, ends a confirmed one, and nothing else', () => {
    expect(nextRegistrationStatus('pending', 'confirm')).toBe('confirmed');
    expect(nextRegistrationStatus('pending', 'reject')).toBe('rejected');
    expect(nextRegistrationStatus('confirmed', 'end')).toBe('ended');
    expect(nextRegistrationStatus('confirmed', 'confirm')).toBeNull();
    expect(nextRegistrationStatus('rejected', 'confirm')).toBeNull();
    expect(nextRegistrationStatus('ended', 'end')).toBeNull();
  });
});

describe('pairing lifecycle', () => {
  it('accepts or declines a proposal and ends an active pair', () => {
    expect(nextPairingStatus('proposed', 'accept')).toBe('active');
    expect(nextPairingStatus('proposed', 'decline')).toBe('declined');
    expect(nextPairingStatus('active', 'end')).toBe('ended');
    expect(nextPairingStatus('active', 'accept')).toBeNull();
    expect(nextPairingStatus('declined', 'accept')).toBeNull();
  });
});

describe('agreement lifecycle', () => {
  it('needs both signatures, one per side, and none after the end', () => {
    expect(signAgreement('draft', { a: false, b: false }, 'a')).toBe('signed_by_one');
    expect(signAgreement('signed_by_one', { a: true, b: false }, 'b')).toBe('signed_by_both');
    expect(signAgreement('signed_by_one', { a: true, b: false }, 'a')).toBeNull();
    expect(signAgreement('signed_by_both', { a: true, b: true }, 'a')).toBeNull();
    expect(signAgreement('ended', { a: false, b: false }, 'a')).toBeNull();
  });

  it('is in force during its term and expired after it', () => {
    expect(agreementStatus('signed_by_both', '2026-01-01', '2027-12-31', '2025-12-31')).toBe('signed_by_both');
    expect(agreementStatus('signed_by_both', '2026-01-01', '2027-12-31', '2026-01-01')).toBe('in_force');
    expect(agreementStatus('signed_by_both', '2026-01-01', '2027-12-31', '2027-12-31')).toBe('in_force');
    expect(agreementStatus('signed_by_both', '2026-01-01', '2027-12-31', '2028-01-01')).toBe('expired');
    expect(agreementStatus('draft', '2026-01-01', '2027-12-31', '2026-06-01')).toBe('draft');
    expect(agreementStatus('ended', '2026-01-01', '2027-12-31', '2026-06-01')).toBe('ended');
  });

  it('counts days and numbers cards', () => {
    expect(daysBetween('2026-11-22', '2026-12-22')).toBe(30);
    expect(cardNumber('LJ', 2026, 123)).toBe('LJ2026-000123');
  });
});
