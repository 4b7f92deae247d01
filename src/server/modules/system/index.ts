/**
 * System module: liveness (/healthz) and readiness (/readyz) probes, at the root as load balancers
 * expect. Not ready: the database does not answer, or writes fail for want of space (platform/errors.ts).
 */
import { sql } from 'kysely';
import { defineModule } from '../module';

export const systemModule = defineModule({
  name: 'system',
  prefix: '',
  tables: [],
  routes: async (app) => {
    app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
      if (app.storage.full) {
        void reply.header('retry-after', '60');
        return reply.status(503).send({
          error: { code: 'STORAGE_FULL', message: 'Writes fail for want of space; not ready until a write succeeds', details: { since: app.storage.since?.toISOString() ?? null } },
        });
      }
      try {
        await sql`select 1`.execute(app.ctx.db);
        return { status: 'ready' };
      } catch {
        return reply.status(503).send({ error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not available' } });
      }
    });
  },
});
