// The HTTP server: API routes, OpenAPI and docs, the web UI, auth, rate limits and JSON errors.
//
// Order of the onRequest phase (nothing of the body is read before it ends): the Host, origin and
// media-type guards (guard.ts) → identify the caller (auth.ts) → the rate limiter counts the
// request, by key or by client address, failed authentications included → a failed
// authentication is refused → the route's role guard. Then the body is read (small limit without
// a key), size budgets are checked (budgets.ts), and only then validated against the schema.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Vigil } from '../app/vigil.js';
import './types.js';
import { AuthFailures, AuthPolicy, enforceAuthentication, registerAuthentication } from './auth.js';
import { AuditBatcher } from './audit-batcher.js';
import { HeavyGate, LIMITS } from './budgets.js';
import { registerErrorHandlers } from './errors.js';
import {
  methodNotAllowed, registerBodyGuards, registerRequestGuards, registerSecurityHeaders, routerErrorOptions, RouteTable,
  type GuardOptions,
} from './guard.js';
import { registerOpenApi } from './openapi.js';
import { registerRateLimit } from './rate-limit.js';
import { zodValidatorCompiler } from './validation.js';
import { defaultWebRoot, registerWeb, wantsHtml } from './web.js';
import { routeModules } from './routes/index.js';

export interface ServerOptions extends GuardOptions {
  vigil: Vigil;
  /** 'auto': auth only once an API key exists (loopback); 'required': always (any other bind). */
  authMode?: 'auto' | 'required';
  /** Requests per key (or per client address without a key) per window; false turns limiting off. */
  rateLimit?: { max: number; windowMs: number } | false;
  /** Requests per window from one client address without a valid key while auth is on (default: min(max, 120)). */
  anonymousRateLimit?: number;
  /** Failed authentications per client address per window before further attempts get 429. */
  authFailures?: { max: number; windowMs: number };
  /** Largest request body in bytes; larger bodies get 413. */
  bodyLimit?: number;
  /** web/dist by default; null serves no UI. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** How long "does any API key exist?" is cached (ms); a key made by `vigil keys create` counts after this. */
  authCacheMs?: number;
  /** Trust X-Forwarded-For from this proxy (fastify trustProxy): true, an address, or a list of them. */
  trustProxy?: boolean | string | string[];
  /** Milliseconds of screening work one request may use (default LIMITS.screenWorkMs). */
  screenWorkMs?: number;
  /** Heavy requests at once (default LIMITS.concurrentHeavy). */
  concurrentHeavy?: number;
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1200, windowMs: 60_000 };
export const DEFAULT_ANONYMOUS_RATE_LIMIT = 120;

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    ...routerErrorOptions(),
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  // Handlers return the same documents the CLI prints; response schemas are documentation only.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorate('vigil', opts.vigil);
  app.decorate('audit', new AuditBatcher(opts.vigil.store));
  app.decorate('heavyGate', new HeavyGate(opts.concurrentHeavy ?? LIMITS.concurrentHeavy));
  app.decorate('screenWorkMs', opts.screenWorkMs ?? LIMITS.screenWorkMs);
  const routes = new RouteTable();
  app.addHook('onRoute', (r) => routes.add(r.url, r.method));
  registerErrorHandlers(app);
  registerSecurityHeaders(app);
  registerRequestGuards(app, opts);
  const policy = new AuthPolicy(opts.vigil.store, opts.authMode ?? 'auto', opts.authCacheMs);
  app.decorate('authPolicy', policy);
  const failures = opts.authFailures ?? { max: 20, windowMs: 60_000 };
  registerAuthentication(app, policy, new AuthFailures(failures.max, failures.windowMs));

  const limit = opts.rateLimit === undefined ? DEFAULT_RATE_LIMIT : opts.rateLimit;
  if (limit) {
    registerRateLimit(app, { ...limit, anonymousMax: Math.min(limit.max, opts.anonymousRateLimit ?? DEFAULT_ANONYMOUS_RATE_LIMIT) });
  }
  enforceAuthentication(app);
  registerBodyGuards(app, opts);

  await registerOpenApi(app);
  for (const mod of routeModules) await app.register(mod);
  const spa = await registerWeb(app, opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allow = routes.allowed(path);
    if (allow.length > 0 && !allow.includes(request.method)) return methodNotAllowed(request, reply, allow);
    if (wantsHtml(request)) return spa(request, reply);
    return reply.code(404).send({ error: 'not-found', message: `no route ${request.method} ${path}` });
  });
  await app.ready();
  return app;
}
