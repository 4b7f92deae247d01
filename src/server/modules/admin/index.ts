/** Admin module: users, role assignments, roles, scopes to pick from, and the audit log. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AuditEvent,
  CreateAssignmentBody,
  CreateUserBody,
  ListAuditQuery,
  ListUsersQuery,
  ResetPasswordBody,
  RoleInfo,
  ScopeOption,
  ScopesQuery,
  UpdateUserBody,
  User,
} from '../../../contracts/admin';
import { RoleAssignment } from '../../../contracts/auth';
import { IdParams, Page, errorResponses } from '../../../contracts/common';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { defineModule } from '../module';
import {
  assignRole,
  createUser,
  getUser,
  listAssignments,
  listAuditEvents,
  listRoles,
  listScopes,
  listUsers,
  removeAssignment,
  resetPassword,
  updateUser,
} from './admin.service';

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['admin'];

  app.get(
    '/users',
    { schema: { tags, summary: 'Users in the caller’s scope', querystring: ListUsersQuery, response: { 200: Page(User), ...errorResponses } }, config: { permission: 'admin.user.read' } },
    async (request) => listUsers(ctx, requirePrincipal(request), request.query),
  );
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user with a first role assignment', body: CreateUserBody, response: { 201: User, ...errorResponses } }, config: { permission: 'admin.user.write' } },
    async (request, reply) => reply.status(201).send(await createUser(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One user', params: IdParams, response: { 200: User, ...errorResponses } }, config: { permission: 'admin.user.read' } },
    async (request) => getUser(ctx, requirePrincipal(request), request.params.id),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, summary: 'Change name, phone or status (disabling ends all sessions)', params: IdParams, body: UpdateUserBody, response: { 200: User, ...errorResponses } }, config: { permission: 'admin.user.write' } },
    async (request) => updateUser(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post(
    '/users/:id/password-reset',
    { schema: { tags, summary: 'Set a new password the user must change at next login', params: IdParams, body: ResetPasswordBody, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'admin.user.write' } },
    async (request, reply) => {
      await resetPassword(ctx, requirePrincipal(request), request.params.id, request.body.newPassword, auditActor(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/users/:id/role-assignments',
    { schema: { tags, summary: 'Role assignments of a user', params: IdParams, response: { 200: Type.Object({ items: Type.Array(RoleAssignment) }), ...errorResponses } }, config: { permission: 'admin.user.read' } },
    async (request) => ({ items: await listAssignments(ctx, requirePrincipal(request), request.params.id) }),
  );
  app.post(
    '/role-assignments',
    { schema: { tags, summary: 'Assign a role within a scope', body: CreateAssignmentBody, response: { 201: RoleAssignment, ...errorResponses } }, config: { permission: 'admin.role.assign' } },
    async (request, reply) => reply.status(201).send(await assignRole(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.delete(
    '/role-assignments/:id',
    { schema: { tags, summary: 'Remove a role assignment', params: IdParams, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'admin.role.assign' } },
    async (request, reply) => {
      await removeAssignment(ctx, requirePrincipal(request), request.params.id, auditActor(request));
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/roles',
    { schema: { tags, summary: 'Roles with their permissions and allowed scope types', response: { 200: Type.Object({ items: Type.Array(RoleInfo) }), ...errorResponses } }, config: { permission: 'admin.user.read' } },
    async () => ({ items: listRoles() }),
  );
  app.get(
    '/scopes',
    { schema: { tags, summary: 'Regions and organisations the caller may assign roles in', querystring: ScopesQuery, response: { 200: Type.Object({ items: Type.Array(ScopeOption) }), ...errorResponses } }, config: { permission: 'admin.role.assign' } },
    async (request) => ({ items: await listScopes(ctx, requirePrincipal(request), request.query) }),
  );
  app.get(
    '/audit-events',
    { schema: { tags, summary: 'Search the audit log', querystring: ListAuditQuery, response: { 200: Page(AuditEvent), ...errorResponses } }, config: { permission: 'audit.read' } },
    async (request) => listAuditEvents(ctx, requirePrincipal(request), request.query),
  );
}

export const adminModule = defineModule({ name: 'admin', routes, tables: ['role_assignment'] });
