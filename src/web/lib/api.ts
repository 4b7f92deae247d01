// The one way the web client talks to the server: JSON over fetch under /api/v1, with the session
// cookie, the CSRF header on every state-changing request, typed errors and the 401 redirect.

export const API_BASE = '/api/v1';
const CSRF_HEADER = 'x-csrf-token';
const CSRF_COOKIE = 'gj_csrf';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue | readonly string[]>;

export interface FieldError {
  path: string;
  message: string;
}

/** An error answer of the API (`{ error: { code, message, details } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from the Retry-After header of a 429 answer. */
  readonly retryAfter: number | null;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    retryAfter?: number | null;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfter = init.retryAfter ?? null;
    this.requestId = init.requestId ?? null;
  }

  /** The `[{ path: "/field", message }]` details of a 400 validation error, else []. */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        typeof d === 'object' &&
        d !== null &&
        typeof (d as { path?: unknown }).path === 'string' &&
        typeof (d as { message?: unknown }).message === 'string',
    );
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    status: 0,
    code: NETWORK_ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

// --- session state the client keeps -------------------------------------------------------------

let csrfToken: string | null = null;
let acceptLanguage = 'zh-CN';
let unauthorizedHandler: () => void = () => {
  window.location.assign(loginPath(currentPath()));
};

/** Remember the CSRF token that login and /auth/me return. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

let passwordChangeHandler: () => void = () => undefined;

/** Called on a 401 of any request that did not opt out; returns a function that restores the previous handler. */
export function setUnauthorizedHandler(handler: () => void): () => void {
  const previous = unauthorizedHandler;
  unauthorizedHandler = handler;
  return () => {
    unauthorizedHandler = previous;
  };
}

/** Called on a 403 PASSWORD_CHANGE_REQUIRED (the password expired while the page was open). */
export function setPasswordChangeHandler(handler: () => void): () => void {
  const previous = passwordChangeHandler;
  passwordChangeHandler = handler;
  return () => {
    passwordChangeHandler = previous;
  };
}

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** `/login?next=…`, keeping the page to come back to (never another login page). */
export function loginPath(next?: string): string {
  if (!next || next === '/' || next.startsWith('/login')) return '/login';
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Only same-site absolute paths are followed after login (no `//evil.example`). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function currentCsrfToken(): string | null {
  // The cookie is the freshest copy (the server may rotate the token); memory is the fallback.
  return readCookie(CSRF_COOKIE) ?? csrfToken;
}

// --- requests ------------------------------------------------------------------------------------

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not send the user to the login page on 401 (the login form itself, the first /auth/me). */
  noAuthRedirect?: boolean;
}

/** `path?query` with empty values left out (a relative API path, without the /api/v1 prefix). */
export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly string[]) params.append(key, v);
    } else {
      params.append(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export function buildUrl(path: string, query?: Query): string {
  return `${API_BASE}${withQuery(path, query)}`;
}

async function parseError(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = response.statusText || code;
  let details: unknown;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      details = body.error.details;
    }
  } catch {
    // not JSON (a proxy error page): keep the HTTP status as the code
  }
  const retry = response.headers.get('retry-after');
  const retryAfter = retry === null ? null : Number.isFinite(Number(retry)) ? Number(retry) : null;
  return new ApiError({
    status: response.status,
    code,
    message,
    details,
    retryAfter,
    requestId: response.headers.get('x-request-id'),
  });
}

async function send(method: HttpMethod, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': acceptLanguage,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = currentCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw toApiError(error);
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('GET', '/auth/me', {});
  if (!response.ok) return false;
  const body = (await response.json()) as { csrfToken?: unknown };
  if (typeof body.csrfToken !== 'string') return false;
  csrfToken = body.csrfToken;
  return true;
}

export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  let error = response.ok ? null : await parseError(response);

  // A stale CSRF token (another tab logged in again): fetch the current one and try once more.
  if (error && error.status === 403 && error.code.startsWith('CSRF') && method !== 'GET') {
    if (await refreshCsrfToken()) {
      response = await send(method, path, options);
      error = response.ok ? null : await parseError(response);
    }
  }

  if (error) {
    if (error.status === 401 && !options.noAuthRedirect && error.code !== 'AUTH_INVALID_CREDENTIALS') {
      unauthorizedHandler();
    } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
      passwordChangeHandler();
    }
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T = void>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  put: <T = void>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T = void>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('DELETE', path, options),
};
