// Per-request budgets: how much one request may ask of the process. Screening and assessment run
// on the event loop, so a request that asks for minutes of work stalls every other request
// (health included). Sizes are checked before validation (413, naming the limit); the screening
// work of a batch is measured as it runs and the request is refused (422) once it passes its
// budget; at most a few heavy requests run at once (503 with Retry-After beyond). Long work belongs
// in the job queue (POST /api/jobs/screen). README "Security" lists these figures.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify';
import { HttpError } from './errors.js';

export const LIMITS = {
  /** Parties in one POST /api/screen batch. */
  screenParties: 1000,
  /** Characters of one name (screen, compare, assess parties). */
  nameCharacters: 500,
  /** Characters of all names in one screening batch together (batch size × name length). */
  screenBatchCharacters: 50_000,
  /**
   * Bytes of one POST /api/screen body: room for the largest batch the other limits allow (50,000
   * characters of names, up to 4 bytes each in UTF-8, and 1,000 parties' other fields), refused
   * from Content-Length before a byte is read.
   */
  screenBodyBytes: 384 * 1024,
  /** Hits one screening request may ask for: parties × limit. */
  screenBatchHits: 20_000,
  /**
   * Lowest threshold accepted over HTTP. Measured on the bundled lists, one 500-character query
   * costs at most ~45 ms at 0.7, ~130 ms at 0.5 and up to 2 s at 0 (nearly every name scores), and
   * a query holds the event loop: health waits behind it.
   */
  screenMinThreshold: 0.7,
  /** Milliseconds of screening work one request may use before it is refused. */
  screenWorkMs: 10_000,
  /** Parties of one transaction (assess, cases). */
  assessParties: 50,
  /** Items of one transaction. */
  assessItems: 200,
  /** Heavy requests (batch screening, assessment) running at once; beyond, 503 with Retry-After. */
  concurrentHeavy: 4,
} as const;

export type LimitName = keyof typeof LIMITS;

/** A request over a budget: 413 for sizes, 422 for work; the answer names the limit. */
export class BudgetError extends HttpError {
  constructor(statusCode: 413 | 422 | 503, readonly limit: LimitName, readonly max: number, readonly actual: number | undefined, message: string) {
    super(statusCode, statusCode === 413 ? 'payload-too-large' : statusCode === 503 ? 'busy' : limit === 'screenWorkMs' ? 'work-budget-exceeded' : 'limit-exceeded', message);
  }
}

export const tooLarge = (limit: LimitName, actual: number, what: string): BudgetError =>
  new BudgetError(413, limit, LIMITS[limit], actual, `${what}: ${actual}, over the limit of ${LIMITS[limit]} (limit: ${limit})`);

/** onRequest: a body announced larger than `limit` allows is refused before it is read. */
export function declaredBodyBudget(limit: LimitName): onRequestAsyncHookHandler {
  return async (request) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > LIMITS[limit]) throw tooLarge(limit, declared, 'bytes of request body');
  };
}

// ---- sizes, checked before validation (on the parsed body, before zod) ---------------------------

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const nameLength = (p: unknown): number => (isObject(p) && typeof p.name === 'string' ? p.name.length : 0);

/** POST /api/screen: batch size × name length, hits asked for, threshold floor. */
export function checkScreenBudget(body: unknown): void {
  if (!isObject(body)) return;
  checkThreshold(body.threshold);
  if (!Array.isArray(body.parties)) return;
  const parties = body.parties;
  if (parties.length > LIMITS.screenParties) throw tooLarge('screenParties', parties.length, 'parties in one request');
  let chars = 0;
  for (const p of parties) chars += nameLength(p);
  if (chars > LIMITS.screenBatchCharacters) {
    throw tooLarge('screenBatchCharacters', chars, 'characters of all names in the batch (submit larger batches as a job: POST /api/jobs/screen)');
  }
  const limit = typeof body.limit === 'number' && body.limit > 0 ? body.limit : 20;
  if (parties.length * limit > LIMITS.screenBatchHits) {
    throw tooLarge('screenBatchHits', parties.length * limit, `hits asked for (${parties.length} parties × limit ${limit})`);
  }
}

function checkThreshold(threshold: unknown): void {
  if (typeof threshold === 'number' && threshold >= 0 && threshold < LIMITS.screenMinThreshold) {
    throw new BudgetError(422, 'screenMinThreshold', LIMITS.screenMinThreshold, threshold,
      `threshold ${threshold} is below ${LIMITS.screenMinThreshold}, the lowest the API accepts: below it nearly every listed name scores `
      + 'and one query can take seconds (limit: screenMinThreshold). Use vigil screen on the command line for exploratory low thresholds');
  }
}

/** A transaction (assess, cases): parties and items. */
export function checkTransactionBudget(tx: unknown): void {
  if (!isObject(tx)) return;
  if (Array.isArray(tx.parties) && tx.parties.length > LIMITS.assessParties) {
    throw tooLarge('assessParties', tx.parties.length, 'parties in one transaction');
  }
  if (Array.isArray(tx.items) && tx.items.length > LIMITS.assessItems) {
    throw tooLarge('assessItems', tx.items.length, 'items in one transaction');
  }
}

/** preValidation hook for bodies that are a transaction, or wrap one in `transaction`. */
export const transactionBudget: preValidationAsyncHookHandler = async (request) => {
  const b = request.body;
  checkTransactionBudget(isObject(b) && isObject(b.transaction) ? b.transaction : b);
};

export const screenBudget: preValidationAsyncHookHandler = async (request) => {
  checkScreenBudget(request.body);
};

// ---- work, measured as it runs -------------------------------------------------------------------

/** Time spent on one request's screening; `spend` refuses once the budget is gone. */
export class WorkBudget {
  private used = 0;
  constructor(readonly maxMs: number = LIMITS.screenWorkMs) {}

  /** Runs `fn` and charges its duration. */
  run<T>(fn: () => T, done: number, total: number): T {
    const t0 = performance.now();
    try {
      return fn();
    } finally {
      this.used += performance.now() - t0;
      if (this.used > this.maxMs && done < total) {
        throw new BudgetError(422, 'screenWorkMs', this.maxMs, Math.round(this.used),
          `the batch used its ${this.maxMs} ms screening budget after ${done} of ${total} parties (limit: screenWorkMs); `
          + 'submit it as a job (POST /api/jobs/screen) or in smaller batches');
      }
    }
  }

  get usedMs(): number { return this.used; }
}

/** At most `max` heavy requests at once. */
export class HeavyGate {
  private running = 0;
  constructor(readonly max: number = LIMITS.concurrentHeavy) {}

  enter(): () => void {
    if (this.running >= this.max) {
      throw new BudgetError(503, 'concurrentHeavy', this.max, this.running + 1,
        `${this.running} heavy requests are already running (limit: concurrentHeavy ${this.max}); retry shortly`);
    }
    this.running++;
    let left = false;
    return () => { if (!left) { left = true; this.running--; } };
  }
}

/** preHandler holding a slot of the gate until the response is finished (or the client went away). */
export function heavyRequest(gate: HeavyGate): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (_request, reply) => {
    try {
      reply.raw.once('close', gate.enter());
    } catch (err) {
      reply.header('retry-after', '2');
      throw err;
    }
  };
}
