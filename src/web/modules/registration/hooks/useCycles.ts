import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import type { RegistrationCycle } from '../types';

/** The registration cycles (GET /registration-cycles) and the one that includes today. */
export function useCycles() {
  const cycles = useApi<ItemList<RegistrationCycle>>('/registration-cycles');
  const items = cycles.data?.items ?? [];
  return { ...cycles, items, current: items.find((c) => c.current) };
}
