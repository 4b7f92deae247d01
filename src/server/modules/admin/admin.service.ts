/**
 * Use cases of the admin module: listUsers, getUser, createUser, updateUser, resetPassword,
 * assignRole, removeRoleAssignment, listScopes, listAuditEvents. Staff administer accounts only
 * inside their scope and only for roles ranked below their own.
 */
import { sql } from 'kysely';
import {
  ROLES,
  ROLE_PERMISSIONS,
  ROLE_SCOPES,
  canActOnRole,
  scopeFitsRole,
  type Permission,
  type ResolvedScope,
  type Role,
  type ScopeType,
} from '../../../domain/access/roles';
import type { AuditEvent, CreateAssignmentBody, CreateUserBody, ListAuditQuery, ListUsersQuery, ScopeOption, ScopesQuery, UpdateUserBody, User } from '../../../contracts/admin';
import type { RoleAssignment } from '../../../contracts/auth';
import { DATE_MAX_YEAR, DATE_MIN_YEAR } from '../../../contracts/common';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { maskPhone, normalizePhone } from '../../platform/crypto';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { assertPasswordAcceptable, hashPassword } from '../../platform/passwords';
import { containsPattern, escapeLike } from '../../platform/sql';
import { grantsFor, loadAssignments, type Principal, type ResolvedAssignment } from '../../platform/principal';
import { reachCovers, reachOf } from '../../platform/scope';
import { deleteUserSessions } from '../../platform/sessions';
import { setPassword, toRoleAssignmentDto } from '../auth';
import { namesOf } from '../../db/tree';
import { findScope, findUser, findUsers, searchScopes, userInReach } from './admin.repository';

/** Admin reaches count every grant at its scope (member grants included). */
const reach = (principal: Principal, permission: Permission) => reachOf(principal, permission, { selfAsScope: true });

type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

function toUser(row: UserRow, assignments: ResolvedAssignment[]): User {
  return {
    id: row.id,
    account: row.account,
    displayName: row.display_name,
    phoneMasked: row.phone_masked,
    status: row.status,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    roles: assignments.filter((a) => a.userId === row.id).map(toRoleAssignmentDto),
  };
}

function canSee(principal: Principal, permission: Permission, assignments: ResolvedAssignment[]): boolean {
  const r = reach(principal, permission);
  return r.all || assignments.some((a) => reachCovers(r, { regionPaths: [a.scope.regionPath], orgPaths: [a.scope.orgPath] }));
}

/** Changing a user needs admin.user.write over every role the user holds. */
function assertCanManage(principal: Principal, assignments: ResolvedAssignment[]): void {
  const grants = grantsFor(principal, 'admin.user.write');
  const ok = grants.length > 0 && (assignments.length > 0 || grants.some((g) => g.scope.type === 'system'));
  if (!ok || !assignments.every((a) => canActOnRole(grants, 'admin.user.write', a.role, a.scope))) {
    throw forbidden('This account is outside your scope or holds a role above yours');
  }
}

async function loadVisibleUser(ctx: AppContext, principal: Principal, id: string) {
  const row = await findUser(ctx.db, id);
  if (!row) throw notFound('user');
  const assignments = await loadAssignments(ctx.db, [id]);
  // Outside the reader's scope the user does not exist, as far as the reader can tell.
  if (!canSee(principal, 'admin.user.read', assignments)) throw notFound('user');
  return { row, assignments };
}

export async function listUsers(ctx: AppContext, principal: Principal, query: ListUsersQuery): Promise<{ items: User[]; total: number }> {
  const phone = query.q ? normalizePhone(query.q) : '';
  const phoneHash = /^1\d{10}$/.test(phone) ? ctx.cipher.hash(phone) : null;
  const { rows, total } = await findUsers(
    ctx.db,
    reach(principal, 'admin.user.read'),
    {
      q: query.q?.trim() || undefined,
      status: query.status,
      role: query.role,
      sort: query.sort ?? 'account',
      order: query.order ?? 'asc',
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    },
    phoneHash,
  );
  const assignments = await loadAssignments(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => toUser(r, assignments)), total };
}

export async function getUser(ctx: AppContext, principal: Principal, id: string): Promise<User> {
  const { row, assignments } = await loadVisibleUser(ctx, principal, id);
  return toUser(row, assignments);
}

