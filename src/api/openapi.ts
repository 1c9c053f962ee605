// /openapi.json and /docs, generated from the zod schemas the routes validate with.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createRequire } from 'node:module';
import { isZod, toOpenApiSchema } from './validation.js';
import { ErrorResponse } from './schemas.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string; description: string };
const PARTS = ['body', 'querystring', 'params', 'headers'] as const;

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const errorSchema = toOpenApiSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Vigil API', version: pkg.version, description: pkg.description },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API key from `vigil keys create`' } } },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'screening', description: 'Parties against sanctions and denied-party lists' },
        { name: 'classification', description: 'Items against the control lists' },
        { name: 'policy', description: 'Determinations per jurisdiction' },
        { name: 'lists', description: 'List snapshots' },
        { name: 'admin', description: 'API keys (role admin)' },
        { name: 'meta', description: 'Health' },
      ],
    },
    transform: ({ schema, url }) => {
      if (!schema) return { schema, url };
      const out: Record<string, unknown> = { ...schema };
      for (const part of PARTS) {
        const s = (schema as Record<string, unknown>)[part];
        if (isZod(s)) out[part] = toOpenApiSchema(s);
      }
      const open = Array.isArray((schema as { security?: unknown[] }).security) && (schema as { security: unknown[] }).security.length === 0;
      if (!(schema as { hide?: boolean }).hide && url.startsWith('/api/') && !open) {
        const errors: Record<string, unknown> = {
          401: { ...errorSchema, description: 'Missing, unknown or revoked API key' },
          403: { ...errorSchema, description: 'The key\'s role may not do this, or the request came from another site (Origin)' },
          429: { ...errorSchema, description: 'Rate limit exceeded: per key, or per client address without a valid key' },
        };
        if (PARTS.some((p) => (schema as Record<string, unknown>)[p])) {
          errors[400] = { ...errorSchema, description: 'Invalid request; `issues` names every bad field' };
        }
        if ((schema as Record<string, unknown>).body) {
          errors[413] = { ...errorSchema, description: 'Body too large, or over a per-request budget (`limit` names it; README "Security")' };
          errors[415] = { ...errorSchema, description: 'text/plain and form media types are refused: send application/json' };
        }
        out.response = { ...errors, ...((schema as { response?: object }).response ?? {}) };
      }
      return { schema: out as typeof schema, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
