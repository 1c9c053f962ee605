// GET /api/cases/:id/memo.pdf (and memo.html) — the decision memo of an assessed case, as
// `vigil cases memo ID --out FILE`: its stored determination, the destination's measures timeline,
// the data versions and the audit event hash, printed by headless chromium from the same HTML.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { VigilInputError } from '../../model/errors.js';
import { CaseService } from '../../cases/index.js';
import type { Transaction } from '../../model/index.js';
import { actorOf, requireRole } from '../auth.js';
import { AssessBody, AssessFlat, AssessWrapped } from '../schemas.js';
import { transactionBudget } from '../budgets.js';
import { memoInput } from '../../report/memo.js';
import { HttpError } from '../errors.js';
import { heavyRequest } from '../budgets.js';
import { caseMemoInput, memoHtml } from '../../report/memo.js';
import { htmlToPdf } from '../../report/pdf.js';

const Params = z.object({ id: z.string().min(1).max(100), format: z.enum(['pdf', 'html']) });

const FormatParams = z.object({ format: z.enum(['pdf', 'html']) });

const memo: FastifyPluginAsync = async (app) => {
  // POST /api/memo.pdf|.html — the memo of an assessment made now (the body as POST /api/assess).
  app.post('/api/memo.:format', {
    schema: { tags: ['policy'], summary: 'Assess a transaction and return its decision memo (PDF, or the HTML it is printed from)', body: AssessBody, params: FormatParams },
    onRequest: requireRole('reader'),
    preValidation: transactionBudget,
    preHandler: heavyRequest(app.heavyGate),
  }, async (request, reply) => {
    const { format } = request.params as z.infer<typeof FormatParams>;
    const body = request.body as z.infer<typeof AssessFlat> | z.infer<typeof AssessWrapped>;
    let tx: Transaction;
    let asOf: string | undefined;
    if ('transaction' in body) { tx = body.transaction; asOf = body.asOf; } else { const { asOf: a, ...rest } = body; tx = rest; asOf = a; }
    const rules = await app.vigil.rules();
    const known = rules.jurisdictionIds();
    const unknown = tx.jurisdictions.find((j) => !known.includes(j));
    if (unknown) throw new VigilInputError(`unknown jurisdiction ${JSON.stringify(unknown)}; known: ${known.join(', ')}`, 'jurisdictions');
    const a = await app.vigil.assess(tx, asOf, { actor: actorOf(request) });
    const html = memoHtml(memoInput(rules, a, tx));
    reply.header('content-disposition', `attachment; filename="vigil-memo-${tx.destination}-${a.asOf}.${format}"`);
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(html);
    return reply.type('application/pdf').send(await htmlToPdf(html));
  });


  const svc = new CaseService(app.vigil);
  app.get('/api/cases/:id/memo.:format', {
    schema: { tags: ['cases'], summary: 'The decision memo of an assessed case (PDF, or the HTML it is printed from)', params: Params },
    onRequest: requireRole('officer'),
    preHandler: heavyRequest(app.heavyGate),
  }, async (request, reply) => {
    const { id, format } = request.params as z.infer<typeof Params>;
    let c;
    try {
      c = await svc.get(id);
    } catch (err) {
      if (err instanceof VigilInputError && err.where === 'case') throw new HttpError(404, 'not-found', err.message);
      throw err;
    }
    const html = memoHtml(await caseMemoInput(app.vigil.store, await app.vigil.rules(), c));
    const name = `vigil-memo-${c.reference.replace(/[^A-Za-z0-9_.-]/g, '_')}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(html);
    return reply.type('application/pdf').send(await htmlToPdf(html));
  });
};
export default memo;
