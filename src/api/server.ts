// The HTTP server: API routes, OpenAPI and docs, the web UI, auth, rate limits and JSON errors.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Vigil } from '../app/vigil.js';
import './types.js';
import { AuthPolicy, registerAuthentication } from './auth.js';
import { AuditBatcher } from './audit-batcher.js';
import { registerErrorHandlers } from './errors.js';
import { registerOpenApi } from './openapi.js';
import { zodValidatorCompiler } from './validation.js';
import { defaultWebRoot, registerWeb, wantsHtml } from './web.js';
import { routeModules } from './routes/index.js';

export interface ServerOptions {
  vigil: Vigil;
  /** 'auto': auth only once an API key exists (loopback); 'required': always (any other bind). */
  authMode?: 'auto' | 'required';
  /** Requests per key (or per IP without a key) per window; false turns limiting off. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Largest request body in bytes; larger bodies get 413. */
  bodyLimit?: number;
  /** web/dist by default; null serves no UI. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** How long "does any API key exist?" is cached (ms); a key made by `vigil keys create` counts after this. */
  authCacheMs?: number;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1200, windowMs: 60_000 };

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  // Handlers return the same documents the CLI prints; response schemas are documentation only.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorate('vigil', opts.vigil);
  app.decorate('audit', new AuditBatcher(opts.vigil.store));
  registerErrorHandlers(app);
  registerAuthentication(app, new AuthPolicy(opts.vigil.store, opts.authMode ?? 'auto', opts.authCacheMs));

  const limit = opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit;
  if (limit) {
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      hook: 'preHandler',
      // One bucket per API key; callers without a key share their IP's bucket.
      keyGenerator: (req) => (req.caller?.authenticated ? `key:${req.caller.id}` : `ip:${req.ip}`),
      allowList: (req) => !req.url.startsWith('/api/'),
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: ctx.statusCode,
        error: 'rate-limited',
        message: `rate limit of ${ctx.max} requests per ${ctx.after} exceeded; retry after ${ctx.after}`,
      }),
    });
  }

  await registerOpenApi(app);
  for (const mod of routeModules) await app.register(mod);
  const spa = await registerWeb(app, opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (wantsHtml(request)) return spa(request, reply);
    return reply.code(404).send({ error: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  await app.ready();
  return app;
}
