// POST /api/screen — one party (the `vigil screen --json` document) or a batch of up to 1,000
// (the `vigil screen --input` records `{ row, input, hits }`, in input order, as one JSON array —
// or as JSON Lines when the client asks for application/x-ndjson). Budgets (budgets.ts): the
// batch's characters and hits are checked before validation, its screening time as it runs, and
// only a few batches run at once.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { actorOf, requireRole } from '../auth.js';
import { ScreenBatch, ScreenBody, ScreenOne } from '../schemas.js';
import { screenBatch } from '../batch.js';
import { declaredBodyBudget, heavyRequest, LIMITS, screenBudget, WorkBudget } from '../budgets.js';
import { recordScreening } from '../../cases/audit-calls.js';

const screen: FastifyPluginAsync = async (app) => {
  const heavy = heavyRequest(app.heavyGate);
  app.post('/api/screen', {
    schema: {
      tags: ['screening'],
      summary: 'Screen one party, or a batch (body with `parties`) of up to 1,000',
      body: ScreenBody,
    },
    onRequest: [requireRole('reader'), declaredBodyBudget('screenBodyBytes')],
    // Chunked bodies without a length: fastify stops reading past this.
    bodyLimit: Math.min(app.initialConfig.bodyLimit ?? LIMITS.screenBodyBytes, LIMITS.screenBodyBytes),
    preValidation: screenBudget,
    preHandler: async (request, reply) => {
      if (request.body && typeof request.body === 'object' && 'parties' in request.body) await heavy(request, reply);
    },
  }, async (request, reply) => {
    const body = request.body as z.infer<typeof ScreenOne> | z.infer<typeof ScreenBatch>;
    if (!('parties' in body)) {
      // The documented shape, exactly as `vigil screen --json` prints it (list versions without hashes).
      const { asOf, ...query } = body;
      const r = asOf ? await app.vigil.screenAsOf(query, asOf, { audit: false }) : await app.vigil.screen(query, { audit: false });
      await recordScreening(app.audit, actorOf(request), query, r);
      // A screening as it stood on a past day is not warned about today's list ages.
      const warnings = asOf ? [] : await app.vigil.staleListWarnings(r.lists);
      return { query: r.query, threshold: r.threshold, lists: r.lists.map(({ id, version, date }) => ({ id, version, date })), hits: r.hits, warnings, ...(asOf ? { asOf } : {}) };
    }
    const records = await screenBatch(app.vigil, body.parties, { threshold: body.threshold, limit: body.limit }, { actor: actorOf(request) }, new WorkBudget(app.screenWorkMs));
    // A batch answer is an array of records (or JSON Lines): its warnings travel in a header.
    reply.header(STALE_HEADER, JSON.stringify(await app.vigil.staleListWarnings(await app.vigil.listVersions())));
    if (wantsJsonLines(request.headers.accept)) {
      return reply.type('application/x-ndjson').send(records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    }
    return records;
  });
};

/** The stale-list warnings of a batch answer, as a JSON array (the single answer's `warnings`). */
export const STALE_HEADER = 'x-vigil-warnings';

function wantsJsonLines(accept: string | undefined): boolean {
  return !!accept && /application\/(x-)?ndjson|application\/jsonl/.test(accept);
}

export default screen;
