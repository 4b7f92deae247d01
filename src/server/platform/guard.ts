/**
 * The guard: every API route declares the permission it needs (`config.permission`); a route
 * without one fails the start. Each request is resolved to its principal (session cookie or
 * Bearer token), checked against the declaration, and cookie-authenticated writes must carry
 * the CSRF token. Denials are 403 with a stable code, logged and audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { isPermission, type Permission } from '../../domain/access/roles';
import { writeAudit, type AuditActor } from './audit';
import type { AppContext } from './context';
import { safeEqual } from './crypto';
import { AppError } from './errors';
import type { Principal } from './principal';
import { CSRF_HEADER, SESSION_COOKIE, csrfTokenFor, principalFromSession, principalFromToken } from './sessions';

/** 'public': anyone; 'authenticated': any logged-in user; otherwise a named permission. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RouteAccess;
    /** Allowed while the user must change an expired or reset password. */
    allowWithExpiredPassword?: boolean;
    /** Refused to personal API tokens (e.g. creating more tokens). */
    sessionOnly?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: RouteAccess;
  sessionOnly: boolean;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function auditActor(request: FastifyRequest): AuditActor {
  const ua = request.headers['user-agent'];
  return {
    userId: request.principal?.userId ?? null,
    account: request.principal?.account ?? null,
    ip: request.ip ?? null,
    userAgent: typeof ua === 'string' ? ua : null,
    requestId: request.id,
  };
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED', 401, 'Please log in');
  return request.principal;
}

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m?.[1] ?? null;
}

export function registerGuard(app: FastifyInstance, ctx: AppContext, declared: DeclaredRoute[]): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url;
    if (!url.startsWith('/api/')) return;
    // The API reference pages (swagger-ui) are public documentation.
    if (url.startsWith('/api/v1/docs')) route.config = { ...route.config, permission: 'public' };
    const permission = route.config?.permission;
    if (permission === undefined || (permission !== 'public' && permission !== 'authenticated' && !isPermission(permission))) {
      throw new Error(`Route ${String(route.method)} ${url} declares no valid permission (config.permission)`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      declared.push({ method, url, permission, sessionOnly: route.config?.sessionOnly === true });
    }
  });

  const deny = async (request: FastifyRequest, code: string, message: string, permission?: string): Promise<never> => {
    request.log.warn({ code, permission, userId: request.principal?.userId }, 'access denied');
    await writeAudit(ctx.db, auditActor(request), {
      action: 'access.denied',
      entityType: 'route',
      entityId: `${request.method} ${request.routeOptions.url ?? request.url}`,
      after: { code, permission: permission ?? null },
      outcome: 'denied',
    });
    throw new AppError(code, 403, message, permission ? { permission } : undefined);
  };

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.permission;
    if (access === undefined) return; // not an API route (static files, health, 404)

    const token = bearer(request);
    const cookie = request.cookies[SESSION_COOKIE];
    if (token) {
      request.principal = await principalFromToken(ctx, token);
      if (!request.principal) throw new AppError('AUTH_INVALID_TOKEN', 401, 'The API token is not valid');
    } else if (cookie) {
      request.principal = await principalFromSession(ctx, cookie);
    }

    if (access === 'public') return;
    const principal = request.principal;
    if (!principal) throw new AppError('AUTH_REQUIRED', 401, 'Please log in');

    const config = request.routeOptions.config;
    if (principal.via === 'token' && config.sessionOnly) {
      await deny(request, 'SESSION_REQUIRED', 'This needs a logged-in session, not an API token');
    }
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = csrfTokenFor(ctx, principal.sessionHash as string);
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        await deny(request, 'CSRF_FAILED', 'The request is missing a valid CSRF token (x-csrf-token)');
      }
    }
    if (principal.mustChangePassword && !config.allowWithExpiredPassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 403, 'Please change your password first');
    }
    if (access !== 'authenticated' && !principal.permissions.has(access)) {
      await deny(request, 'FORBIDDEN', 'You do not have the permission for this', access);
    }
  });
}
