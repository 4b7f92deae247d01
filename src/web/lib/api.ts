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

/** The ApiError of an answer with `status`, its body text and a way to read its headers. */
function errorFromBody(status: number, statusText: string, text: string, header: (name: string) => string | null): ApiError {
  let code = `HTTP_${status}`;
  let message = statusText || code;
  let details: unknown;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error) {
      if (typeof body.error.code === 'string') code = body.error.code;
      if (typeof body.error.message === 'string') message = body.error.message;
      details = body.error.details;
    }
  } catch {
    // not JSON (a proxy error page): keep the HTTP status as the code
  }
  const retry = header('retry-after');
  const retryAfter = retry === null ? null : Number.isFinite(Number(retry)) ? Number(retry) : null;
  return new ApiError({ status, code, message, details, retryAfter, requestId: header('x-request-id') });
}

async function parseError(response: Response): Promise<ApiError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // the body could not be read: the status is all there is
  }
  return errorFromBody(response.status, response.statusText, text, (name) => response.headers.get(name));
}

/** The redirects every failed request triggers (login on 401, password change on 403). */
function reportError(error: ApiError, noAuthRedirect = false): void {
  if (error.status === 401 && !noAuthRedirect && error.code !== 'AUTH_INVALID_CREDENTIALS') {
    unauthorizedHandler();
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    passwordChangeHandler();
  }
}

function isCsrfFailure(error: ApiError | null): boolean {
  return error !== null && error.status === 403 && error.code.startsWith('CSRF');
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
  if (isCsrfFailure(error) && method !== 'GET') {
    if (await refreshCsrfToken()) {
      response = await send(method, path, options);
      error = response.ok ? null : await parseError(response);
    }
  }

  if (error) {
    reportError(error, options.noAuthRedirect);
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

// --- files ---------------------------------------------------------------------------------------

/** The file name of a `content-disposition` header (`filename*=UTF-8''…` preferred), else null. */
function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // badly encoded: try the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

export interface DownloadedFile {
  blob: Blob;
  /** From the answer's content-disposition header, when it has one. */
  fileName: string | null;
}

/**
 * GET a file (a template, an export) as a Blob, with the same error handling as `request`, so that
 * a refusal is shown as a message instead of being saved as a file.
 */
export async function fetchFile(path: string, query?: Query, signal?: AbortSignal): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { accept: '*/*', 'accept-language': acceptLanguage },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw toApiError(error);
  }
  if (!response.ok) {
    const error = await parseError(response);
    reportError(error);
    throw error;
  }
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('content-disposition')) };
}

export interface UploadOptions {
  query?: Query;
  /** The body's content type (the file is sent as it is, not as multipart). */
  contentType: string;
  /** Called as the body goes out, with the fraction sent (0…1). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function uploadOnce<T>(path: string, body: Blob, options: UploadOptions): Promise<{ data?: T; error?: ApiError }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    xhr.open('POST', buildUrl(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', acceptLanguage);
    xhr.setRequestHeader('content-type', options.contentType);
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      options.signal?.removeEventListener('abort', onAbort);
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        try {
          resolve({ data: (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T });
        } catch (error) {
          reject(toApiError(error));
        }
        return;
      }
      resolve({ error: errorFromBody(xhr.status, xhr.statusText, xhr.responseText, (name) => xhr.getResponseHeader(name)) });
    };
    xhr.onerror = () => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(toApiError(new Error('network error')));
    };
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    options.signal?.addEventListener('abort', onAbort);
    xhr.send(body);
  });
}

/**
 * POST a file as the raw body, with upload progress (XMLHttpRequest: fetch reports none), the CSRF
 * header and the same retry and redirects as `request`.
 */
export async function upload<T>(path: string, body: Blob, options: UploadOptions): Promise<T> {
  let result = await uploadOnce<T>(path, body, options);
  if (result.error && isCsrfFailure(result.error) && (await refreshCsrfToken())) {
    result = await uploadOnce<T>(path, body, options);
  }
  if (result.error) {
    reportError(result.error);
    throw result.error;
  }
  return result.data as T;
}

/** POST a JSON body and receive a file (e.g. the accounts sheet made by the request), with `request`'s error handling. */
export async function postForFile(path: string, body: unknown): Promise<DownloadedFile> {
  const response = await send('POST', path, { body });
  if (!response.ok) {
    const error = await parseError(response);
    reportError(error);
    throw error;
  }
  return { blob: await response.blob(), fileName: dispositionFileName(response.headers.get('content-disposition')) };
}
