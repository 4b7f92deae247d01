/** Auth module: the API's front door (login, me, logout) plus password change and personal API tokens. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ApiToken, ChangePasswordBody, CreateTokenBody, CreatedToken, LoginBody, SessionResponse } from '../../../contracts/auth';
import { errorResponses, IdParams } from '../../../contracts/common';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor, principalFromSession } from '../../platform/sessions';
import type { Principal } from '../../platform/principal';
import type { GongjianModule } from '../module';
import { changePassword, createToken, listTokens, logIn, logOut, logOutEverywhere, revokeToken, toCurrentUser } from './auth.service';

const tags = ['auth'];
const meBodies = new WeakMap<Principal, { user: ReturnType<typeof toCurrentUser>; csrfToken: string }>();

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  const setCookies = (reply: FastifyReply, token: string, csrf: string) => {
    const common = { path: '/', secure: ctx.config.secureCookies, sameSite: 'lax' as const, maxAge: ctx.config.sessionMaxHours * 3600 };
    void reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
    void reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
  };
  const clearCookies = (reply: FastifyReply) => {
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    void reply.clearCookie(CSRF_COOKIE, { path: '/' });
  };

  app.post(
    '/auth/login',
    {
      schema: { tags, summary: 'Log in with account (or phone) and password; sets the session cookie', body: LoginBody, response: { 200: SessionResponse, ...errorResponses } },
      config: { permission: 'public', rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    },
    async (request, reply) => {
      const result = await logIn(ctx, request.body, auditActor(request));
      const principal = await principalFromSession(ctx, result.sessionToken);
      if (!principal) throw new Error('session vanished right after login');
      const csrfToken = csrfTokenFor(ctx, result.sessionHash);
      setCookies(reply, result.sessionToken, csrfToken);
      return { user: toCurrentUser(principal), csrfToken };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags, summary: 'The current user with role assignments and permissions', response: { 200: SessionResponse, ...errorResponses } },
      config: { permission: 'authenticated', allowWithExpiredPassword: true },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      // A principal is reused between requests for a few seconds (platform/principal-cache.ts) and never changed: so is its answer.
      let body = meBodies.get(principal);
      if (!body) meBodies.set(principal, (body = { user: toCurrentUser(principal), csrfToken: principal.sessionHash ? csrfTokenFor(ctx, principal.sessionHash) : '' }));
      return body;
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags, summary: 'End this session', response: { 204: Type.Null(), ...errorResponses } },
      config: { permission: 'authenticated', allowWithExpiredPassword: true },
    },
    async (request, reply) => {
      await logOut(ctx, requirePrincipal(request), auditActor(request));
      clearCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    {
      schema: { tags, summary: 'End every session of the current user', response: { 204: Type.Null(), ...errorResponses } },
      config: { permission: 'authenticated', allowWithExpiredPassword: true, sessionOnly: true },
    },
    async (request, reply) => {
      await logOutEverywhere(ctx, requirePrincipal(request), auditActor(request));
      clearCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: { tags, summary: 'Change the own password', body: ChangePasswordBody, response: { 204: Type.Null(), ...errorResponses } },
      config: { permission: 'authenticated', allowWithExpiredPassword: true, sessionOnly: true },
    },
    async (request, reply) => {
      await changePassword(ctx, requirePrincipal(request), request.body, auditActor(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: { tags, summary: 'The own personal API tokens', response: { 200: Type.Object({ items: Type.Array(ApiToken) }), ...errorResponses } },
      config: { permission: 'auth.token.manage', sessionOnly: true },
    },
    async (request) => ({ items: await listTokens(ctx, requirePrincipal(request)) }),
  );

  app.post(
    '/auth/tokens',
    {
      schema: { tags, summary: 'Create a personal API token (the secret is shown once)', body: CreateTokenBody, response: { 201: CreatedToken, ...errorResponses } },
      config: { permission: 'auth.token.manage', sessionOnly: true },
    },
    async (request, reply) => reply.status(201).send(await createToken(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: { tags, summary: 'Revoke a personal API token', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
      config: { permission: 'auth.token.manage', sessionOnly: true },
    },
    async (request, reply) => {
      await revokeToken(ctx, requirePrincipal(request), request.params.id, auditActor(request));
      return reply.status(204).send(null);
    },
  );
}

export const authModule: GongjianModule = { name: 'auth', routes };

/** What other modules may use of auth. */
export { setPassword, toRoleAssignmentDto } from './auth.service';