/** Resolves and checks a role + scope target: it exists, fits the role, and the actor may assign it. */
async function resolveTarget(
  ctx: AppContext,
  principal: Principal,
  input: { role: string; scopeType: ScopeType; scopeId?: string | null },
): Promise<{ role: Role; scope: ResolvedScope }> {
  const role = input.role as Role;
  const scopeId = input.scopeType === 'system' ? null : (input.scopeId ?? null);
  if (input.scopeType !== 'system' && scopeId === null) throw badRequest('SCOPE_REQUIRED', 'A region or organisation scope needs scopeId', [{ path: 'body/scopeId', message: 'is required' }]);
  const found = await findScope(ctx.db, input.scopeType, scopeId);
  if (input.scopeType !== 'system' && !found) throw badRequest('SCOPE_NOT_FOUND', 'The scope does not exist', [{ path: 'body/scopeId', message: 'not found' }]);
  const reason = scopeFitsRole(role, input.scopeType, found?.kind ?? null);
  if (reason) throw badRequest('ROLE_SCOPE_MISMATCH', `The role ${role} cannot be held at this scope`, { reason, allowed: ROLE_SCOPES[role] });
  const scope: ResolvedScope =
    input.scopeType === 'system'
      ? { type: 'system', id: null, regionPath: null, orgPath: null }
      : input.scopeType === 'region'
        ? { type: 'region', id: scopeId, regionPath: found?.path ?? null, orgPath: null }
        : { type: 'organization', id: scopeId, regionPath: found?.region_path ?? null, orgPath: found?.path ?? null };
  if (!canActOnRole(grantsFor(principal, 'admin.role.assign'), 'admin.role.assign', role, scope)) {
    throw forbidden('You cannot assign this role at this scope');
  }
  return { role, scope };
}

export async function createUser(ctx: AppContext, principal: Principal, input: CreateUserBody, actor: AuditActor): Promise<User> {
  const target = await resolveTarget(ctx, principal, input);
  await assertPasswordAcceptable(ctx.db, ctx.config.password, input.password, input.account);
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const phoneHash = phone ? ctx.cipher.hash(phone) : null;
  const clash = await ctx.db
    .selectFrom('app_user')
    .select(['account', 'phone_hash'])
    .where((eb) => eb.or([eb(sql`lower(account)`, '=', input.account.toLowerCase()), ...(phoneHash ? [eb('phone_hash', '=', phoneHash)] : [])]))
    .executeTakeFirst();
  if (clash) {
    const field = clash.account.toLowerCase() === input.account.toLowerCase() ? 'account' : 'phone';
    throw conflict(field === 'account' ? 'ACCOUNT_TAKEN' : 'PHONE_TAKEN', `This ${field} is already used by another user`, [{ path: `body/${field}`, message: 'already used' }]);
  }
  const hashed = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('app_user')
      .values({
        account: input.account,
        display_name: input.displayName,
        phone_hash: phoneHash,
        phone_encrypted: phone ? ctx.cipher.encrypt(phone) : null,
        phone_masked: phone ? maskPhone(phone) : null,
        password_hash: hashed,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('password_history').values({ user_id: user.id, password_hash: hashed }).execute();
    const ra = await trx
      .insertInto('role_assignment')
      .values({
        user_id: user.id,
        role: target.role,
        scope_type: target.scope.type,
        region_id: target.scope.type === 'region' ? target.scope.id : null,
        organization_id: target.scope.type === 'organization' ? target.scope.id : null,
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      after: { account: input.account, displayName: input.displayName, phone, status: 'active' },
    });
    await writeAudit(trx, actor, {
      action: 'role_assignment.create',
      entityType: 'role_assignment',
      entityId: ra.id,
      after: { userId: user.id, role: target.role, scopeType: target.scope.type, scopeId: target.scope.id },
    });
    return user.id;
  });
  return getUser(ctx, principal, id);
}

async function assertNotLastSystemAdmin(ctx: AppContext, userId: string): Promise<void> {
  const { n } = await ctx.db
    .selectFrom('role_assignment as ra')
    .innerJoin('app_user as u', 'u.id', 'ra.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ra.role', '=', 'system_admin')
    .where('u.status', '=', 'active')
    .where('u.id', '!=', userId)
    .executeTakeFirstOrThrow();
  if (Number(n) === 0) throw conflict('LAST_SYSTEM_ADMIN', 'This is the last active system administrator');
}

