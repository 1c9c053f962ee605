// Requests per window, per API key, or per client address for callers without a valid key. A root
// onRequest hook placed after the caller is identified and before anything can refuse the request:
// a missing, wrong or revoked key, a 400 or a 403 all count (a route-level limiter runs after the
// route's own guards and never sees what they refuse).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

export interface RateLimitOptions {
  max: number;
  windowMs: number;
  /** Allowance per window for a client address without a valid key while auth is on. */
  anonymousMax: number;
}

export class FixedWindowLimiter {
  private readonly buckets = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = 0;
  constructor(readonly windowMs: number) {}

  /** Counts one request; returns the count so far in the window and when it resets. */
  hit(bucket: string, now = Date.now()): { count: number; resetAt: number } {
    if (now - this.lastSweep > this.windowMs) {
      for (const [k, v] of this.buckets) if (now >= v.resetAt) this.buckets.delete(k);
      this.lastSweep = now;
    }
    let b = this.buckets.get(bucket);
    if (!b || now >= b.resetAt) {
      b = { count: 0, resetAt: now + this.windowMs };
      this.buckets.set(bucket, b);
    }
    b.count++;
    return b;
  }
}

export function registerRateLimit(app: FastifyInstance, opts: RateLimitOptions): void {
  const limiter = new FixedWindowLimiter(opts.windowMs);
  // Health stays open to monitors (and is cheap: no store query, no body).
  const limited = (req: FastifyRequest) => req.url.startsWith('/api/') && !(req.method === 'GET' && req.url.split('?')[0] === '/api/health');
  app.addHook('onRequest', async (request, reply) => {
    if (!limited(request)) return;
    const c = request.caller;
    const bucket = c?.authenticated ? `key:${c.id}` : `ip:${request.ip}`;
    // The keyless local admin keeps the full allowance; without a valid key while auth is on, a smaller one.
    const max = c?.authenticated || c?.keyless ? opts.max : opts.anonymousMax;
    const now = Date.now();
    const { count, resetAt } = limiter.hit(bucket, now);
    const resetS = Math.max(1, Math.ceil((resetAt - now) / 1000));
    reply.header('x-ratelimit-limit', String(max));
    reply.header('x-ratelimit-remaining', String(Math.max(0, max - count)));
    reply.header('x-ratelimit-reset', String(resetS));
    if (count > max) {
      reply.header('retry-after', String(resetS));
      throw new HttpError(429, 'rate-limited', `rate limit of ${max} requests per ${Math.round(opts.windowMs / 1000)} s exceeded; retry after ${resetS} s`);
    }
  });
}
