// API keys: `Authorization: Bearer <secret>`, roles reader < officer < admin. Secrets are shown once
// at creation and stored only as SHA-256. On a loopback bind with no active key, auth is off and
// every caller acts as a local admin; once a key exists every protected route needs one.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { ApiKeyRecord } from '../model/index.js';
import type { Store } from '../store/store.js';
import { HttpError } from './errors.js';

export type Role = ApiKeyRecord['role'];
export const ROLE_RANK: Record<Role, number> = { reader: 1, officer: 2, admin: 3 };

export interface Caller {
  /** Key id, or 'anonymous'. Used for audit actor and rate-limit bucket. */
  id: string;
  /** null: anonymous while auth is on — every protected route answers 401. */
  role: Role | null;
  label?: string;
  authenticated: boolean;
}

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
}

export async function hasActiveKeys(store: Store): Promise<boolean> {
  return (await store.listApiKeys()).some((k) => !k.revokedAt);
}

const ANONYMOUS_LOCAL: Caller = { id: 'anonymous', role: 'admin', authenticated: false };
const ANONYMOUS_DENIED: Caller = { id: 'anonymous', role: null, authenticated: false };

/** Sets `request.caller` on every request; a bad or revoked key is refused at once (401). */
export function registerAuthentication(app: FastifyInstance, policy: AuthPolicy): void {
  app.decorateRequest('caller', null as unknown as Caller);
  app.addHook('onRequest', async (request) => {
    request.caller = await identify(request, app.vigil.store, policy);
  });
}

async function identify(request: FastifyRequest, store: Store, policy: AuthPolicy): Promise<Caller> {
  const header = request.headers.authorization;
  if (header === undefined || header === '') {
    return (await policy.enforced()) ? ANONYMOUS_DENIED : ANONYMOUS_LOCAL;
  }
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new HttpError(401, 'unauthorized', 'Authorization header must be "Bearer <API key>"');
  const key = await store.findApiKeyByHash(hashSecret(m[1]!));
  if (!key) throw new HttpError(401, 'unauthorized', 'unknown API key');
  if (key.revokedAt) throw new HttpError(401, 'unauthorized', `API key ${key.id} was revoked at ${key.revokedAt}`);
  return { id: key.id, role: key.role, label: key.label, authenticated: true };
}

/**
 * Route guard: `app.post('/api/cases', { preHandler: requireRole('officer') }, handler)`, or for a
 * whole plugin `app.addHook('preHandler', requireRole('officer'))`. Higher roles include lower ones.
 */
export function requireRole(role: Role): preHandlerAsyncHookHandler {
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

/** The actor to record in the audit trail for this request. */
export function actorOf(request: FastifyRequest): string {
  const c = request.caller;
  return c?.authenticated ? `api-key:${c.id}` : 'api:anonymous';
}