export async function updateUser(ctx: AppContext, principal: Principal, id: string, input: UpdateUserBody, actor: AuditActor): Promise<User> {
  const { row, assignments } = await loadVisibleUser(ctx, principal, id);
  assertCanManage(principal, assignments);
  if (input.status === 'disabled' && row.status === 'active') {
    if (id === principal.userId) throw conflict('CANNOT_DISABLE_SELF', 'You cannot disable your own account');
    if (assignments.some((a) => a.role === 'system_admin')) await assertNotLastSystemAdmin(ctx, id);
  }
  const set: Record<string, unknown> = { updated_at: sql`now()` };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (input.displayName !== undefined && input.displayName !== row.display_name) {
    set.display_name = input.displayName;
    before.displayName = row.display_name;
    after.displayName = input.displayName;
  }
  if (input.phone !== undefined) {
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const phoneHash = phone ? ctx.cipher.hash(phone) : null;
    if (phoneHash) {
      const clash = await ctx.db.selectFrom('app_user').select('id').where('phone_hash', '=', phoneHash).where('id', '!=', id).executeTakeFirst();
      if (clash) throw conflict('PHONE_TAKEN', 'This phone is already used by another user', [{ path: 'body/phone', message: 'already used' }]);
    }
    set.phone_hash = phoneHash;
    set.phone_encrypted = phone ? ctx.cipher.encrypt(phone) : null;
    set.phone_masked = phone ? maskPhone(phone) : null;
    before.phoneMasked = row.phone_masked;
    after.phoneMasked = set.phone_masked;
  }
  if (input.status !== undefined && input.status !== row.status) {
    set.status = input.status;
    before.status = row.status;
    after.status = input.status;
  }
  if (Object.keys(after).length > 0) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set(set).where('id', '=', id).execute();
      await writeAudit(trx, actor, { action: input.status === 'disabled' ? 'user.disable' : 'user.update', entityType: 'user', entityId: id, before, after });
    });
    if (after.status === 'disabled') await deleteUserSessions(ctx.db, id);
  }
  return getUser(ctx, principal, id);
}

export async function resetPassword(ctx: AppContext, principal: Principal, id: string, newPassword: string, actor: AuditActor): Promise<void> {
  const { row, assignments } = await loadVisibleUser(ctx, principal, id);
  assertCanManage(principal, assignments);
  await assertPasswordAcceptable(ctx.db, ctx.config.password, newPassword, row.account);
  await setPassword(ctx, id, newPassword, { mustChange: true });
  await deleteUserSessions(ctx.db, id);
  await writeAudit(ctx.db, actor, { action: 'user.password_reset', entityType: 'user', entityId: id });
}

export async function listAssignments(ctx: AppContext, principal: Principal, userId: string): Promise<RoleAssignment[]> {
  const { assignments } = await loadVisibleUser(ctx, principal, userId);
  return assignments.map(toRoleAssignmentDto);
}

