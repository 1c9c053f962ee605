// Admin: API keys over HTTP (the same records `vigil keys` manages).
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import { createKey, listKeys, revokeKey } from '../keys.js';
import { CreateKeyBody, KeyParams } from '../schemas.js';
import { VigilInputError } from '../../model/errors.js';

const keys: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireRole('admin'));

  app.get('/api/keys', { schema: { tags: ['admin'], summary: 'List API keys (never their secrets)' } },
    async () => listKeys(app.vigil.store));

  app.post('/api/keys', { schema: { tags: ['admin'], summary: 'Create an API key; the secret is in this answer only', body: CreateKeyBody } },
    async (request, reply) => {
      const { role, label } = request.body as z.infer<typeof CreateKeyBody>;
      return reply.code(201).send(await createKey(app.vigil.store, role, label));
    });

  app.delete('/api/keys/:id', { schema: { tags: ['admin'], summary: 'Revoke an API key', params: KeyParams } },
    async (request) => {
      const { id } = request.params as z.infer<typeof KeyParams>;
      try {
        return await revokeKey(app.vigil.store, id);
      } catch (err) {
        if (err instanceof VigilInputError) throw new HttpError(404, 'not-found', err.message);
        throw err;
      }
    });
};
export default keys;
