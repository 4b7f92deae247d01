// The closed lists of the registration module (the contract's unions), in display order, and their colours.
import type { AgreementStatus, PairingStatus, RegistrationKind, RegistrationStatus } from './types';

export const REGISTRATION_KINDS = ['member', 'unit'] as const satisfies readonly RegistrationKind[];

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'rejected', 'ended'] as const satisfies readonly RegistrationStatus[];

export const PAIRING_STATUSES = ['proposed', 'active', 'declined', 'ended'] as const satisfies readonly PairingStatus[];

export const AGREEMENT_STATUSES = [
  'draft',
  'signed_by_one',
  'signed_by_both',
  'in_force',
  'expired',
  'ended',
] as const satisfies readonly AgreementStatus[];

export const REGISTRATION_STATUS_COLORS: Record<RegistrationStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  ended: 'default',
};

export const PAIRING_STATUS_COLORS: Record<PairingStatus, string> = {
  proposed: 'gold',
  active: 'green',
  declined: 'red',
  ended: 'default',
};

export const AGREEMENT_STATUS_COLORS: Record<AgreementStatus, string> = {
  draft: 'default',
  signed_by_one: 'gold',
  signed_by_both: 'blue',
  in_force: 'green',
  expired: 'volcano',
  ended: 'default',
};

/** An agreement in force with at most this many days left is "expiring soon" (highlighted, filtered). */
export const EXPIRING_DAYS = 30;

/** The usual term of a co-building agreement: two years (the sources' 为期两年). */
export const DEFAULT_TERM_YEARS = 2;

/** Agreements that are still open: a pairing with one of these has no need of a new draft. */
export const OPEN_AGREEMENT_STATUSES: readonly string[] = ['draft', 'signed_by_one', 'signed_by_both', 'in_force'];
