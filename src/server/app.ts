/**
 * buildApp(config, database) returns the Fastify instance with every platform piece and module
 * registered. It does not listen and does not own the database: main.ts and the tests do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import ajvFormats from 'ajv-formats';
import type { Config } from './config';
import type { Database } from './db/database';
import type { AppContext } from './platform/context';
import { PersonalDataCipher } from './platform/crypto';
import { EventBus, type DomainEvents } from './platform/events';
import { createLiveBus } from './platform/live';
import { AppError, registerErrorHandling } from './platform/errors';
import { registerGuard, type DeclaredRoute } from './platform/guard';
import { boundedDateFormats, registerInputChecks } from './platform/input';
import { registerMetrics } from './platform/metrics';
import { registerSecurityHeaders } from './platform/security-headers';
import { lazySchemas } from './platform/lazy-schemas';
import { resolveSecrets } from './platform/secrets';
import { MODULES } from './modules';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    declaredRoutes: DeclaredRoute[];
    /** Compiles the route schemas not compiled yet (they compile on first use otherwise); see platform/lazy-schemas.ts. */
    warmSchemas(): Promise<number>;
  }
}

export const API_PREFIX = '/api/v1';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuildOptions {
  /** A pino logger configuration or false; defaults to the configured log level. */
  logger?: boolean | object;
  /**
   * Compile each route schema on first use instead of before listening (Fastify's way, the
   * default); startServer does, then compiles the rest with warmSchemas() once it listens.
   */
  lazySchemas?: boolean;
}

export async function buildApp(config: Config, database: Database, options: BuildOptions = {}): Promise<FastifyInstance> {
  const schemas = lazySchemas({ eager: !options.lazySchemas });
  const app: FastifyInstance = Fastify({
    schemaController: { compilersFactory: schemas.compilersFactory as never },
    logger: options.logger ?? (config.logLevel === 'silent' ? false : { level: config.logLevel }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false },
      plugins: [ajvFormats as never, boundedDateFormats as never],
    },
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route (a malformed URL, a parameter too long) get the one error shape too.
    frameworkErrors: (error, _request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      const code = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'URL_PARAMETER_TOO_LONG' : error.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST';
      void (reply as FastifyReply).status(status).type('application/json; charset=utf-8').send({ error: { code, message: 'The request URL is not valid' } });
    },
  });

  const { secrets, generated } = await resolveSecrets(database.db, config);
  if (generated && config.env !== 'test') {
    app.log.warn('Using generated development secrets stored in the database; set GONGJIAN_SESSION_SECRET and GONGJIAN_ENCRYPTION_KEY in production');
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    secrets,
    cipher: new PersonalDataCipher(secrets.encryptionKey),
    log: app.log,
    events: new EventBus((err, event) => app.log.error({ err, event }, 'event handler failed')),
    live: createLiveBus(database, { onError: (err, what) => app.log.error({ err }, what) }),
  };
  app.addHook('onClose', async () => ctx.live.close());
  app.decorate('ctx', ctx);
  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.decorate('warmSchemas', () => schemas.warm());
  app.addHook('onClose', async () => schemas.stop());

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute > 0 ? config.rateLimitPerMinute : 1_000_000,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', 429, 'Too many requests; try again later', undefined, {
        'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))),
      }),
  });

  registerErrorHandling(app);
  registerInputChecks(app);
  registerGuard(app, ctx, declared);
  registerMetrics(app, database, config.metricsToken);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Gongjian (共建) API',
        version: '1',
        description:
          'JSON API of the Gongjian platform. Authenticate with the session cookie from POST /api/v1/auth/login ' +
          '(writes then need the x-csrf-token header) or with a personal API token as Authorization: Bearer gj_…. ' +
          'Errors have the shape { error: { code, message, details } }.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'gj_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    hideUntagged: false,
  });
  await app.register(swaggerUi, { routePrefix: `${API_PREFIX}/docs`, staticCSP: true, uiConfig: { docExpansion: 'list' } });
  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());

  for (const mod of MODULES) {
    for (const [event, handler] of Object.entries(mod.events ?? {}) as Array<[keyof DomainEvents, (c: AppContext, p: never) => Promise<unknown>]>) {
      ctx.events.on(event, async (payload) => {
        await handler(ctx, payload as never);
      });
    }
    if (mod.routes) await app.register(async (scope) => mod.routes?.(scope), { prefix: mod.prefix ?? API_PREFIX });
  }

  registerWeb(app, config.webDir);
  return app;
}

/** Serves the built single-page app, with index.html for any non-API path the router owns. */
function registerWeb(app: FastifyInstance, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  const built = fs.existsSync(index);
  if (built) {
    void app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api') {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${url}` } });
    }
    if (!built) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>共建 Gongjian</title><p>The web app is not built. Run <code>npm run build</code>.</p>');
    }
    if (url.startsWith('/assets/')) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No file ${url}` } });
    }
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
