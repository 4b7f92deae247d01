/**
 * Typed errors and the one error handler. Services throw AppError(code, status, …); the handler
 * maps everything to { error: { code, message, details } } and never shows internals on a 5xx.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** Fastify plugins (rate limit) read the status from here. */
  get statusCode(): number {
    return this.status;
  }
}

export const notFound = (what = 'resource') => new AppError('NOT_FOUND', 404, `The ${what} was not found`);
export const forbidden = (message = 'You are not allowed to do this', details?: unknown) =>
  new AppError('FORBIDDEN', 403, message, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(code, 409, message, details);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(code, 400, message, details);

/**
 * Whether writes fail for want of space: set when a write fails so (PostgreSQL 53100, or ENOSPC
 * from the file system), cleared when a write succeeds. /readyz answers 503 while it is set, so a
 * load balancer stops sending traffic that would only fail.
 */
export interface StorageState {
  full: boolean;
  since: Date | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    storage: StorageState;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const STORAGE_FULL_CODES = new Set(['53100', 'ENOSPC', 'EDQUOT']);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown): FastifyReply {
  const body: ErrorBody = { error: details === undefined ? { code, message } : { code, message, details } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Errors from the database driver that mean the database is unreachable, not that the query is wrong. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08003',
  '08006',
  '53300', // too_many_connections
]);

function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(msg);
}

/**
 * Text PostgreSQL cannot store: a NUL character (\u0000) in a search or a field reaches the query
 * as a valid JSON or URL string and fails there (22021), or cannot be converted (22P05). The
 * security scan found it (docs/security.md, Scans): it is the client's input, so 400, not 500.
 */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

function validationDetails(err: FastifyError): Array<{ path: string; message: string }> {
  const list = (err.validation ?? []) as Array<{ instancePath?: string; message?: string; params?: Record<string, unknown> }>;
  const context = err.validationContext ?? 'body';
  return list.map((v) => {
    let p = v.instancePath ?? '';
    const missing = v.params?.missingProperty ?? v.params?.requiredProperties;
    if (typeof missing === 'string') p = `${p}/${missing}`;
    else if (Array.isArray(missing) && typeof missing[0] === 'string') p = `${p}/${missing[0]}`;
    const additional = v.params?.additionalProperty;
    if (typeof additional === 'string') p = `${p}/${additional}`;
    return { path: `${context}${p || ''}`, message: v.message ?? 'is invalid' };
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  const storage: StorageState = { full: false, since: null };
  app.decorate('storage', storage);
  app.addHook('onResponse', async (request, reply) => {
    if (storage.full && WRITE_METHODS.has(request.method) && reply.statusCode < 400) {
      storage.full = false;
      storage.since = null;
    }
  });
  app.setErrorHandler((err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      if (err.status >= 500) request.log.error({ err }, 'request failed');
      return send(reply, err.status, err.code, err.message, err.details);
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      return send(reply, 400, 'VALIDATION_FAILED', 'The request is not valid', validationDetails(fe));
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not supported here');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(reply, 400, 'INVALID_JSON', 'The request body is not valid JSON');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, 400, 'INVALID_CONTENT_LENGTH', 'The Content-Length header does not match the body');
      default:
        break;
    }
    if (fe.statusCode === 429) {
      return send(reply, 429, 'RATE_LIMITED', 'Too many requests; try again later');
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Body parser errors (SyntaxError in JSON, etc.) arrive with a 4xx status of their own.
      const code = fe.statusCode === 400 ? 'BAD_REQUEST' : `HTTP_${fe.statusCode}`;
      return send(reply, fe.statusCode, code, fe.statusCode === 400 ? 'The request is not valid' : 'The request cannot be handled');
    }
    if (typeof (err as { code?: unknown }).code === 'string' && UNSTORABLE_TEXT_CODES.has((err as { code: string }).code)) {
      return send(reply, 400, 'INVALID_CHARACTERS', 'The request contains characters that cannot be stored (such as NUL)');
    }
    if (STORAGE_FULL_CODES.has(String((err as { code?: unknown }).code))) {
      // disk_full (or no space for an upload): reads still work, writes wait for an operator; /readyz says so until a write succeeds.
      storage.full = true;
      storage.since ??= new Date();
      request.log.error({ err }, 'storage full');
      void reply.header('retry-after', '60');
      return send(reply, 503, 'STORAGE_FULL', 'The database has no space left to write; try again once an administrator has freed space');
    }
    if (isDatabaseUnavailable(err)) {
      request.log.error({ err }, 'database unavailable');
      void reply.header('retry-after', '5');
      return send(reply, 503, 'DATABASE_UNAVAILABLE', 'The database is not available; try again shortly');
    }
    request.log.error({ err }, 'unexpected error');
    return send(reply, 500, 'INTERNAL', 'Something went wrong on our side', { requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => send(reply, 404, 'NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`));
}
