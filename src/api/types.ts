// Fastify decorations every route module can rely on: the application object and the caller.
import type { Vigil } from '../app/vigil.js';
import type { Caller } from './auth.js';
import type { AuditBatcher } from './audit-batcher.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The one application object (store, screening index, catalogue, rules). */
    vigil: Vigil;
    /** Audit events of API reads, group-committed (see audit-batcher.ts). */
    audit: AuditBatcher;
  }
  interface FastifyRequest {
    /** Who is calling: set by the authentication hook before any handler runs. */
    caller: Caller;
  }
}

export {};
