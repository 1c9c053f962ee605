// POST /api/jobs/screen → GET /api/jobs/:id → GET /api/jobs/:id/results over real HTTP, with the
// queue on a fresh PostgreSQL database and the chunks screened by a second instance.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { Vigil } from '../../src/app/vigil.js';
import { JobService } from '../../src/jobs/service.js';
import { bundledSnapshots } from '../../src/lists/bundled.js';
import { importList } from '../../src/lists/import.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { cleanupStack, openInstance, waitFor } from './support.js';

const pg = await pgTestServer();

interface Hooks { after(fn: () => unknown): void }

async function listen(t: Hooks, vigil: Vigil): Promise<(method: string, path: string, body?: string, type?: string) => Promise<{ status: number; text: string; json: any; type: string }>> {
  const app: FastifyInstance = await buildServer({ vigil, webRoot: null, rateLimit: false });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  t.after(() => app.close());
  return async (method, path, body, type = 'application/json') => {
    const res = await fetch(url + path, { method, body, headers: body === undefined ? {} : { 'content-type': type } });
    const text = await res.text();
    let json: unknown;
    try { json = JSON.parse(text); } catch { /* JSON Lines or empty */ }
    return { status: res.status, text, json, type: res.headers.get('content-type') ?? '' };
  };
}

/** A fresh database and an instance on it that serves HTTP and queues jobs (by default in chunks of 4, with no worker). */
async function queueingInstance(t: Hooks, opts: { worker?: boolean; chunkSize?: number } = {}) {
  const db = await freshPgDatabase(t);
  const a = await openInstance(t, db.url);
  const jobs = await JobService.start(a, { databaseUrl: db.url, worker: opts.worker ?? false, settings: { chunkSize: opts.chunkSize ?? 4 } });
  t.after(() => jobs.close());
  return { db, a, call: await listen(t, a) };
}

test('on SQLite, submitting a job is refused with a pointer to server mode', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-jobs-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const vigil = await Vigil.open({ db: join(dir, 'vigil.db'), bundled: false });
  t.after(() => vigil.close());
  const call = await listen(t, vigil);
  const r = await call('POST', '/api/jobs/screen', 'name\nAcme\n', 'text/csv');
  assert.equal(r.status, 422);
  assert.equal(r.json.code, 'jobs-need-postgres');
  assert.match(r.json.message, /--database-url/);
});

test('a CSV job is queued, screened by another instance, and read back in input order', { skip: pg.skip }, async (tt) => {
  const t = cleanupStack(tt);
  // Instance A serves HTTP and queues, but runs no worker: the chunks wait until B starts.
  const { db, a, call } = await queueingInstance(t);
  // Real lists: the shipped UN consolidated list, imported with the real importer, so that the job
  // finds real hits (a job screened against no list would pass with every row empty).
  const un = bundledSnapshots().find((s) => s.source === 'un')!;
  await importList(a.store, { format: un.format, path: un.file, listDate: un.listDate });

  const names = Array.from({ length: 10 }, (_, i) => `Example Trading ${i + 1}`);
  names[6] = 'Hannibal Muammar Qadhafi';
  const csv = 'name,type,country,birth_year\n' + names.map((n, i) => (i === 6 ? `"${n}",person,,` : `"${n}",organization,${i % 2 ? 'ly' : 'IT'},${i === 3 ? 1961 : ''}`)).join('\n') + '\n';
  const posted = await call('POST', '/api/jobs/screen?threshold=0.9', csv, 'text/csv');
  assert.equal(posted.status, 202, posted.text);
  const id: string = posted.json.id;
  assert.deepEqual({ rows: posted.json.rows, chunks: posted.json.chunks, status: posted.json.status }, { rows: 10, chunks: 3, status: 'queued' });

  const queued = await call('GET', `/api/jobs/${id}`);
  assert.equal(queued.status, 200);
  assert.equal(queued.json.status, 'queued');
  assert.equal(queued.json.chunksDone, 0);
  const early = await call('GET', `/api/jobs/${id}/results`);
  assert.equal(early.status, 409);
  assert.match(early.json.message, /0 of 3 chunks done/);

  // Instance B: a worker on the same database.
  const b = await openInstance(t, db.url);
  const jobsB = await JobService.start(b, { databaseUrl: db.url, worker: true });
  t.after(() => jobsB.close());
  const done = await waitFor('the job to finish', async () => {
    const s = await call('GET', `/api/jobs/${id}`);
    return s.json.status === 'done' ? s.json : undefined;
  });
  assert.deepEqual({ chunksDone: done.chunksDone, chunks: done.chunks, rows: done.rows, progress: done.progress }, { chunksDone: 3, chunks: 3, rows: 10, progress: 1 });
  assert.equal(done.params.threshold, 0.9);

  const results = await call('GET', `/api/jobs/${id}/results`);
  assert.equal(results.status, 200);
  assert.match(results.type, /application\/x-ndjson/);
  const lines = results.text.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.row), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(lines.map((l) => l.input.name), names);
  assert.deepEqual(lines[3].input, { name: 'Example Trading 4', type: 'organization', country: 'LY', birthYear: 1961 });
  assert.ok(lines.every((l) => Array.isArray(l.hits)));
  // The listed person is found on the UN list; the invented companies are not.
  assert.ok(lines[6].hits.length > 0, 'the UN-listed name has hits');
  assert.ok(lines[6].hits.every((h: { source: string }) => h.source === 'un'));
  assert.equal(lines[6].hits[0].name, 'HANNIBAL MUAMMAR QADHAFI');
  assert.ok(lines[6].hits[0].score >= 0.9);
  assert.deepEqual(lines.filter((_, i) => i !== 6).map((l) => l.hits.length), Array(9).fill(0));

  // One audit event for the job, naming it.
  const audit = await a.store.listAudit();
  assert.equal(audit.filter((e) => e.action === 'screen.job' && e.subject === id).length, 1);
});

