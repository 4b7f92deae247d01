/**
 * Who owns which table, beyond the modules' own declarations (`tables` in each defineModule):
 * the platform's tables, and the tables an owner publishes for reading.
 *
 * - PLATFORM_TABLES belong to platform/ (sessions, audit, uploads, settings, the
 *   login throttle). Modules use the platform's functions, not these tables. (The notifications
 *   module owns `notification`; every module writes notices through platform/notifications.ts.)
 * - PUBLISHED_READS: the directory's place tree (region, organization) is what every scope
 *   condition is written over (materialised paths, platform/scope.ts): any module may join it to
 *   read names and paths; only the directory writes it.
 *
 * test/table-ownership.unit.test.ts checks every module's SQL against these lists.
 */
import type { DB } from './schema';

export const PLATFORM_TABLES: readonly (keyof DB)[] = ['session', 'login_failure', 'login_lock', 'audit_event', 'app_setting', 'upload'];

export const PUBLISHED_READS: readonly (keyof DB)[] = ['region', 'organization'];
