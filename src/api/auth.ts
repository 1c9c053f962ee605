// API keys: `Authorization: Bearer <secret>`, roles reader < officer < admin. Secrets are shown once
// at creation and stored only as SHA-256. On a loopback bind with no active key, auth is off and
// every caller acts as a local admin (every answer then says so in `X-Vigil-Auth`); once a key
// exists every protected route needs one.
//
// Everything here runs in fastify's onRequest phase, before a byte of the body is read: the caller
// is identified, the rate limiter counts the request (a failed authentication included), and only
// then is a bad key refused; route guards (`requireRole`) are onRequest hooks too, so an
// unauthenticated or under-privileged request is answered before its body is parsed or validated.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { ApiKeyRecord } from '../model/index.js';
import type { Store } from '../store/store.js';
import { HttpError } from './errors.js';

export type Role = ApiKeyRecord['role'];
export const ROLE_RANK: Record<Role, number> = { reader: 1, officer: 2, admin: 3 };

export interface Caller {
  /** Key id, or 'anonymous'. The rate-limit bucket; the audit actor is keyActor() (label and id). */
  id: string;
  /** null: anonymous while auth is on — every protected route answers 401. */
  role: Role | null;
  label?: string;
  authenticated: boolean;
  /** True for the keyless loopback mode: no key exists and anything on this machine acts as admin. */
  keyless?: boolean;
}

/** The header every answer in keyless mode carries. */
export const KEYLESS_HEADER = 'x-vigil-auth';
export const KEYLESS_NOTICE = 'off: no API key exists, so anything on this machine can act as admin (vigil keys create --role admin turns auth on)';

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newKeyId(): string {
  return `key_${randomBytes(6).toString('hex')}`;
}

export function newSecret(): string {
  return `vigil_${randomBytes(32).toString('base64url')}`;
}

/** Whether auth is enforced, cached briefly so a key created by `vigil keys create` takes effect within a second. */
export class AuthPolicy {
  private cached?: { at: number; value: boolean };
  constructor(private readonly store: Store, readonly mode: 'auto' | 'required', private readonly ttlMs = 1000) {}

  async enforced(): Promise<boolean> {
    if (this.mode === 'required') return true;
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    const value = await hasActiveKeys(this.store);
    this.cached = { at: now, value };
    return value;
  }

  /** Forget the cached answer (after a key is created or revoked through this server). */
  invalidate(): void {
    this.cached = undefined;
  }
}

export async function hasActiveKeys(store: Store): Promise<boolean> {
  return (await store.listApiKeys()).some((k) => !k.revokedAt);
}

const ANONYMOUS_LOCAL: Caller = { id: 'anonymous', role: 'admin', authenticated: false, keyless: true };
const ANONYMOUS_DENIED: Caller = { id: 'anonymous', role: null, authenticated: false };

/**
 * Failed authentications per client address in a sliding window. Past `max`, a client's further
 * attempts are refused (429) without looking the key up, until the window has passed.
 */
export class AuthFailures {
  private readonly seen = new Map<string, { count: number; resetAt: number }>();
  constructor(readonly max = 20, readonly windowMs = 60_000) {}

  blocked(ip: string, now = Date.now()): number | undefined {
    const s = this.seen.get(ip);
    if (!s) return undefined;
    if (now >= s.resetAt) { this.seen.delete(ip); return undefined; }
    return s.count >= this.max ? Math.ceil((s.resetAt - now) / 1000) : undefined;
  }

  record(ip: string, now = Date.now()): void {
    const s = this.seen.get(ip);
    if (!s || now >= s.resetAt) this.seen.set(ip, { count: 1, resetAt: now + this.windowMs });
    else s.count++;
    // Bounded memory under a spray of addresses: drop expired entries now and then.
    if (this.seen.size > 10_000) for (const [k, v] of this.seen) if (now >= v.resetAt) this.seen.delete(k);
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** A failed authentication, refused by `enforceAuthentication` after the rate limiter counted it. */
    authError?: HttpError;
  }
}

