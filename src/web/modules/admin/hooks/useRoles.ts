import { useMemo } from 'react';
import { ROLES, SCOPE_TYPES, type ItemList, type RoleDefinition } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';

/** Until /roles answers (or if it fails), every role with every scope type; the server still checks. */
const FALLBACK: RoleDefinition[] = ROLES.map((role) => ({ role, permissions: [], scopeTypes: [...SCOPE_TYPES] }));

/** The roles that can be assigned, with the scope types each allows (GET /roles). */
export function useRoles() {
  const { data, error, loading } = useApi<ItemList<RoleDefinition>>('/roles');
  const roles = data?.items ?? FALLBACK;
  const byRole = useMemo(() => new Map(roles.map((r) => [r.role, r])), [roles]);
  return { roles, byRole, error, loading };
}
