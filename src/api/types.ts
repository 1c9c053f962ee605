// Fastify decorations every route module can rely on: the application object and the caller.
import type { Vigil } from '../app/vigil.js';
import type { Caller } from './auth.js';
import type { AuditBatcher } from './audit-batcher.js';
import type { HeavyGate } from './budgets.js';
import type { AuthPolicy } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one application object (store, screening index, catalogue, rules). */
    vigil: Vigil;
    /** Audit events of API reads, group-committed (see audit-batcher.ts). */
    audit: AuditBatcher;
    /** Heavy requests (batch screening, assessment) running at once (budgets.ts). */
    heavyGate: HeavyGate;
    /** Milliseconds of screening one request may use (budgets.ts LIMITS.screenWorkMs unless configured). */
    screenWorkMs: number;
    /** Whether auth is on; invalidated when keys change through the API. */
    authPolicy: AuthPolicy;
  }
  interface FastifyRequest {
    /** Who is calling: set by the authentication hook before any handler runs. */
    caller: Caller;
  }
}

export {};
