/**
 * The security headers (helmet's), computed once. @fastify/helmet runs helmet's middleware on
 * every request, parsing the Content-Security-Policy directives each time (a tenth of the time of
 * a light authenticated read in the bench profile). Our policy has no per-request part (no nonces),
 * so the headers are the same for every response: helmet computes them once here, against a
 * recording response, and a hook sets them on each reply.
 */
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

// helmet itself, resolved from @fastify/helmet so that it is the version the project installed with it.
const helmetRequire = createRequire(createRequire(import.meta.url).resolve('@fastify/helmet'));
const helmet = helmetRequire('helmet') as (options: object) => (req: object, res: object, next: (err?: unknown) => void) => void;

export function securityHeaders(options: object): Record<string, string> {
  const headers: Record<string, string> = {};
  let failure: unknown = null;
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  helmet(options)({ headers: {}, method: 'GET', url: '/' }, res, (err) => (failure = err ?? null));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

export function registerSecurityHeaders(app: FastifyInstance, options: object): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
}
