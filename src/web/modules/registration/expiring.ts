import { EXPIRING_DAYS } from './constants';
import type { Agreement } from './types';

/** An agreement in force whose term ends within 30 days: highlighted, to renew it in time. */
export function isExpiring(agreement: Pick<Agreement, 'status' | 'daysLeft'>): boolean {
  return agreement.status === 'in_force' && agreement.daysLeft !== null && agreement.daysLeft <= EXPIRING_DAYS;
}
