// The party register and its alerts over HTTP (role officer): the same operations as
// `vigil parties …` and `vigil alerts …` (issue 14).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ALERT_STATUSES, REVIEW_DECISIONS } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { registerParties, removeParty, reviewAlert } from '../../screening/parties.js';
import { actorOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';

const IdParams = z.object({ id: z.string().min(1).max(200) });
const PartyBody = z.object({
  name: z.string().trim().min(1).max(300),
  type: z.enum(['person', 'organization', 'vessel', 'aircraft']).optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').optional(),
  birthDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  registrationNumber: z.string().max(100).optional(),
  externalRef: z.string().max(200).optional(),
  tags: z.array(z.string().max(100)).max(50).optional(),
});
/** One party, or up to 1,000 at once. */
const AddBody = z.union([PartyBody, z.object({ parties: z.array(PartyBody).min(1).max(1000) })]);
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), after: z.string().max(200).optional() });
const AlertQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional(),
  since: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date YYYY-MM-DD').optional(),
  party: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
const ReviewBody = z.object({ decision: z.enum(REVIEW_DECISIONS), reason: z.string().trim().max(2000).optional() });

async function notFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof VigilInputError && err.where === 'id') throw new HttpError(404, 'not-found', err.message);
    throw err;
  }
}

const parties: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', requireRole('officer'));
  const tags = ['parties'];

  app.get('/api/parties', { schema: { tags, summary: 'Registered parties in id order (page with after=<last id>)', querystring: ListQuery } }, async (request) => {
    const q = request.query as z.infer<typeof ListQuery>;
    return { parties: await app.vigil.store.listParties({ limit: q.limit, ...(q.after ? { afterId: q.after } : {}) }), total: await app.vigil.store.countParties() };
  });

  app.post('/api/parties', { schema: { tags, summary: 'Register one party (or {parties: [...]}) and screen it against the active lists', body: AddBody } }, async (request, reply) => {
    const b = request.body as z.infer<typeof AddBody>;
    const inputs = 'parties' in b ? b.parties : [b];
    const r = await registerParties(app.vigil.store, await app.vigil.screening(), inputs, actorOf(request), 'parties' in b ? 'body.parties' : 'body', { indexed: 'parties' in b });
    return reply.code(201).send('parties' in b ? { parties: r.parties, alerts: r.alerts } : { party: r.parties[0], alerts: r.alerts });
  });

  app.get('/api/parties/:id', { schema: { tags, summary: 'One party with its alerts', params: IdParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof IdParams>;
    const party = (await app.vigil.store.getParty(id)) ?? (await app.vigil.store.findPartyByRef(id));
    if (!party) throw new HttpError(404, 'not-found', `no registered party ${id}`);
    return { party, alerts: await app.vigil.store.listAlerts({ partyId: party.id }) };
  });

  app.delete('/api/parties/:id', { schema: { tags, summary: 'Remove a party from the register (kept in the record)', params: IdParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof IdParams>;
    await notFound(removeParty(app.vigil.store, id, actorOf(request)));
    return { removed: id };
  });

  app.get('/api/alerts', { schema: { tags, summary: 'Alerts, most recently raised or updated first', querystring: AlertQuery } }, async (request) => {
    const q = request.query as z.infer<typeof AlertQuery>;
    return {
      alerts: await app.vigil.store.listAlerts({ ...(q.status ? { status: q.status } : {}), ...(q.since ? { since: q.since } : {}), ...(q.party ? { partyId: q.party } : {}), limit: q.limit }),
      open: await app.vigil.store.countAlerts('open'),
    };
  });

  app.get('/api/alerts/:id', { schema: { tags, summary: 'One alert with its reviews', params: IdParams } }, async (request) => {
    const a = await app.vigil.store.getAlert((request.params as z.infer<typeof IdParams>).id);
    if (!a) throw new HttpError(404, 'not-found', 'no such alert');
    return { alert: a };
  });

  app.post('/api/alerts/:id/review', { schema: { tags, summary: 'Record a decision: true-match, false-positive (with reason) or needs-information', params: IdParams, body: ReviewBody } }, async (request) => {
    const { id } = request.params as z.infer<typeof IdParams>;
    const b = request.body as z.infer<typeof ReviewBody>;
    return { alert: await notFound(reviewAlert(app.vigil.store, id, b.decision, actorOf(request), b.reason)) };
  });
};
export default parties;
