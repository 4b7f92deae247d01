/** A module's manifest: its name and the plugin that registers its routes (under /api/v1 unless it says otherwise). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context';

export interface ModuleJob {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<unknown>;
}

export interface GongjianModule {
  name: string;
  /** Where the routes are mounted; default /api/v1. */
  prefix?: string;
  routes: FastifyPluginAsync;
  /** Periodic work the server runs (idempotent: every instance may run it). */
  jobs?: ModuleJob[];
}
