// GET /api/measures — the regime measures for a destination (?destination=KP&asOf=…&jurisdiction=…),
// or the coverage of every destination: the same answer as `vigil measures --json`.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { requireRole } from '../auth.js';
import { MeasuresQuery } from '../schemas.js';
import { coverage, measuresFor } from '../../policy/measures.js';

const measures: FastifyPluginAsync = async (app) => {
  app.get('/api/measures', {
    schema: { tags: ['policy'], summary: 'Sanctions measures for a destination (dated, cited), or coverage of every destination', querystring: MeasuresQuery },
    preHandler: requireRole('reader'),
  }, async (request) => {
    const q = request.query as z.infer<typeof MeasuresQuery>;
    const rules = await app.vigil.rules();
    const o = { ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.jurisdiction ? { jurisdiction: q.jurisdiction.toUpperCase() } : {}) };
    return q.destination ? measuresFor(rules, q.destination.toUpperCase(), o) : { ...o, coverage: coverage(rules, o) };
  });
};
export default measures;
