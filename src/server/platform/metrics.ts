/**
 * Prometheus metrics on /metrics: request counts and latencies by route, the database pool,
 * event-loop lag and the process defaults. One registry per app instance.
 */
import type { FastifyInstance } from 'fastify';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../db/database';

export function registerMetrics(app: FastifyInstance, database: Database, token: string | null): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const duration = new Histogram({
    name: 'gongjian_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'gongjian_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state', 'store'] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      this.set({ state: 'total', store: database.store }, s.total);
      this.set({ state: 'idle', store: database.store }, s.idle);
      this.set({ state: 'waiting', store: database.store }, s.waiting);
    },
  });
  void pool;

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      return reply.status(401).send({ error: { code: 'AUTH_REQUIRED', message: 'Metrics need the metrics token' } });
    }
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
