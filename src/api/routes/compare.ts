// POST /api/compare — score two names, as `vigil compare A B --json`.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { requireRole } from '../auth.js';
import { CompareBody } from '../schemas.js';

const compare: FastifyPluginAsync = async (app) => {
  app.post('/api/compare', {
    schema: { tags: ['screening'], summary: 'Score two names against each other, with the explanation', body: CompareBody },
    onRequest: requireRole('reader'),
  }, async (request) => {
    const { a, b, type } = request.body as z.infer<typeof CompareBody>;
    return app.vigil.compare(a, b, type);
  });
};
export default compare;
