// GET /api/classify?q= — control-list classification by code, CAS number or free text, as `vigil classify --json`.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { requireRole } from '../auth.js';
import { ClassifyQuery } from '../schemas.js';

const classify: FastifyPluginAsync = async (app) => {
  app.get('/api/classify', {
    schema: { tags: ['classification'], summary: 'Classify by entry code (1C350), CAS number (111-48-8) or description', querystring: ClassifyQuery },
    onRequest: requireRole('reader'),
  }, async (request) => {
    const { q, asOf, limit } = request.query as z.infer<typeof ClassifyQuery>;
    return app.vigil.classify(q, { ...(asOf ? { asOf } : {}), ...(limit ? { limit } : {}) });
  });
};
export default classify;
