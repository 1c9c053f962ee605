// GET /api/health — liveness plus what the instance is serving.
import type { FastifyPluginAsync } from 'fastify';
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
const started = Date.now();

const health: FastifyPluginAsync = async (app) => {
  app.get('/api/health', {
    schema: { tags: ['meta'], summary: 'Liveness and the data the instance serves', security: [] },
  }, async () => {
    const v = app.vigil;
    let lists: unknown = [];
    let status = 'ok';
    try {
      lists = await v.listVersions();
    } catch (err) {
      // The API still answers; the screening index is the part that is not ready.
      status = 'degraded';
      lists = { error: (err as Error).message };
    }
    return { status, version: pkg.version, store: v.store.kind, uptimeSeconds: Math.round((Date.now() - started) / 1000), lists };
  });
};
export default health;
