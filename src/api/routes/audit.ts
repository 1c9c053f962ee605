// The audit trail over HTTP (role officer): read it, and check its hash chain.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AuditEvent } from '../../model/index.js';
import { verifyAuditChain } from '../../cases/audit-trail.js';
import { requireRole } from '../auth.js';

const ListQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  before: z.coerce.number().int().min(1).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  subject: z.string().min(1).max(300).optional(),
  action: z.string().min(1).max(100).optional(),
  actor: z.string().min(1).max(300).optional(),
});
const VerifyQuery = z.object({ expectHead: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256').optional() });

const audit: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', requireRole('officer'));
  const tags = ['audit'];

  app.get('/api/audit', {
    schema: {
      tags, querystring: ListQuery,
      summary: 'Audit events, oldest first after `after` or (order=desc) newest first before `before`; filter by exact subject or action, and by part of the actor. `next` is the cursor of the following page.',
    },
  }, async (request) => {
    const q = request.query as z.infer<typeof ListQuery>;
    const newestFirst = q.order === 'desc';
    // One more than asked says whether another page follows.
    const page = await app.vigil.store.listAudit({
      afterSeq: q.after, beforeSeq: q.before, newestFirst, limit: q.limit + 1,
      action: q.action, subject: q.subject, actorContains: q.actor,
    });
    const events: AuditEvent[] = page.slice(0, q.limit);
    const more = page.length > q.limit;
    return { events, ...(more ? { next: newestFirst ? { before: events.at(-1)!.seq } : { after: events.at(-1)!.seq } } : {}) };
  });

  app.get('/api/audit/verify', { schema: { tags, summary: 'Recompute the hash chain and name the first broken event', querystring: VerifyQuery } }, async (request) => {
    const q = request.query as z.infer<typeof VerifyQuery>;
    return verifyAuditChain(app.vigil.store, { expectHead: q.expectHead });
  });
};
export default audit;
