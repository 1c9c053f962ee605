// Batch screening jobs (server mode on PostgreSQL):
//   POST /api/jobs/screen        CSV (text/csv: `name` column, optional type/country/birth_year) or
//                                JSON (an array of parties, or { parties, threshold?, limit? }) → 202 { id, … }
//   GET  /api/jobs/:id           status and progress
//   GET  /api/jobs/:id/results   JSON Lines `{ row, input, hits }` in input order, streamed (?after=N, ?partial=true)
// The work is done by chunk workers in any instance (src/jobs/); this file only speaks HTTP.
import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import { VigilInputError, VigilRefusal } from '../../model/errors.js';
import { isJobId } from '../../jobs/ids.js';
import { parseCsvRows, parseJsonRows, type ScreenRow } from '../../jobs/rows.js';
import { JobService } from '../../jobs/service.js';
import type { ScreenJobOptions } from '../../jobs/submit.js';

/** A million names as CSV is about 30 MB; allow room for longer rows. */
export const JOB_BODY_LIMIT = 256 * 1024 * 1024;

const jobs: FastifyPluginAsync = async (app) => {
  // Encapsulated: CSV bodies are accepted by these routes only.
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: JOB_BODY_LIMIT },
    (_req, body, done) => done(null, body));
  const service = () => JobService.of(app.vigil);

  app.post('/api/jobs/screen', {
    bodyLimit: JOB_BODY_LIMIT,
    schema: {
      tags: ['jobs'],
      summary: 'Submit a batch screening job (CSV or JSON rows); answers 202 with the job id',
      description: 'Body: text/csv with a `name` column and optional `type`, `country`, `birth_year` columns '
        + '(?threshold=&limit= in the query), or JSON: an array of parties or { parties, threshold?, limit? }. '
        + 'Requires server mode on PostgreSQL.',
    },
    onRequest: [requireRole('reader'), async () => {
      // Refused before a byte of the (possibly 256 MB) body is read when there is no queue to take it.
      if (!service().enabled) {
        throw new VigilRefusal(
          'batch screening jobs need server mode on PostgreSQL (vigil serve --database-url …); on SQLite use `vigil screen --input FILE`',
          'jobs-need-postgres',
        );
      }
    }],
  }, async (request, reply) => {
    const { rows, tuning } = readJobBody(request.body, request.query as Record<string, string | undefined>);
    const job = await service().submit(rows, { ...tuning, actor: actorOf(request) });
    return reply.code(202).header('location', `/api/jobs/${job.id}`).send({
      id: job.id, status: job.status, rows: job.total, chunks: job.chunks,
      links: { status: `/api/jobs/${job.id}`, results: `/api/jobs/${job.id}/results` },
    });
  });

  app.get('/api/jobs/:id', {
    schema: { tags: ['jobs'], summary: 'Status and progress of a batch screening job' },
    onRequest: requireRole('reader'),
  }, async (request) => {
    const id = (request.params as { id: string }).id;
    const status = isJobId(id) ? await service().status(id) : undefined;
    if (!status) throw new HttpError(404, 'not-found', `no job ${id}`);
    return status;
  });

  app.get('/api/jobs/:id/results', {
    schema: {
      tags: ['jobs'],
      summary: 'Results as JSON Lines { row, input, hits }, in input order: of a finished job, or with partial=true the rows finished so far',
      querystring: z.object({
        after: z.coerce.number().int().min(0).optional().describe('only rows after this row number (resume a download)'),
        partial: z.enum(['true', 'false']).optional().describe('true: while the job runs (or after it failed), the rows up to the first not yet screened'),
      }),
    },
    onRequest: requireRole('reader'),
  }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const q = request.query as { after?: number; partial?: 'true' | 'false' };
    const status = isJobId(id) ? await service().status(id) : undefined;
    if (!status) throw new HttpError(404, 'not-found', `no job ${id}`);
    const partial = q.partial === 'true';
    if (!partial && status.status === 'failed') {
      throw new HttpError(409, 'conflict', `job ${id} failed: ${status.error ?? 'unknown error'}; partial=true gives the rows screened before the failure`);
    }
    if (!partial && status.status !== 'done') {
      throw new HttpError(409, 'conflict', `job ${id} is ${status.status}: ${status.chunksDone} of ${status.chunks} chunks done; partial=true gives the rows finished so far`);
    }
    return reply
      .type('application/x-ndjson')
      .header('x-vigil-job-status', status.status)
      .send(Readable.from(service().results(id, { after: q.after, contiguous: status.status !== 'done' })));
  });
};

function readJobBody(body: unknown, query: Record<string, string | undefined>): { rows: ScreenRow[]; tuning: ScreenJobOptions } {
  if (typeof body === 'string') {
    return { rows: parseCsvRows(body), tuning: tuningOf({ threshold: query.threshold, limit: query.limit }, 'query') };
  }
  if (Array.isArray(body)) return { rows: parseJsonRows(body, 'JSON body'), tuning: tuningOf(query, 'query') };
  if (body && typeof body === 'object') {
    const o = body as { parties?: unknown; threshold?: unknown; limit?: unknown };
    if (!('parties' in o)) throw new VigilInputError('expected an array of parties or an object with "parties"', 'JSON body');
    return { rows: parseJsonRows(o.parties, 'JSON body'), tuning: tuningOf({ threshold: o.threshold, limit: o.limit }, 'JSON body') };
  }
  throw new VigilInputError('expected text/csv or application/json', 'body');
}

function tuningOf(raw: { threshold?: unknown; limit?: unknown }, where: string): ScreenJobOptions {
  const t: ScreenJobOptions = {};
  if (raw.threshold !== undefined && raw.threshold !== '') {
    const n = Number(raw.threshold);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new VigilInputError(`threshold must be a number from 0 to 1, got "${String(raw.threshold)}"`, `${where}, field "threshold"`);
    t.threshold = n;
  }
  if (raw.limit !== undefined && raw.limit !== '') {
    const n = Number(raw.limit);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw new VigilInputError(`limit must be an integer from 1 to 100, got "${String(raw.limit)}"`, `${where}, field "limit"`);
    t.limit = n;
  }
  return t;
}

export default jobs;
