// Calling an endpoint of src/contracts with types: the path parameters, query and body it takes
// and the answer it gives come from its declaration. Same fetch, CSRF and error handling as api.ts.
import { endpointPath, type EndpointBody, type EndpointInit, type EndpointParams, type EndpointQuery, type EndpointResponse } from '../../contracts/endpoint';
import { request, withQuery, type Query } from './api';
import { useApi, type ApiState } from './useApi';

type IsEmpty<T> = [T] extends [undefined] ? true : false;
type AllOptional<T> = Partial<T> extends T ? true : false;

/** `params`, `query` and `body`, each required only when the endpoint has a required one. */
export type EndpointArgs<E extends EndpointInit> = (IsEmpty<EndpointParams<E>> extends true ? { params?: undefined } : { params: EndpointParams<E> }) &
  (IsEmpty<EndpointQuery<E>> extends true ? { query?: undefined } : AllOptional<EndpointQuery<E>> extends true ? { query?: EndpointQuery<E> } : { query: EndpointQuery<E> }) &
  (IsEmpty<EndpointBody<E>> extends true ? { body?: undefined } : { body: EndpointBody<E> }) & {
    signal?: AbortSignal;
    /** Do not send the user to the login page on 401 (the login form itself, the first /auth/me). */
    noAuthRedirect?: boolean;
  };

/** `{}` is enough for an endpoint that takes nothing. */
type ArgsParameter<E extends EndpointInit> = Record<string, never> extends EndpointArgs<E> ? [args?: EndpointArgs<E>] : [args: EndpointArgs<E>];

/** The relative URL (under /api/v1) of a call, path parameters filled in and the query appended. */
export function endpointUrl<E extends EndpointInit>(ep: E, args?: { params?: unknown; query?: unknown }): string {
  return withQuery(endpointPath(ep, args?.params as Record<string, string> | undefined), args?.query as Query | undefined);
}

/** Calls an endpoint; resolves with its typed answer or rejects with an ApiError. */
export function callEndpoint<const E extends EndpointInit>(ep: E, ...[args]: ArgsParameter<E>): Promise<EndpointResponse<E>> {
  const a = (args ?? {}) as { params?: unknown; query?: unknown; body?: unknown; signal?: AbortSignal; noAuthRedirect?: boolean };
  return request<EndpointResponse<E>>(ep.method, endpointUrl(ep, a), {
    body: a.body,
    signal: a.signal,
    noAuthRedirect: a.noAuthRedirect,
  });
}

/**
 * Calls a GET endpoint and again when its arguments change or `reload()` is called (useApi's state).
 * Pass `null` as the arguments to call nothing (for example until a needed value is known).
 */
export function useEndpoint<const E extends EndpointInit & { method: 'GET' }>(ep: E, args: Omit<EndpointArgs<E>, 'signal' | 'body'> | null): ApiState<EndpointResponse<E>> {
  return useApi<EndpointResponse<E>>(args === null ? null : endpointUrl(ep, args as { params?: unknown; query?: unknown }));
}
