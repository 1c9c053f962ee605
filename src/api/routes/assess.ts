// POST /api/assess — determinations per jurisdiction for a transaction, as `vigil assess --json`.
// The body is the transaction JSON (optionally with `asOf`), or `{ transaction, asOf }` as in the
// reference scenario files; `?asOf=` also works and wins over the body.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { Transaction } from '../../model/index.js';
import { actorOf, requireRole } from '../auth.js';
import { RequestValidationError } from '../validation.js';
import { AssessBody, AssessFlat, AssessQuery, AssessWrapped } from '../schemas.js';
import { heavyRequest, transactionBudget } from '../budgets.js';

const assess: FastifyPluginAsync = async (app) => {
  app.post('/api/assess', {
    schema: {
      tags: ['policy'],
      summary: 'Assess a transaction: one determination per jurisdiction, with the rules that fired',
      body: AssessBody,
      querystring: AssessQuery,
    },
    onRequest: requireRole('reader'),
    // Parties and items are counted before validation; at most a few assessments run at once.
    preValidation: transactionBudget,
    preHandler: heavyRequest(app.heavyGate),
  }, async (request) => {
    const body = request.body as z.infer<typeof AssessFlat> | z.infer<typeof AssessWrapped>;
    const query = request.query as z.infer<typeof AssessQuery>;
    let tx: Transaction;
    let asOf: string | undefined;
    if ('transaction' in body) {
      tx = body.transaction;
      asOf = body.asOf;
    } else {
      const { asOf: a, ...rest } = body;
      tx = rest;
      asOf = a;
    }
    // Jurisdictions are whatever the rule set defines, so they are checked against it, not the schema.
    const known = (await app.vigil.rules()).jurisdictionIds();
    const prefix = 'transaction' in body ? 'transaction.' : '';
    const unknown = tx.jurisdictions.flatMap((j, i) => (known.includes(j) ? [] : [{
      in: 'body', path: `${prefix}jurisdictions.${i}`, message: `unknown jurisdiction ${JSON.stringify(j)}; known: ${known.join(', ')}`,
    }]));
    if (unknown.length) throw new RequestValidationError(unknown);
    return app.vigil.assess(tx, query.asOf ?? asOf, { actor: actorOf(request) });
  });
};
export default assess;
