/**
 * The module shape. A module is one declaration (`defineModule`) in its folder's index.ts: its
 * routes (registered from the typed endpoints of src/contracts with `route`), the tables it owns,
 * its periodic jobs, its domain-event handlers, its demo seed step and its dashboard figures. The
 * server (app.ts, main.ts) and the demo seed (seed/index.ts) loop over modules/index.ts.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Endpoint, EndpointBody, EndpointInit, EndpointParams, EndpointQuery, EndpointResponse } from '../../contracts/endpoint';
import { errorResponses } from '../../contracts/common';
import type { DB } from '../db/schema';
import type { AppContext } from '../platform/context';
import type { PersonalDataCipher } from '../platform/crypto';
import type { DomainEvents } from '../platform/events';
import type { Principal } from '../platform/principal';

export interface ModuleJob {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<unknown>;
}

/** What a demo seed step gets: the database, the cipher for personal data, the scale and a progress callback. */
export interface SeedInput {
  db: Kysely<DB>;
  cipher: PersonalDataCipher;
  scale: 'small' | 'county' | 'city';
  onProgress?: (step: string, done: number, total: number) => void;
}

/** What a seed step reports: whether it wrote anything (it is idempotent) and the rows per table. */
export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

/** Figures a module reports for a dashboard, for what the caller reaches (e.g. { activities: 12 }). */
export type ModuleFigures = Record<string, number>;

/** Handlers of other modules' domain events (platform/events.ts), subscribed when the app is built. */
export type ModuleEventHandlers = { [K in keyof DomainEvents]?: (ctx: AppContext, payload: DomainEvents[K]) => Promise<unknown> };

export interface ModuleDefinition {
  name: string;
  /** Where the routes are mounted; default /api/v1. */
  prefix?: string;
  /** Registers the routes (with `route(app, endpoint, handler)` for each endpoint of the module's contract). */
  routes?: (app: FastifyInstance) => Promise<void> | void;
  /** The tables this module owns: only its SQL names them; others ask through its index.ts or its events. */
  tables: readonly (keyof DB)[];
  /** Periodic work the server runs (idempotent: every instance may run it). */
  jobs?: readonly ModuleJob[];
  /** Domain events this module reacts to. */
  events?: ModuleEventHandlers;
  /** The module's part of the demo (`gongjian seed`, the first start in development); runs in list order. */
  seed?: (input: SeedInput) => Promise<SeedResult>;
  /** Dashboard figures for what the principal reaches. */
  stats?: (ctx: AppContext, principal: Principal) => Promise<ModuleFigures>;
}

export type GongjianModule = Readonly<ModuleDefinition>;

export function defineModule(definition: ModuleDefinition): GongjianModule {
  return definition;
}

/** The request a route handler gets: params, query and body typed from the endpoint. */
export type EndpointRequest<E extends EndpointInit> = FastifyRequest<{
  Params: EndpointParams<E>;
  Querystring: EndpointQuery<E>;
  Body: EndpointBody<E>;
}>;

/**
 * What a handler returns: the success answer (sent with the endpoint's status), nothing for 204,
 * or the reply itself when it sent something else (a file, a redirect).
 */
export type EndpointHandler<E extends EndpointInit> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointResponse<E> | FastifyReply>;

/** Server-only options of a route: rate limits, body size, accepted content types. */
export interface RouteExtras {
  config?: Omit<FastifyContextConfig, 'permission'>;
  bodyLimit?: number;
  /** Content types the body may have besides JSON (documented in the API reference). */
  consumes?: readonly string[];
}

/** Registers the route of an endpoint: schema, permission and status from its declaration. */
export function route<const E extends Endpoint>(app: FastifyInstance, ep: E, handler: EndpointHandler<E>, extras: RouteExtras = {}): void {
  const schema: Record<string, unknown> = {
    summary: ep.summary,
    response: { [ep.status]: ep.response ?? { type: 'null' }, ...errorResponses },
  };
  if (ep.tags) schema.tags = [...ep.tags];
  if (ep.params) schema.params = ep.params;
  if (ep.query) schema.querystring = ep.query;
  if (ep.body) schema.body = ep.body;
  if (extras.consumes) schema.consumes = [...extras.consumes];
  const options: RouteShorthandOptions = {
    schema,
    config: {
      ...extras.config,
      permission: ep.permission,
      ...(ep.sessionOnly ? { sessionOnly: true } : {}),
      ...(ep.allowWithExpiredPassword ? { allowWithExpiredPassword: true } : {}),
    },
  };
  if (extras.bodyLimit !== undefined) options.bodyLimit = extras.bodyLimit;
  app.route({
    ...options,
    method: ep.method,
    url: ep.path,
    handler: async (request, reply) => {
      void reply.code(ep.status);
      const answer = await handler(request as EndpointRequest<E>, reply);
      if (answer === reply || reply.sent) return reply;
      if (ep.status === 204) return reply.send(null);
      return answer;
    },
  });
}