test('JSON rows are accepted; bad rows are refused naming the line or field, and nothing is queued', { skip: pg.skip }, async (tt) => {
  const { a, call } = await queueingInstance(cleanupStack(tt), { worker: true, chunkSize: 2 });

  const ok = await call('POST', '/api/jobs/screen', JSON.stringify({ parties: [{ name: 'Alpha' }, { name: 'Beta', birthYear: 1970 }, { name: 'Gamma' }], limit: 3 }));
  assert.equal(ok.status, 202, ok.text);
  await waitFor('the JSON job to finish', async () => ((await call('GET', `/api/jobs/${ok.json.id}`)).json.status === 'done' ? true : undefined));
  const lines = (await call('GET', `/api/jobs/${ok.json.id}/results`)).text.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.row, l.input.name]), [[1, 'Alpha'], [2, 'Beta'], [3, 'Gamma']]);
  const bare = await call('POST', '/api/jobs/screen', JSON.stringify([{ name: 'Delta' }]));
  assert.equal(bare.status, 202, bare.text);

  const noName = await call('POST', '/api/jobs/screen', 'name,country\nAcme,IT\n,LY\n', 'text/csv');
  assert.equal(noName.status, 400);
  assert.match(noName.json.message, /line 3, field "name"/);
  const noColumn = await call('POST', '/api/jobs/screen', 'company,country\nAcme,IT\n', 'text/csv');
  assert.equal(noColumn.status, 400);
  assert.match(noColumn.json.message, /no "name" column/);
  const badYear = await call('POST', '/api/jobs/screen', JSON.stringify({ parties: [{ name: 'A' }, { name: 'B', birthYear: 'sixty' }] }));
  assert.equal(badYear.status, 400);
  assert.match(badYear.json.message, /rows\[1\], field "birth_year"/);
  const badThreshold = await call('POST', '/api/jobs/screen?threshold=2', 'name\nAcme\n', 'text/csv');
  assert.equal(badThreshold.status, 400);
  assert.match(badThreshold.json.message, /threshold/);

  const unknown = await call('GET', '/api/jobs/01a00000-0000-7000-8000-000000000000');
  assert.equal(unknown.status, 404);
  const garbage = await call('GET', '/api/jobs/not-a-job/results');
  assert.equal(garbage.status, 404);
  // Only the two good submissions were recorded.
  assert.equal((await a.store.listAudit()).filter((e) => e.action === 'screen.job').length, 2);
});

test('partial results: the finished prefix of a running job, resumable with after=N', { skip: pg.skip }, async (tt) => {
  const { a, call } = await queueingInstance(cleanupStack(tt));
  const posted = await call('POST', '/api/jobs/screen', 'name\n' + Array.from({ length: 10 }, (_, i) => `Example Trading ${i + 1}`).join('\n') + '\n', 'text/csv');
  assert.equal(posted.status, 202, posted.text);
  const id: string = posted.json.id;
  const rowsOf = (text: string) => text.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l).row as number);
  // What a worker stores for a chunk (rows 1–4, 5–8, 9–10), written here so that chunks land out of order.
  const land = (chunk: number) => a.store.putJobChunk(id, chunk, Array.from({ length: chunk === 2 ? 2 : 4 }, (_, i) => {
    const row = chunk * 4 + i + 1;
    return { row, json: JSON.stringify({ row, input: { name: `Example Trading ${row}` }, hits: [] }) };
  }));

  assert.equal((await call('GET', `/api/jobs/${id}/results?partial=maybe`)).status, 400);
  const none = await call('GET', `/api/jobs/${id}/results?partial=true`);
  assert.equal(none.status, 200, none.text);
  assert.deepEqual(rowsOf(none.text), []);
  await land(2);
  assert.deepEqual(rowsOf((await call('GET', `/api/jobs/${id}/results?partial=true`)).text), [], 'rows 9–10 wait for the chunks before them');
  await land(0);
  const first = await call('GET', `/api/jobs/${id}/results?partial=true`);
  assert.deepEqual(rowsOf(first.text), [1, 2, 3, 4]);
  const still = await call('GET', `/api/jobs/${id}/results`);
  assert.equal(still.status, 409);
  assert.match(still.json.message, /2 of 3 chunks done; partial=true/);
  await land(1);
  // Done: the whole job, or the rest of it after the rows already fetched.
  assert.equal((await call('GET', `/api/jobs/${id}`)).json.status, 'done');
  assert.deepEqual(rowsOf((await call('GET', `/api/jobs/${id}/results`)).text), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.deepEqual(rowsOf((await call('GET', `/api/jobs/${id}/results?after=4`)).text), [5, 6, 7, 8, 9, 10]);
  assert.deepEqual(rowsOf((await call('GET', `/api/jobs/${id}/results?after=4&partial=true`)).text), [5, 6, 7, 8, 9, 10]);
  assert.equal((await call('GET', `/api/jobs/${id}/results?after=-1`)).status, 400);
});