export async function assignRole(ctx: AppContext, principal: Principal, input: CreateAssignmentBody, actor: AuditActor): Promise<RoleAssignment> {
  // The target scope decides (resolveTarget): adding a role in one's scope may bring a user into view.
  if (!(await findUser(ctx.db, input.userId))) throw notFound('user');
  const target = await resolveTarget(ctx, principal, input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('role_assignment')
      .values({
        user_id: input.userId,
        role: target.role,
        scope_type: target.scope.type,
        region_id: target.scope.type === 'region' ? target.scope.id : null,
        organization_id: target.scope.type === 'organization' ? target.scope.id : null,
        created_by: principal.userId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('ROLE_ALREADY_ASSIGNED', 'The user already holds this role at this scope');
    await writeAudit(trx, actor, {
      action: 'role_assignment.create',
      entityType: 'role_assignment',
      entityId: row.id,
      after: { userId: input.userId, role: target.role, scopeType: target.scope.type, scopeId: target.scope.id },
    });
    return row.id;
  });
  const all = await loadAssignments(ctx.db, [input.userId]);
  const created = all.find((a) => a.id === id);
  if (!created) throw notFound('role assignment');
  return toRoleAssignmentDto(created);
}

export async function removeAssignment(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  const row = await ctx.db.selectFrom('role_assignment').select(['user_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('role assignment');
  const assignments = await loadAssignments(ctx.db, [row.user_id]);
  const target = assignments.find((a) => a.id === id);
  if (!target || !canSee(principal, 'admin.user.read', assignments)) throw notFound('role assignment');
  if (!canActOnRole(grantsFor(principal, 'admin.role.assign'), 'admin.role.assign', target.role, target.scope)) {
    throw forbidden('You cannot remove this role assignment');
  }
  if (target.role === 'system_admin') await assertNotLastSystemAdmin(ctx, row.user_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('role_assignment').where('id', '=', id).execute();
    await writeAudit(trx, actor, {
      action: 'role_assignment.delete',
      entityType: 'role_assignment',
      entityId: id,
      before: { userId: target.userId, role: target.role, scopeType: target.scopeType, scopeId: target.scopeId },
    });
  });
}

export function listRoles() {
  return ROLES.map((role) => ({
    role,
    permissions: [...ROLE_PERMISSIONS[role]],
    scopeTypes: [...ROLE_SCOPES[role].types],
    regionKinds: [...(ROLE_SCOPES[role].regionKinds ?? [])],
    organizationKinds: [...(ROLE_SCOPES[role].organizationKinds ?? [])],
  }));
}

/** Scopes to pick from: inside the caller's reach and, when a role is given, of kinds that role may be held at. */
export async function listScopes(ctx: AppContext, principal: Principal, query: ScopesQuery): Promise<ScopeOption[]> {
  const r = reach(principal, 'admin.role.assign');
  const rule = query.role ? ROLE_SCOPES[query.role as Role] : null;
  const types = (query.type ? [query.type] : (['region', 'organization'] as const)).filter((t) => !rule || rule.types.includes(t));
  const out: ScopeOption[] = [];
  for (const t of types) {
    const kinds = rule ? (t === 'region' ? rule.regionKinds : rule.organizationKinds) : undefined;
    const rows = await searchScopes(ctx.db, t, query.q?.trim() || undefined, r, 50, kinds);
    const names = await namesOf(ctx.db, t, rows.map((row) => row.path));
    for (const row of rows) {
      out.push({ type: t, id: row.id, name: row.name, kind: row.kind, pathNames: names(row.path) });
    }
  }
  return out;
}

function parseInstant(value: string | undefined, field: string): Date | null {
  if (!value) return null;
  const d = new Date(value);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) throw badRequest('VALIDATION_FAILED', 'The request is not valid', [{ path: `querystring/${field}`, message: 'must be a date' }]);
  return d;
}

export async function listAuditEvents(ctx: AppContext, principal: Principal, query: ListAuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
  const r = reach(principal, 'audit.read');
  const from = parseInstant(query.from, 'from');
  const to = parseInstant(query.to, 'to');
  let q = ctx.db.selectFrom('audit_event as a').where((eb) => userInReach(eb, eb.ref('a.actor_user_id'), r));
  if (query.actor) q = q.where(sql`lower(a.actor_account)`, '=', query.actor.toLowerCase());
  if (query.action) q = q.where('a.action', 'like', `${escapeLike(query.action)}%`);
  if (query.entityType) q = q.where('a.entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('a.entity_id', '=', query.entityId);
  if (query.outcome) q = q.where('a.outcome', '=', query.outcome);
  if (from) q = q.where('a.at', '>=', from);
  if (to) q = q.where('a.at', '<', to);
  if (query.q) {
    const like = containsPattern(query.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(a.actor_account)`, 'like', like),
        eb(sql`lower(a.action)`, 'like', like),
        eb(sql`lower(a.entity_id)`, 'like', like),
        eb('a.ip', 'like', like),
      ]),
    );
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const pageSize = query.pageSize ?? 20;
  const rows = await q
    .selectAll('a')
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(pageSize)
    .offset(((query.page ?? 1) - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    items: rows.map((a) => ({
      id: String(a.id),
      at: a.at.toISOString(),
      actorUserId: a.actor_user_id,
      actorAccount: a.actor_account,
      ip: a.ip,
      userAgent: a.user_agent,
      requestId: a.request_id,
      action: a.action,
      entityType: a.entity_type,
      entityId: a.entity_id,
      before: a.before,
      after: a.after,
      outcome: a.outcome,
    })),
  };
}
