/** A module's manifest: its name and the plugin that registers its routes (under /api/v1 unless it says otherwise). */
import type { FastifyPluginAsync } from 'fastify';

export interface GongjianModule {
  name: string;
  /** Where the routes are mounted; default /api/v1. */
  prefix?: string;
  routes: FastifyPluginAsync;
}
