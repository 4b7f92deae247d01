/**
 * The migrations, in order. Each file is frozen once released; a new migration is a new file
 * named by its ISO timestamp and one line here (static imports work under tsx, Vitest and bundlers).
 */
import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T0000_foundation';
import * as directory from './2026-11-22T0100_directory';
import * as regionSiblingNames from './2026-11-22T0200_region_sibling_names';
import * as registration from './2026-11-22T0300_registration';
import * as listOrderIndexes from './2026-11-22T0400_list_order_indexes';
import * as volunteering from './2026-11-22T0500_volunteering';
import * as threeLists from './2026-11-22T0600_three_lists';
import * as matching from './2026-12-06T2100_matching';
import * as accounts from './2026-12-06T2130_accounts';
import * as notificationKinds from './2026-12-06T2200_notification_kinds';

export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-22T0000_foundation': foundation,
  '2026-11-22T0100_directory': directory,
  '2026-11-22T0200_region_sibling_names': regionSiblingNames,
  '2026-11-22T0300_registration': registration,
  '2026-11-22T0400_list_order_indexes': listOrderIndexes,
  '2026-11-22T0500_volunteering': volunteering,
  '2026-11-22T0600_three_lists': threeLists,
  '2026-12-06T2100_matching': matching,
  '2026-12-06T2130_accounts': accounts,
  '2026-12-06T2200_notification_kinds': notificationKinds,
};
