/**
 * One API endpoint, described once: method, path, params, query, body, the success answer,
 * summary, tags and the permission it needs. The server registers its route from this
 * (server/modules/module.ts `route`), the web calls it with types (web/lib/endpoint.ts
 * `callEndpoint`, `useEndpoint`), and the OpenAPI document is generated from it.
 */
import type { Static, TSchema } from 'typebox';
import type { Permission } from '../domain/access/roles';

export type EndpointMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** 'public': anyone; 'authenticated': any logged-in user; otherwise a named permission. */
export type EndpointAccess = Permission | 'public' | 'authenticated';

/** The success status of an endpoint; errors are always `{ error: { code, message, details } }`. */
export type SuccessStatus = 200 | 201 | 202 | 204;

export interface EndpointInit {
  method: EndpointMethod;
  /** Under /api/v1 (the module's prefix), with `:name` parameters, e.g. '/volunteering/activities/:id'. */
  path: string;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** The success answer's schema; leave it out for 204 No Content. */
  response?: TSchema;
  /** The success status; 200 by default, 204 when there is no response. */
  status?: SuccessStatus;
  /** A short sentence for the API reference. */
  summary: string;
  /** Groups in the API reference, e.g. ['volunteering: activities']. */
  tags?: readonly string[];
  permission: EndpointAccess;
  /** Refused to personal API tokens (e.g. creating more tokens). */
  sessionOnly?: boolean;
  /** Allowed while the user must change an expired or reset password. */
  allowWithExpiredPassword?: boolean;
}

export type Endpoint<I extends EndpointInit = EndpointInit> = I & { readonly status: SuccessStatus };

/** Declares an endpoint; keeps the literal types the server and the web client derive from. */
export function endpoint<const I extends EndpointInit>(init: I): Endpoint<I> {
  return { ...init, status: init.status ?? (init.response === undefined ? 204 : 200) } as Endpoint<I>;
}

type StaticOr<S, Fallback> = S extends TSchema ? Static<S> : Fallback;

/** The path parameters, query and body an endpoint takes. */
export type EndpointParams<E extends EndpointInit> = StaticOr<E['params'], undefined>;
export type EndpointQuery<E extends EndpointInit> = StaticOr<E['query'], undefined>;
export type EndpointBody<E extends EndpointInit> = StaticOr<E['body'], undefined>;
/** What a successful call answers (undefined for 204). */
export type EndpointResponse<E extends EndpointInit> = StaticOr<E['response'], void>;

/** `/volunteering/activities/:id` with `{ id }` filled in (each value URL-encoded). */
export function endpointPath(ep: Pick<EndpointInit, 'path'>, params: Record<string, string | number> | undefined): string {
  return ep.path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${ep.path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}
