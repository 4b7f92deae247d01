/**
 * The lifecycles of the programme's front door, as pure state machines.
 *
 * Registration: pending → confirmed (a card is issued) or rejected (with a reason);
 * confirmed → ended (the member moved, or a new cycle replaced it). Pending may also end (withdrawn).
 * Pairing: proposed → active (the other side accepted) or declined; active → ended.
 * Agreement: draft → signed_by_one → signed_by_both; before its term it waits, during its term it
 * is in force, after it it has expired; it can be ended early with a reason.
 */

export type RegistrationStatus = 'pending' | 'confirmed' | 'rejected' | 'ended';
export type RegistrationEvent = 'confirm' | 'reject' | 'end';

export function nextRegistrationStatus(status: RegistrationStatus, event: RegistrationEvent): RegistrationStatus | null {
  switch (status) {
    case 'pending':
      return event === 'confirm' ? 'confirmed' : event === 'reject' ? 'rejected' : 'ended';
    case 'confirmed':
      return event === 'end' ? 'ended' : null;
    case 'rejected':
    case 'ended':
      return null;
  }
}

export type PairingStatus = 'proposed' | 'active' | 'declined' | 'ended';
export type PairingEvent = 'accept' | 'decline' | 'end';

export function nextPairingStatus(status: PairingStatus, event: PairingEvent): PairingStatus | null {
  switch (status) {
    case 'proposed':
      return event === 'accept' ? 'active' : event === 'decline' ? 'declined' : 'ended';
    case 'active':
      return event === 'end' ? 'ended' : null;
    case 'declined':
    case 'ended':
      return null;
  }
}

export type StoredAgreementStatus = 'draft' | 'signed_by_one' | 'signed_by_both' | 'ended';
export type AgreementStatus = StoredAgreementStatus | 'in_force' | 'expired';

/** The status people see: a fully signed agreement is in force during its term and expired after it. */
export function agreementStatus(stored: StoredAgreementStatus, termStart: string, termEnd: string, today: string): AgreementStatus {
  switch (stored) {
    case 'draft':
    case 'signed_by_one':
    case 'ended':
      return stored;
    case 'signed_by_both':
      if (today < termStart) return 'signed_by_both';
      return today <= termEnd ? 'in_force' : 'expired';
  }
}

export type AgreementSide = 'a' | 'b';

/** Signing: the side must not have signed; the second signature completes it. Returns null when refused. */
export function signAgreement(stored: StoredAgreementStatus, signed: { a: boolean; b: boolean }, side: AgreementSide): StoredAgreementStatus | null {
  if (stored === 'ended' || stored === 'signed_by_both') return null;
  if (signed[side]) return null;
  const other = side === 'a' ? signed.b : signed.a;
  return other ? 'signed_by_both' : 'signed_by_one';
}

/** Whole days from `today` to `date` (both 'YYYY-MM-DD'). */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The card number: region prefix, cycle year and a sequence, e.g. LJ2026-000123. */
export function cardNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}${year}-${String(sequence).padStart(6, '0')}`;
}
