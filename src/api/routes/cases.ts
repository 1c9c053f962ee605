// Licence cases over HTTP (role officer): the same operations and documents as `vigil cases …`.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CASE_STATES, type Transaction } from '../../model/index.js';
import { VigilInputError } from '../../model/errors.js';
import { CaseService, type Actor } from '../../cases/index.js';
import { actorOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import { TransactionSchema, isoDate } from '../schemas.js';
import { safeLabel } from '../text.js';
import { transactionBudget } from '../budgets.js';

const CaseParams = z.object({ id: z.string().min(1).max(100) });
const ConsultationParams = CaseParams.extend({ consultation: z.string().min(1).max(200) });
const ListQuery = z.object({
  state: z.enum(CASE_STATES).optional(),
  applicant: z.string().min(1).max(300).optional(),
  destination: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code').transform((s) => s.toUpperCase()).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const CreateBody = z.object({
  applicant: safeLabel(z.string().trim().min(1, 'the applicant is required').max(300)),
  transaction: TransactionSchema,
  submit: z.boolean().optional(),
}).meta({ description: 'A licence application: the applicant and the transaction (DESIGN.md).' });
const TransitionBody = z.object({
  to: z.enum(CASE_STATES),
  reason: z.string().trim().min(1, 'every transition needs a reason').max(2000),
  validUntil: isoDate.optional(),
  issuedAt: isoDate.optional(),
});
const ConsultBody = z.object({
  denialReference: z.string().min(1).max(100),
  message: z.string().trim().min(1).max(4000),
  date: isoDate.optional(),
});
const ResponseBody = z.object({
  position: z.enum(['maintains-denial', 'no-objection', 'no-response']),
  message: z.string().max(4000).default(''),
  date: isoDate.optional(),
});
const ShipmentBody = z.object({
  date: isoDate.optional(),
  reference: z.string().max(200).optional(),
  lines: z.array(z.object({
    index: z.number().int().min(0),
    quantity: z.number().positive().optional(),
    value: z.number().positive().optional(),
  })).min(1, 'at least one line'),
});
const ReplayBody = z.object({ current: z.boolean().optional() });

type P = z.infer<typeof CaseParams>;

export function callerActor(request: FastifyRequest): Actor {
  return { id: actorOf(request), role: request.caller.role ?? 'reader' };
}

/** An unknown case id is a 404, not a bad request. */
async function found<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof VigilInputError && err.where === 'case') throw new HttpError(404, 'not-found', err.message);
    throw err;
  }
}

const cases: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', requireRole('officer'));
  const svc = new CaseService(app.vigil);
  const tags = ['cases'];

  app.get('/api/cases', { schema: { tags, summary: 'List cases, newest first', querystring: ListQuery } }, async (request) => {
    return { cases: await svc.list(request.query as z.infer<typeof ListQuery>) };
  });

  app.post('/api/cases', { schema: { tags, summary: 'Create a licence application (draft, or submitted with submit: true)', body: CreateBody }, preValidation: transactionBudget }, async (request, reply) => {
    const b = request.body as z.infer<typeof CreateBody>;
    const c = await svc.create(b.transaction as Transaction, b.applicant, callerActor(request), { submit: b.submit });
    return reply.code(201).send(svc.view(c));
  });

  app.get('/api/cases/:id', { schema: { tags, summary: 'A case with its next possible steps and licence balance', params: CaseParams } }, async (request) => {
    return svc.view(await found(svc.get((request.params as P).id)));
  });

  app.post('/api/cases/expire-due', { schema: { tags, summary: 'Close as expired every approved licence whose validity ended before asOf (default today); call daily', body: z.object({ asOf: isoDate.optional() }) } }, async (request) => {
    return svc.expireDue(callerActor(request), (request.body as { asOf?: string }).asOf);
  });

  app.post('/api/cases/:id/assess', { schema: { tags, summary: "Assess the case's transaction and store the determination", params: CaseParams } }, async (request) => {
    return svc.view(await found(svc.assess((request.params as P).id, callerActor(request))));
  });

  app.post('/api/cases/:id/transitions', { schema: { tags, summary: 'Move the case to another state, with a reason', params: CaseParams, body: TransitionBody } }, async (request) => {
    const b = request.body as z.infer<typeof TransitionBody>;
    return svc.view(await found(svc.transition((request.params as P).id, b, callerActor(request))));
  });

  app.post('/api/cases/:id/consultations', { schema: { tags, summary: 'Request a consultation with the partner that issued a matching denial', params: CaseParams, body: ConsultBody } }, async (request) => {
    const b = request.body as z.infer<typeof ConsultBody>;
    return svc.view(await found(svc.requestConsultation((request.params as P).id, b, callerActor(request))));
  });

  app.post('/api/cases/:id/consultations/:consultation/response', { schema: { tags, summary: "Record the partner's response", params: ConsultationParams, body: ResponseBody } }, async (request) => {
    const p = request.params as z.infer<typeof ConsultationParams>;
    const b = request.body as z.infer<typeof ResponseBody>;
    return svc.view(await found(svc.recordConsultationResponse(p.id, { consultation: p.consultation, ...b }, callerActor(request))));
  });

  app.post('/api/cases/:id/shipments', { schema: { tags, summary: 'Record a shipment against the approved licence', params: CaseParams, body: ShipmentBody } }, async (request) => {
    const b = request.body as z.infer<typeof ShipmentBody>;
    return svc.view(await found(svc.ship((request.params as P).id, b, callerActor(request))));
  });

  app.post('/api/cases/:id/replay', { schema: { tags, summary: 'Re-run the stored determination on the data it used (and on today\'s with current: true)', params: CaseParams } }, async (request) => {
    // The body is optional here, so it is checked by hand rather than by the route schema.
    const r = ReplayBody.safeParse(request.body ?? {});
    if (!r.success) throw new HttpError(400, 'invalid-request', `body: ${r.error.issues[0]!.message}`);
    const b = r.data;
    return found(svc.replay((request.params as P).id, b, callerActor(request)));
  });

  app.get('/api/denials', { schema: { tags, summary: 'Denial notifications, own and imported' } }, async () => {
    return { notifications: await app.vigil.store.listDenialNotifications() };
  });

  app.get('/api/denials/export', { schema: { tags, summary: "This instance's denial notifications as an exchange file", querystring: z.object({ since: isoDate.optional(), issuer: z.string().min(2).max(8).optional() }) } }, async (request) => {
    const q = request.query as { since?: string; issuer?: string };
    return svc.exportDenialFile('api:/api/denials/export', callerActor(request), q);
  });

  app.post('/api/denials/import', { schema: { tags, summary: "Import a partner's exchange file (the JSON body)" } }, async (request) => {
    if (request.body === undefined || request.body === null) throw new HttpError(400, 'invalid-request', 'a JSON body (the exchange file) is required');
    return svc.importDenialText(JSON.stringify(request.body), 'request body', callerActor(request));
  });
};
export default cases;