/**
 * Sets `request.caller` on every request. A bad or revoked key does not throw here: it is kept in
 * `request.authError` so that the rate limiter (registered next) counts the attempt; call
 * `enforceAuthentication` after registering the rate limiter.
 */
export function registerAuthentication(app: FastifyInstance, policy: AuthPolicy, failures: AuthFailures): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('authError', undefined);
  app.addHook('onRequest', async (request, reply) => {
    try {
      const retry = request.headers.authorization ? failures.blocked(request.ip) : undefined;
      if (retry !== undefined) {
        reply.header('retry-after', String(retry));
        throw new HttpError(429, 'rate-limited', `too many failed authentications from ${request.ip}; retry after ${retry} s`);
      }
      request.caller = await identify(request, app.vigil.store, policy);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      if (err.statusCode === 401) failures.record(request.ip);
      request.caller = ANONYMOUS_DENIED;
      request.authError = err;
    }
    // Whatever this caller sent: the server itself runs without keys.
    if (request.caller.keyless || !(await policy.enforced())) reply.header(KEYLESS_HEADER, KEYLESS_NOTICE);
  });
}

/** Refuses a request whose authentication failed; register after the rate limiter. */
export function enforceAuthentication(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.authError) throw request.authError;
  });
}

async function identify(request: FastifyRequest, store: Store, policy: AuthPolicy): Promise<Caller> {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    if (await policy.enforced()) return ANONYMOUS_DENIED;
    // Keyless mode answers this machine only: a request relayed by a proxy comes from elsewhere.
    if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined || request.headers['x-real-ip'] !== undefined) {
      throw new HttpError(401, 'unauthorized',
        'this server runs without API keys, which serves this machine only; a request relayed by a proxy needs a key (vigil keys create)');
    }
    return ANONYMOUS_LOCAL;
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new HttpError(401, 'unauthorized', 'Authorization header must be "Bearer <API key>"');
  const key = await store.findApiKeyByHash(hashSecret(m[1]!));
  if (!key) throw new HttpError(401, 'unauthorized', 'unknown API key');
  if (key.revokedAt) throw new HttpError(401, 'unauthorized', `API key ${key.id} was revoked at ${key.revokedAt}`);
  return { id: key.id, role: key.role, label: key.label, authenticated: true };
}

/**
 * Route guard, an onRequest hook so that it runs before the body is read:
 * `app.post('/api/cases', { onRequest: requireRole('officer') }, handler)`, or for a whole plugin
 * `app.addHook('onRequest', requireRole('officer'))`. Higher roles include lower ones.
 */
export function requireRole(role: Role): onRequestAsyncHookHandler {
  return async function roleGuard(request) {
    const caller = request.caller;
    if (!caller?.role) {
      throw new HttpError(401, 'unauthorized', `an API key with role ${role} is required (Authorization: Bearer <key>)`);
    }
    if (ROLE_RANK[caller.role] < ROLE_RANK[role]) {
      throw new HttpError(403, 'forbidden', `role ${caller.role} may not do this; it needs ${role}`);
    }
  };
}

/**
 * The audit actor for an API key: its label, which is what people recognise ("IT desk"), followed
 * by the key id in parentheses. Labels are free text and not unique (two desks may both call their
 * key "officer"), and a key can be revoked and a new one made with the same label, so the id stays
 * in the actor: `vigil keys list` and the audit trail still name exactly one key. A key created
 * without a label is recorded as `api-key:<id>`.
 */
export function keyActor(key: { id: string; label?: string }): string {
  return key.label ? `${key.label} (${key.id})` : `api-key:${key.id}`;
}

/** The actor to record in the audit trail for this request. */
export function actorOf(request: FastifyRequest): string {
  const c = request.caller;
  return c?.authenticated ? keyActor(c) : 'api:anonymous';
}
