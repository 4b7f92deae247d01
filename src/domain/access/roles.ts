/**
 * Roles, permissions and scopes: the pure rules of access control. A user holds role assignments,
 * each a role within a scope (the whole system, a region, or an organisation). A permission is
 * granted by an assignment whose role carries it, and reaches what that assignment's scope covers.
 */

export const ROLES = [
  'system_admin',
  'supervisor',
  'street_staff',
  'community_staff',
  'unit_admin',
  'member',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'admin.user.read',
  'admin.user.write',
  'admin.role.assign',
  'audit.read',
  'auth.token.manage',
  'directory.region.read',
  'directory.region.write',
  'directory.organization.read',
  'directory.organization.write',
  'directory.member.read',
  'directory.member.write',
  'directory.member.reveal',
  'directory.household.read',
  'directory.household.write',
  'directory.household.reveal',
  'directory.team.read',
  'directory.team.write',
  'directory.import',
  'directory.export',
  'accounts.manage',
  'registration.read',
  'registration.apply',
  'registration.decide',
  'registration.cycle.manage',
  'pairing.read',
  'pairing.propose',
  'pairing.decide',
  'agreement.read',
  'agreement.write',
  'agreement.sign',
  'lists.need.read',
  'lists.need.write',
  'lists.resource.read',
  'lists.resource.write',
  'lists.project.read',
  'lists.project.write',
  'lists.project.claim',
  'lists.project.signoff',
  'lists.project.rate',
  'lists.rule.manage',
  'lists.match.manage',
  'lists.upload',
  'volunteering.activity.read',
  'volunteering.activity.manage',
  'volunteering.signup',
  'volunteering.checkin',
  'volunteering.hours.read',
  'volunteering.hours.verify',
  'volunteering.quota.read',
  'volunteering.quota.manage',
  'volunteering.certificate.issue',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type ScopeType = 'system' | 'region' | 'organization';

/** What every role may do. The supervisor and staff roles administer accounts inside their scope. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  system_admin: PERMISSIONS,
  supervisor: [
    'admin.user.read',
    'admin.user.write',
    'admin.role.assign',
    'audit.read',
    'auth.token.manage',
    'directory.region.read',
    'directory.region.write',
    'directory.organization.read',
    'directory.organization.write',
    'directory.member.read',
    'directory.household.read',
    'directory.team.read',
    'directory.import',
    'directory.export',
    'registration.read',
    'registration.cycle.manage',
    'pairing.read',
    'pairing.propose',
    'pairing.decide',
    'agreement.read',
    'agreement.write',
    'lists.need.read',
    'lists.resource.read',
    'lists.project.read',
    'lists.project.write',
    'lists.rule.manage',
    'lists.match.manage',
    'volunteering.activity.read',
    'volunteering.activity.manage',
    'volunteering.hours.read',
    'volunteering.hours.verify',
    'volunteering.quota.read',
    'volunteering.certificate.issue',
    'volunteering.quota.manage',
  ],
  street_staff: [
    'admin.user.read',
    'admin.user.write',
    'admin.role.assign',
    'auth.token.manage',
    'directory.region.read',
    'directory.region.write',
    'directory.organization.read',
    'directory.organization.write',
    'directory.member.read',
    'directory.household.read',
    'directory.team.read',
    'directory.team.write',
    'directory.export',
    'registration.read',
    'pairing.read',
    'pairing.propose',
    'pairing.decide',
    'agreement.read',
    'agreement.write',
    'lists.need.read',
    'lists.need.write',
    'lists.match.manage',
    'lists.resource.read',
    'lists.project.read',
    'lists.project.write',
    'lists.upload',
    'volunteering.activity.read',
    'volunteering.activity.manage',
    'volunteering.hours.read',
    'volunteering.hours.verify',
    'volunteering.quota.read',
    'volunteering.certificate.issue',
  ],
  community_staff: [
    'admin.user.read',
    'auth.token.manage',
    'directory.region.read',
    'directory.region.write',
    'directory.organization.read',
    'directory.member.read',
    'directory.member.write',
    'accounts.manage',
    'directory.household.read',
    'directory.household.write',
    'directory.household.reveal',
    'directory.team.read',
    'directory.team.write',
    'directory.import',
    'directory.export',
    'registration.read',
    'registration.decide',
    'pairing.read',
    'pairing.propose',
    'pairing.decide',
    'agreement.read',
    'agreement.write',
    'agreement.sign',
    'lists.need.read',
    'lists.need.write',
    'lists.match.manage',
    'lists.resource.read',
    'lists.project.read',
    'lists.project.write',
    'lists.project.signoff',
    'lists.upload',
    'volunteering.activity.read',
    'volunteering.activity.manage',
    'volunteering.hours.read',
    'volunteering.hours.verify',
    'volunteering.quota.read',
    'volunteering.certificate.issue',
  ],
  unit_admin: [
    'auth.token.manage',
    'directory.region.read',
    'directory.organization.read',
    'directory.organization.write',
    'directory.member.read',
    'directory.member.write',
    'accounts.manage',
    'directory.member.reveal',
    'directory.team.read',
    'directory.team.write',
    'directory.import',
    'directory.export',
    'registration.read',
    'registration.apply',
    'pairing.read',
    'pairing.propose',
    'pairing.decide',
    'agreement.read',
    'agreement.write',
    'agreement.sign',
    'lists.need.read',
    'lists.resource.read',
    'lists.resource.write',
    'lists.project.read',
    'lists.project.claim',
    'lists.upload',
    'volunteering.activity.read',
    'volunteering.activity.manage',
    'volunteering.hours.read',
    'volunteering.hours.verify',
    'volunteering.quota.read',
    'volunteering.certificate.issue',
  ],
  /** A member reads his or her own record (the services limit member-role grants to the self). */
  member: [
    'directory.region.read',
    'directory.member.read',
    'directory.team.read',
    'registration.read',
    'registration.apply',
    'lists.need.read',
    'lists.resource.read',
    'lists.project.read',
    'lists.project.claim',
    'lists.project.rate',
    'lists.upload',
    // Volunteering: browse, sign up, check in, own hours, quota and certificates. A member who
    // leads a volunteer team also organises the team's activities (the service checks that).
    'volunteering.activity.read',
    'volunteering.activity.manage',
    'volunteering.signup',
    'volunteering.checkin',
    'volunteering.hours.read',
  ],
  /** A resident reads the projects of his or her community and rates the completed ones. */
  resident: ['lists.project.read', 'lists.project.rate'],
};

