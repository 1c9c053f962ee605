// GET /api/lists — the list snapshots: which are active, their dates, counts and age.
import type { FastifyPluginAsync } from 'fastify';
import { requireRole } from '../auth.js';
import { listsStatus } from '../lists-status.js';

const lists: FastifyPluginAsync = async (app) => {
  app.get('/api/lists', {
    schema: { tags: ['lists'], summary: 'List snapshots (active and superseded) with dates, counts and age' },
    preHandler: requireRole('reader'),
  }, async () => listsStatus(app.vigil.store));
};
export default lists;
