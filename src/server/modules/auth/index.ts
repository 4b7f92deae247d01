/** Auth module: the API's front door (login, me, logout) plus password change and personal API tokens. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as api from '../../../contracts/auth.endpoints';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { CSRF_COOKIE, SESSION_COOKIE, csrfTokenFor, principalFromSession } from '../../platform/sessions';
import type { Principal } from '../../platform/principal';
import { defineModule, route } from '../module';
import { changePassword, createToken, listTokens, logIn, logOut, logOutEverywhere, revokeToken, toCurrentUser } from './auth.service';

const meBodies = new WeakMap<Principal, { user: ReturnType<typeof toCurrentUser>; csrfToken: string }>();

async function routes(app: FastifyInstance): Promise<void> {
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

  route(app, api.logIn, async (request, reply) => {
    const result = await logIn(ctx, request.body, auditActor(request));
    const principal = await principalFromSession(ctx, result.sessionToken);
    if (!principal) throw new Error('session vanished right after login');
    const csrfToken = csrfTokenFor(ctx, result.sessionHash);
    setCookies(reply, result.sessionToken, csrfToken);
    return { user: toCurrentUser(principal), csrfToken };
  }, { config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: 60_000 } } });

  route(app, api.getMe, async (request) => {
    const principal = requirePrincipal(request);
    // A principal is reused between requests for a few seconds (platform/principal-cache.ts) and never changed: so is its answer.
    let body = meBodies.get(principal);
    if (!body) meBodies.set(principal, (body = { user: toCurrentUser(principal), csrfToken: principal.sessionHash ? csrfTokenFor(ctx, principal.sessionHash) : '' }));
    return body;
  });

  route(app, api.logOut, async (request, reply) => {
    await logOut(ctx, requirePrincipal(request), auditActor(request));
    clearCookies(reply);
  });

  route(app, api.logOutEverywhere, async (request, reply) => {
    await logOutEverywhere(ctx, requirePrincipal(request), auditActor(request));
    clearCookies(reply);
  });

  route(app, api.changePassword, async (request) => {
    await changePassword(ctx, requirePrincipal(request), request.body, auditActor(request));
  });

  route(app, api.listTokens, async (request) => ({ items: await listTokens(ctx, requirePrincipal(request)) }));
  route(app, api.createToken, async (request) => createToken(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.revokeToken, async (request) => {
    await revokeToken(ctx, requirePrincipal(request), request.params.id, auditActor(request));
  });
}

export const authModule = defineModule({ name: 'auth', routes, tables: ['app_user', 'password_history', 'api_token'] });

/** What other modules may use of auth. */
export { setPassword, toRoleAssignmentDto } from './auth.service';