/** Rank orders roles: an administrator assigns only roles ranked below its own (system_admin excepted). */
export const ROLE_RANK: Readonly<Record<Role, number>> = {
  system_admin: 100,
  supervisor: 80,
  street_staff: 60,
  community_staff: 40,
  unit_admin: 40,
  member: 20,
  resident: 10,
};

/** Where each role may be held. Region kinds restrict region scopes. */
export const ROLE_SCOPES: Readonly<Record<Role, { types: readonly ScopeType[]; regionKinds?: readonly string[]; organizationKinds?: readonly string[] }>> = {
  system_admin: { types: ['system'] },
  supervisor: { types: ['system', 'region', 'organization'], regionKinds: ['city', 'district'], organizationKinds: ['supervisor'] },
  street_staff: { types: ['region', 'organization'], regionKinds: ['street'], organizationKinds: ['street', 'alliance'] },
  community_staff: { types: ['region', 'organization'], regionKinds: ['community', 'grid'], organizationKinds: ['community', 'grid_branch'] },
  unit_admin: { types: ['organization'], organizationKinds: ['unit'] },
  member: { types: ['organization', 'region'], regionKinds: ['community'], organizationKinds: ['unit', 'community', 'grid_branch', 'building_group'] },
  resident: { types: ['region'], regionKinds: ['community', 'grid', 'building'] },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * A scope resolved to the materialised paths that coverage compares:
 * regionPath is '/<id>/<id>/…/' of the region (or of an organisation's region),
 * orgPath is '/<id>/…/' of the organisation.
 */
export interface ResolvedScope {
  type: ScopeType;
  id: string | null;
  regionPath: string | null;
  orgPath: string | null;
}

/** A target: the place a row belongs to (a region, an organisation, or both). */
export interface Target {
  regionPath?: string | null;
  orgPath?: string | null;
}

/** Does a scope reach a target? System reaches all; a region reaches what lies under it
 * (regions and organisations located there); an organisation reaches itself and its descendants. */
export function scopeCovers(scope: ResolvedScope, target: Target): boolean {
  switch (scope.type) {
    case 'system':
      return true;
    case 'region':
      return scope.regionPath !== null && target.regionPath != null && target.regionPath.startsWith(scope.regionPath);
    case 'organization':
      return scope.orgPath !== null && target.orgPath != null && target.orgPath.startsWith(scope.orgPath);
  }
}

export interface Grant {
  role: Role;
  scope: ResolvedScope;
}

/** May an actor holding these grants act (with `permission`) on a role held at `target`? Needs the
 * permission through a grant that covers the target and outranks the role (system_admin excepted).
 * Assigning a role uses admin.role.assign; changing a user uses admin.user.write on each of its roles. */
export function canActOnRole(grants: readonly Grant[], permission: Permission, role: Role, target: ResolvedScope): boolean {
  return grants.some((g) => {
    if (!roleHas(g.role, permission)) return false;
    const outranks = g.role === 'system_admin' || ROLE_RANK[g.role] > ROLE_RANK[role];
    if (!outranks) return false;
    if (target.type === 'system') return g.scope.type === 'system';
    return scopeCovers(g.scope, { regionPath: target.regionPath, orgPath: target.orgPath });
  });
}

/** Checks that a role may be held at a scope of this kind; returns a reason code or null. */
export function scopeFitsRole(role: Role, scopeType: ScopeType, kind: string | null): string | null {
  const rule = ROLE_SCOPES[role];
  if (!rule.types.includes(scopeType)) return 'scope_type_not_allowed';
  if (scopeType === 'region' && rule.regionKinds && kind !== null && !rule.regionKinds.includes(kind)) return 'region_kind_not_allowed';
  if (scopeType === 'organization' && rule.organizationKinds && kind !== null && !rule.organizationKinds.includes(kind)) {
    return 'organization_kind_not_allowed';
  }
  return null;
}
