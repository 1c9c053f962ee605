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
      return reply.code(err.statusCode).send({ error: err.error, message: err.message });
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
      return reply.code(status).send({ error: STATUS_NAMES[status] ?? 'client-error', message: err.message });
    }
    request.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal-error', message: err.message || 'internal error' });
  });
}
