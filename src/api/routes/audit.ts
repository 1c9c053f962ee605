// The audit trail over HTTP (role officer): read it, and check its hash chain.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AuditEvent } from '../../model/index.js';
import { verifyAuditChain } from '../../cases/audit-trail.js';
import { requireRole } from '../auth.js';

const ListQuery = z.object({
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  subject: z.string().min(1).max(300).optional(),
  action: z.string().min(1).max(100).optional(),
});
const VerifyQuery = z.object({ expectHead: z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256').optional() });

const audit: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', requireRole('officer'));
  const tags = ['audit'];

  app.get('/api/audit', { schema: { tags, summary: 'Audit events in order (filter by subject or action)', querystring: ListQuery } }, async (request) => {
    const q = request.query as z.infer<typeof ListQuery>;
    const filtered = q.subject !== undefined || q.action !== undefined;
    const events: AuditEvent[] = [];
    let afterSeq = q.after;
    for (;;) {
      const page = await app.vigil.store.listAudit({ afterSeq, limit: filtered ? 1000 : q.limit });
      for (const e of page) {
        if (events.length >= q.limit) break;
        if ((q.subject === undefined || e.subject === q.subject) && (q.action === undefined || e.action === q.action)) events.push(e);
      }
      if (!filtered || page.length === 0 || events.length >= q.limit) break;
      afterSeq = page[page.length - 1]!.seq;
    }
    return { events };
  });

  app.get('/api/audit/verify', { schema: { tags, summary: 'Recompute the hash chain and name the first broken event', querystring: VerifyQuery } }, async (request) => {
    const q = request.query as z.infer<typeof VerifyQuery>;
    return verifyAuditChain(app.vigil.store, { expectHead: q.expectHead });
  });
};
export default audit;
