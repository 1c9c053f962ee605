// Admin: API keys over HTTP (the same records `vigil keys` manages). Creation and revocation are
// audit events naming the calling key; the last active admin key cannot be revoked over HTTP.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { actorOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import { createKey, listKeys, revokeKey } from '../keys.js';
import { CreateKeyBody, KeyParams } from '../schemas.js';
import { VigilInputError, VigilRefusal } from '../../model/errors.js';

const keys: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', requireRole('admin'));

  app.get('/api/keys', { schema: { tags: ['admin'], summary: 'List API keys (never their secrets)' } },
    async () => listKeys(app.vigil.store));

  app.post('/api/keys', { schema: { tags: ['admin'], summary: 'Create an API key; the secret is in this answer only', body: CreateKeyBody } },
    async (request, reply) => {
      const { role, label } = request.body as z.infer<typeof CreateKeyBody>;
      const made = await createKey(app.vigil.store, role, label, { actor: actorOf(request) });
      app.authPolicy.invalidate();
      return reply.code(201).send(made);
    });

  app.delete('/api/keys/:id', {
    schema: {
      tags: ['admin'], params: KeyParams,
      summary: 'Revoke an API key (never the last active admin key: 409)',
    },
  }, async (request) => {
    const { id } = request.params as z.infer<typeof KeyParams>;
    try {
      // Never forced over HTTP: the last admin key stays.
      return await revokeKey(app.vigil.store, id, { actor: actorOf(request), force: false });
    } catch (err) {
      if (err instanceof VigilInputError) throw new HttpError(404, 'not-found', err.message);
      if (err instanceof VigilRefusal && err.code === 'last-admin-key') throw new HttpError(409, 'last-admin-key', err.message);
      throw err;
    } finally {
      app.authPolicy.invalidate();
    }
  });
};
export default keys;
