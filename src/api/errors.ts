// Every error leaves the API as JSON `{ error, message, issues? }` with a fitting status code.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { VigilInputError, VigilRefusal } from '../model/errors.js';
import { RequestValidationError } from './validation.js';

/** An error with an HTTP status, for route code to throw. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly error: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'bad-request', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 405: 'method-not-allowed',
  406: 'not-acceptable', 409: 'conflict', 413: 'payload-too-large', 415: 'unsupported-media-type',
  422: 'refused', 429: 'rate-limited', 500: 'internal-error', 503: 'unavailable',
};

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof RequestValidationError) {
      return reply.code(400).send({ error: 'invalid-request', message: err.message, issues: err.issues });
    }
    if (err instanceof HttpError) {
      const limit = (err as { limit?: string; max?: number; actual?: number });
      return reply.code(err.statusCode).send({
        error: err.error, message: err.message,
        ...(limit.limit ? { limit: { name: limit.limit, max: limit.max, ...(limit.actual !== undefined ? { actual: limit.actual } : {}) } } : {}),
      });
    }
    if (err instanceof VigilInputError) {
      return reply.code(400).send({ error: 'invalid-input', message: err.message, ...(err.where ? { where: err.where } : {}) });
    }
    if (err instanceof VigilRefusal) {
      return reply.code(422).send({ error: 'refused', code: err.code, message: err.message });
    }
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // fastify's own client errors: bad JSON (400), body too large (413), wrong media type (415), 429...
      return reply.code(status).send({ error: STATUS_NAMES[status] ?? 'client-error', message: scrubPaths(err.message) });
    }
    // The details (and any file paths in them) go to the server log, not to the caller.
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal-error', message: `internal error (request ${request.id}); the server log has the details` });
  });
}

/** Replace absolute file paths in a message (temp directories, the install location) by their base name. */
export function scrubPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?(?:[\\/][\w.@~+-]+){2,}/g, (p) => p.split(/[\\/]/).pop() ?? '');
}
