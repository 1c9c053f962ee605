// Lists: status (as `vigil lists status --json`) and every snapshot for readers; import of an
// uploaded list file and update from the official addresses for admins (as `vigil lists import|update`),
// each an audit event naming the caller. Uploads are bytes of a declared file type: never
// text/plain, which any web page can send cross-site without asking (guard.ts refuses it).
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listStatus } from '../../lists/status.js';
import { importList } from '../../lists/import.js';
import { updateLists } from '../../lists/update.js';
import { sourceForFormat } from '../../lists/registry.js';
import { actorOf, requireRole } from '../auth.js';
import { HttpError } from '../errors.js';
import { VigilInputError } from '../../model/errors.js';
import { recordListImport, recordListUpdate } from '../list-audit.js';
import { ListsImportQuery, ListsQuery, ListsUpdateBody } from '../schemas.js';

/** Official list files are large (the CSL is ~40 MB); only this route accepts bodies that size. */
export const LIST_UPLOAD_LIMIT = 256 * 1024 * 1024;

const lists: FastifyPluginAsync = async (app) => {
  // The upload is the raw file; keep it as bytes, whatever its declared type.
  app.addContentTypeParser(['application/octet-stream', 'text/csv', 'application/xml', 'text/xml'],
    { parseAs: 'buffer', bodyLimit: LIST_UPLOAD_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/api/lists', {
    schema: { tags: ['lists'], summary: 'Active list snapshots with date, age, staleness and counts (vigil lists status)', querystring: ListsQuery },
    onRequest: requireRole('reader'),
  }, async (request) => {
    const { maxAgeDays } = request.query as z.infer<typeof ListsQuery>;
    return listStatus(app.vigil.store, { maxAgeDays });
  });

  app.get('/api/lists/snapshots', {
    schema: { tags: ['lists'], summary: 'Every snapshot, active, superseded and failed (kept for replay)' },
    onRequest: requireRole('reader'),
  }, async () => ({ snapshots: await app.vigil.store.listSnapshots() }));

  app.post('/api/lists/import', {
    schema: {
      tags: ['lists'],
      summary: 'Import an uploaded list file (raw body) as a new snapshot; atomic (vigil lists import)',
      querystring: ListsImportQuery,
    },
    bodyLimit: LIST_UPLOAD_LIMIT,
    onRequest: requireRole('admin'),
  }, async (request) => {
    const q = request.query as z.infer<typeof ListsImportQuery>;
    const source = sourceForFormat(q.format);
    if (source.input.kind === 'directory') {
      throw new HttpError(400, 'invalid-request', `format ${q.format} is a multi-file set; import it with vigil lists import ${q.format} DIRECTORY`);
    }
    const body = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new HttpError(400, 'invalid-request', 'send the list file as the request body (Content-Type: application/octet-stream)');
    }
    // The importer reads files (and may take the list date from the file name): stage it in a temp dir.
    const dir = await mkdtemp(join(tmpdir(), 'vigil-upload-'));
    const fileName = q.fileName ?? `upload.${source.formats[0]}`;
    const input = { format: q.format, fileName, ...(q.listDate ? { listDate: q.listDate } : {}), ...(q.force ? { force: true } : {}) };
    try {
      const path = join(dir, fileName);
      await writeFile(path, body);
      const result = await importList(app.vigil.store, { format: q.format, path, listDate: q.listDate, force: q.force });
      await recordListImport(app.vigil.store, actorOf(request), input, result);
      return result;
    } catch (err) {
      // The temp directory is this server's business: messages name the uploaded file only.
      const scrub = (text: string) => text.split(`${dir}/`).join('').split(dir).join('(upload)');
      let out = err;
      if (err instanceof VigilInputError) {
        out = new VigilInputError('', err.where === undefined ? undefined : scrub(err.where), err.details);
        (out as Error).message = scrub(err.message);
      } else if (err instanceof Error) {
        err.message = scrub(err.message);
      }
      await recordListImport(app.vigil.store, actorOf(request), input, { error: out instanceof Error ? out.message : String(out) });
      throw out;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  app.post('/api/lists/update', {
    schema: { tags: ['lists'], summary: 'Download the official list files and import them (vigil lists update)', body: ListsUpdateBody },
    onRequest: requireRole('admin'),
  }, async (request) => {
    const o = request.body as z.infer<typeof ListsUpdateBody>;
    const results = await updateLists(app.vigil.store, { sources: o.sources, force: o.force });
    await recordListUpdate(app.vigil.store, actorOf(request), { ...(o.sources ? { sources: o.sources } : {}), ...(o.force ? { force: true } : {}) }, results);
    return { ok: results.every((r) => r.status !== 'failed'), results };
  });
};
export default lists;
