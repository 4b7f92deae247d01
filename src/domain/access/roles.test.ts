import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_PERMISSIONS, canActOnRole, scopeCovers, scopeFitsRole, type Grant, type ResolvedScope } from './roles';

const city: ResolvedScope = { type: 'region', id: 'c', regionPath: '/c/', orgPath: null };
const street: ResolvedScope = { type: 'region', id: 's', regionPath: '/c/d/s/', orgPath: null };
const community: ResolvedScope = { type: 'region', id: 'm', regionPath: '/c/d/s/m/', orgPath: null };
const otherCommunity: ResolvedScope = { type: 'region', id: 'n', regionPath: '/c/d/t/n/', orgPath: null };
const unit: ResolvedScope = { type: 'organization', id: 'u', regionPath: '/c/', orgPath: '/sup/u/' };
const system: ResolvedScope = { type: 'system', id: null, regionPath: null, orgPath: null };

describe('scopeCovers', () => {
  it('lets a region reach what lies under it and nothing beside it', () => {
    expect(scopeCovers(street, { regionPath: community.regionPath })).toBe(true);
    expect(scopeCovers(street, { regionPath: otherCommunity.regionPath })).toBe(false);
    expect(scopeCovers(community, { regionPath: street.regionPath })).toBe(false);
    expect(scopeCovers(city, { orgPath: '/sup/u/', regionPath: '/c/' })).toBe(true);
  });

  it('lets an organisation reach itself and its descendants only', () => {
    expect(scopeCovers(unit, { orgPath: '/sup/u/team/' })).toBe(true);
    expect(scopeCovers(unit, { orgPath: '/sup/v/' })).toBe(false);
    expect(scopeCovers(unit, { regionPath: '/c/' })).toBe(false);
  });

  it('lets the system scope reach everything', () => {
    expect(scopeCovers(system, {})).toBe(true);
  });
});

describe('canActOnRole', () => {
  const streetStaff: Grant[] = [{ role: 'street_staff', scope: street }];
  it('assigns only roles ranked below, inside the scope', () => {
    expect(canActOnRole(streetStaff, 'admin.role.assign', 'community_staff', community)).toBe(true);
    expect(canActOnRole(streetStaff, 'admin.role.assign', 'community_staff', otherCommunity)).toBe(false);
    expect(canActOnRole(streetStaff, 'admin.role.assign', 'street_staff', community)).toBe(false);
    expect(canActOnRole(streetStaff, 'admin.role.assign', 'supervisor', system)).toBe(false);
  });

  it('gives system-scope roles only to system-scope grants', () => {
    expect(canActOnRole([{ role: 'supervisor', scope: city }], 'admin.role.assign', 'member', system)).toBe(false);
    expect(canActOnRole([{ role: 'system_admin', scope: system }], 'admin.role.assign', 'system_admin', system)).toBe(true);
  });

  it('needs the permission through the grant that covers the target', () => {
    const mixed: Grant[] = [
      { role: 'community_staff', scope: community },
      { role: 'member', scope: unit },
    ];
    expect(canActOnRole(mixed, 'admin.role.assign', 'resident', community)).toBe(false);
  });
});

describe('role table', () => {
  it('gives the system admin every permission and members none of the admin ones', () => {
    const all = new Set(ROLES.flatMap((r) => ROLE_PERMISSIONS[r]));
    expect(new Set(ROLE_PERMISSIONS.system_admin)).toEqual(all);
    expect(ROLE_PERMISSIONS.member.some((p) => p.startsWith('admin.'))).toBe(false);
    // Residents only read their community's projects and rate the completed ones.
    expect(ROLE_PERMISSIONS.resident).toEqual(['lists.project.read', 'lists.project.rate']);
  });

  it('fits roles to scopes', () => {
    expect(scopeFitsRole('unit_admin', 'organization', 'unit')).toBeNull();
    expect(scopeFitsRole('unit_admin', 'region', 'community')).toBe('scope_type_not_allowed');
    expect(scopeFitsRole('community_staff', 'region', 'street')).toBe('region_kind_not_allowed');
    expect(scopeFitsRole('system_admin', 'region', 'city')).toBe('scope_type_not_allowed');
  });
});
