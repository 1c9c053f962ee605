// Party re-screening on PostgreSQL goes through pg-boss (queue vigil-rescreen, singletonKey = the
// job id): two instances queueing the same activation put one entry in the queue; a list import
// waits for its job, which a queue worker runs; a worker process killed mid-job (SIGKILL) has its
// entry expired and retried by pg-boss, and the surviving worker carries on from the checkpoint:
// the alerts of one uninterrupted run, none twice, one audit event.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RegisteredParty, Snapshot } from '../../src/model/index.js';
import { queueRescreen } from '../../src/jobs/rescreen.js';
import { RESCREEN_QUEUE, RescreenQueue, rescreenQueueSettings, withRescreenQueue } from '../../src/jobs/rescreen-queue.js';
import { importList } from '../../src/lists/import.js';
import { ScreeningIndex } from '../../src/screening/index.js';
import { registerParties, screenParties } from '../../src/screening/parties.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { rawSql } from '../support/stores.js';
import { cleanupStack, entry, importSnapshot, placeholderBundledLists, ROOT, startCli, waitFor } from './support.js';

const pg = await pgTestServer();
const CHILD = join(ROOT, 'test/server/children/rescreen-worker.ts');
const EU_FIXTURE = join(ROOT, 'test/fixtures/lists/eu-fsf/fsf_xml_1_1_sample.xml');

const LISTED = ['Korea Mining Development Trading Corporation', 'Changgwang Sinyong Corporation', 'Libyan Investment Authority', 'Tornado Cargo Airlines',
  'Northern Star Shipping', 'Golden Crescent Trading', 'Blue Lotus Maritime', 'Red Dune Logistics'];
const OTHERS = ['Officine Rossi', 'Bianchi Trasporti', 'Meccanica Lombarda', 'Nordic Optics', 'Costa Ceramiche', 'Ferrari Tessuti', 'Alpine Valves', 'Verdi Mobili'];

async function openTestStoreOn(t: { after(fn: () => unknown): void }, url: string): Promise<Store> {
  const store = await openStore({ databaseUrl: url });
  t.after(() => store.close());
  await store.migrate();
  return store;
}

/** A listed snapshot and 48 registered parties, every sixth a listed name in capitals; the alerts one run raises. */
async function register(store: Store): Promise<{ snap: Snapshot; expected: string[] }> {
  const entries = LISTED.map((n, i) => entry('test', i, n));
  const now = new Date().toISOString();
  const parties: RegisteredParty[] = Array.from({ length: 48 }, (_, i) => ({
    id: `P-${String(i).padStart(3, '0')}`, name: i % 6 === 0 ? LISTED[i / 6]!.toUpperCase() : `${OTHERS[i % 8]} ${i}`, tags: [], createdAt: now,
  }));
  await store.putParties(parties);
  const snap = (await store.getSnapshot(await importSnapshot(store, 'test', entries, '2026-11-01')))!;
  const expected = screenParties(ScreeningIndex.build(entries, [snap]), parties).found.map((f) => `${f.party.id} ${f.hit.entityId}`).sort();
  assert.ok(expected.length >= 8, expected.join('\n'));
  return { snap, expected };
}

const queueRows = (url: string, key: string) =>
  rawSql({ databaseUrl: url }, `SELECT state, retry_count FROM vigil_queue.job WHERE name = ? AND singleton_key = ?`, [RESCREEN_QUEUE, key]);
/** The entries' states once none is still running: pg-boss completes an entry after its handler has returned, so just after the job row is done. */
const settledStates = (url: string, key: string) => waitFor(`pg-boss entries of ${key} to settle`, async () => {
  const states = (await queueRows(url, key)).map((r) => (r as { state: string }).state);
  return states.length > 0 && states.every((x) => x !== 'active' && x !== 'created' && x !== 'retry') ? states : undefined;
}, 30_000, 50);

test('two instances queue one activation: one pg-boss entry keyed by the job id; a worker runs it once', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const a = await openTestStoreOn(t, db.url);
  const b = await openTestStoreOn(t, db.url);
  const { snap, expected } = await register(a);
  const qa = await RescreenQueue.open(db.url, a);
  t.after(() => qa.close());
  const qb = await RescreenQueue.open(db.url, b);
  t.after(() => qb.close());

  // Both instances learn of the activation and queue its re-screening.
  const id = await queueRescreen(a, undefined, snap, 'test');
  assert.equal(await queueRescreen(b, undefined, snap, 'test'), id, 'one job per snapshot in the store');
  assert.ok(await qa.send(id), 'the first notice queues an entry');
  assert.equal(await qb.send(id), null, 'a second notice for the same snapshot queues nothing');
  assert.deepEqual((await queueRows(db.url, id)).map((r) => r.state), ['created']);

  await qb.work();
  const result = await qa.waitFor(id, { timeoutMs: 60_000 });
  assert.equal(result?.created, expected.length);
  assert.deepEqual((await a.listAlerts({ limit: 1000 })).map((x) => `${x.partyId} ${x.entityId}`).sort(), expected);
  assert.deepEqual(await settledStates(db.url, id), ['completed']);
  assert.equal((await a.listAudit()).filter((e) => e.action === 'parties.rescreen').length, 1);
  assert.equal(await qa.send(id), null, 'a finished job is not queued again');
  assert.equal((await queueRows(db.url, id)).length, 1);
});

test('an instance told of another\'s activation (LISTEN/NOTIFY) queues its re-screening; the importer\'s own notice adds no entry', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const a = await openTestStoreOn(t, db.url);
  const b = await openTestStoreOn(t, db.url);
  const qb = await RescreenQueue.open(db.url, b);
  t.after(() => qb.close());
  await qb.followActivations();
  // Instance A activates a snapshot and queues nothing (it died right after, say).
  const { snap, expected } = await register(a);
  const id = `rescreen-${snap.id}`;
  await waitFor('instance B to queue the re-screening', async () => ((await queueRows(db.url, id)).length === 1 ? true : undefined), 30_000, 50);
  assert.equal((await b.getJob(id))?.status, 'queued');
  const qa = await RescreenQueue.open(db.url, a);
  t.after(() => qa.close());
  assert.equal(await queueRescreen(a, undefined, snap, 'test'), id);
  assert.equal(await qa.send(id), null, 'the importer\'s notice for the same snapshot queues nothing');
  assert.equal((await queueRows(db.url, id)).length, 1);
  await qb.work();
  assert.equal((await qa.waitFor(id, { timeoutMs: 60_000 }))?.created, expected.length);
  assert.equal((await a.listAudit()).filter((e) => e.action === 'parties.rescreen').length, 1);
});

test('an import with the queue attached (vigil lists import on PostgreSQL) waits for its job, run by pg-boss', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  await registerParties(store, ScreeningIndex.build([], []), [{ name: 'Khamis Qadhafi', type: 'person', country: 'LY' }, { name: 'Blue Harbour Logistics' }], 'tester');
  const res = await withRescreenQueue(store, db.url, () => importList(store, { format: 'eu', path: EU_FIXTURE }));
  assert.equal(res.status, 'imported');
  assert.ok(res.rescreen, 'the import reports the re-screening as before');
  assert.equal(res.rescreen.parties, 2);
  assert.deepEqual((await store.listAlerts()).map((a) => [a.partyName, a.entityId]), [['Khamis Qadhafi', 'eu:90002']]);
  assert.deepEqual(await settledStates(db.url, `rescreen-${res.snapshot!.id}`), ['completed'], 'the job went through pg-boss');
});

test('with no worker to run it (vigil serve --no-worker), an import stops waiting and says so; a worker started later finishes the job', { skip: pg.skip, timeout: 120_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  await registerParties(store, ScreeningIndex.build([], []), [{ name: 'Khamis Qadhafi', type: 'person', country: 'LY' }], 'tester');
  const queue = await RescreenQueue.open(db.url, store);
  t.after(() => queue.close());
  queue.attach({ timeoutMs: 1500 });
  const res = await importList(store, { format: 'eu', path: EU_FIXTURE });
  assert.equal(res.status, 'imported', 'the snapshot is active whatever happens to the re-screening');
  assert.equal(res.rescreen, undefined);
  const id = `rescreen-${res.snapshot!.id}`;
  assert.ok(res.warnings.some((w) => w.startsWith(`re-screening job ${id} is queued and not finished`)), res.warnings.join('\n'));
  assert.equal((await store.getJob(id))?.status, 'queued');
  assert.deepEqual((await queueRows(db.url, id)).map((r) => r.state), ['created']);
  await queue.work();
  assert.equal((await queue.waitFor(id, { timeoutMs: 60_000 }))?.created, 1);
});

test('vigil worker works the queue and, every VIGIL_RESCREEN_SWEEP_SECONDS, queues a job an importer left unqueued', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  const worker = startCli(t, ['--database-url', db.url, 'worker', '--concurrency', '1'], { VIGIL_RESCREEN_SWEEP_SECONDS: '1', VIGIL_JOBS_POLL_SECONDS: '0.5' });
  await worker.ready;
  // Queued in the store after the worker started, never sent to pg-boss: the importer died in between.
  const { snap, expected } = await register(store);
  const id = await queueRescreen(store, undefined, snap, 'test');
  const done = await waitFor('the worker to find and run the job', async () => {
    const j = await store.getJob(id);
    return j?.status === 'done' ? j : undefined;
  }, 60_000, 100);
  assert.equal((done.params as { result: { created: number } }).result.created, expected.length);
  assert.deepEqual(await settledStates(db.url, id), ['completed']);
  assert.equal(await worker.stop(), 0, worker.stderr());
});

test('vigil serve on PostgreSQL: a list uploaded through the API is re-screened by the instance\'s pg-boss worker, and the answer carries the counts', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  await placeholderBundledLists(store);
  await registerParties(store, ScreeningIndex.build([], []), [{ name: 'Khamis Qadhafi', type: 'person', country: 'LY' }], 'tester');
  const server = startCli(t, ['--database-url', db.url, 'serve', '--port', '0'], { VIGIL_JOBS_POLL_SECONDS: '0.5' });
  const { url } = (await server.ready) as { url: string };
  const r = await fetch(`${url}/api/lists/import?format=eu&fileName=eu.xml`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(readFileSync(EU_FIXTURE)) });
  const body = await r.json() as { status: string; snapshot: { id: number }; rescreen?: { created: number; parties: number } };
  assert.equal(r.status, 200, JSON.stringify(body));
  assert.deepEqual([body.rescreen?.parties, body.rescreen?.created], [1, 1]);
  assert.deepEqual(await settledStates(db.url, `rescreen-${body.snapshot.id}`), ['completed']);
  assert.equal(await server.stop(), 0, server.stderr());
});

function cli(...args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

test('the CLI on PostgreSQL: lists import reports its re-screening, done through pg-boss; parties rescreen queues and finishes a leftover job', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  await registerParties(store, ScreeningIndex.build([], []), [{ name: 'Khamis Qadhafi', type: 'person', country: 'LY' }, { name: 'Blue Harbour Logistics' }], 'tester');
  const imported = cli('--database-url', db.url, 'lists', 'import', 'eu', EU_FIXTURE) as { status: string; snapshot: { id: number }; rescreen?: { parties: number; created: number } };
  assert.equal(imported.status, 'imported');
  assert.deepEqual([imported.rescreen?.parties, imported.rescreen?.created], [2, 1]);
  assert.deepEqual(await settledStates(db.url, `rescreen-${imported.snapshot.id}`), ['completed']);

  // A job left queued by a process that died before queueing it in pg-boss.
  const { snap, expected } = await register(store);
  const id = await queueRescreen(store, undefined, snap, 'test');
  const resumed = cli('--database-url', db.url, 'parties', 'rescreen') as { resumed: { snapshot: number; created: number }[] };
  assert.deepEqual(resumed.resumed.map((r) => [r.snapshot, r.created]), [[snap.id, expected.length]]);
  assert.deepEqual(await settledStates(db.url, id), ['completed']);
  assert.deepEqual((cli('--database-url', db.url, 'parties', 'rescreen') as { resumed: unknown[] }).resumed, [], 'nothing left to resume');
});

interface Worker { lines: string[]; exited: Promise<string | null>; kill(): void }

function startWorker(t: { after(fn: () => unknown): void }, url: string, hangAt: string): Worker {
  // Expire a dead worker's entry after 3 s (maintenance every second) and take its job over after 1 s without a checkpoint.
  const env = {
    ...process.env, VIGIL_RESCREEN_EXPIRE_SECONDS: '3', VIGIL_RESCREEN_RETRY_DELAY_SECONDS: '0', VIGIL_RESCREEN_LEASE_SECONDS: '1',
    VIGIL_JOBS_MAINTENANCE_SECONDS: '1', VIGIL_JOBS_POLL_SECONDS: '0.5',
  };
  const p = spawn(process.execPath, ['--import', 'tsx', CHILD, url, hangAt], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let buf = '';
  let err = '';
  p.stdout.on('data', (d: Buffer) => {
    buf += d.toString();
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) { lines.push(buf.slice(0, i)); buf = buf.slice(i + 1); }
  });
  p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<string | null>((r) => p.on('exit', (code, signal) => r(signal ?? (code === 0 ? null : `exit ${code}: ${err}`))));
  t.after(() => { if (err) process.stderr.write(`rescreen worker ${p.pid} stderr:\n${err}`); });
  t.after(async () => { if (p.exitCode === null && p.signalCode === null) { p.kill('SIGTERM'); await exited; } });
  return { lines, exited, kill: () => p.kill('SIGKILL') };
}

test('a rescreen worker killed mid-job: pg-boss retries the entry, another worker resumes it, no duplicate alert, one audit event', { skip: pg.skip, timeout: 180_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(tt);
  const store = await openTestStoreOn(t, db.url);
  const { snap, expected } = await register(store);
  // The sender sets the entry's expiry and retry: a dead worker's entry is retried after 3 s.
  const queue = await RescreenQueue.open(db.url, store, { ...rescreenQueueSettings(), expireInSeconds: 3, retryDelaySeconds: 0 });
  t.after(() => queue.close());
  const id = await queueRescreen(store, undefined, snap, 'test');
  // Two workers; whichever takes the entry hangs after its second page (ending P-009) and is killed.
  const workers = [startWorker(t, db.url, 'P-009'), startWorker(t, db.url, 'P-009')];
  await waitFor('both workers ready', async () => (workers.every((w) => w.lines.includes('ready')) ? true : undefined), 60_000, 50);
  await queue.send(id);
  const victim = await waitFor('a worker to write two pages', async () => workers.find((w) => w.lines.includes('page P-009')), 60_000, 20);
  const survivor = workers.find((w) => w !== victim)!;
  victim.kill();
  assert.equal(await victim.exited, 'SIGKILL');
  const halfway = await store.getJob(id);
  assert.equal(halfway?.status, 'running');
  assert.equal(halfway?.chunksDone, 2, 'the checkpoint holds the two pages written');
  assert.equal((await store.listAudit()).filter((e) => e.action === 'parties.rescreen').length, 0);

  const done = await waitFor('the job to be done', async () => {
    const j = await store.getJob(id);
    return j?.status === 'done' ? j : undefined;
  }, 90_000, 100);
  assert.equal(done.chunksDone, 10);
  assert.deepEqual(survivor.lines.filter((l) => l.startsWith('page ')), ['page P-014', 'page P-019', 'page P-024', 'page P-029', 'page P-034', 'page P-039', 'page P-044', 'page P-047'], 'pages 3 to 10 only');
  assert.deepEqual((await store.listAlerts({ limit: 1000 })).map((a) => `${a.partyId} ${a.entityId}`).sort(), expected);
  const events = (await store.listAudit()).filter((e) => e.action === 'parties.rescreen');
  assert.equal(events.length, 1);
  assert.equal((events[0]!.detail as { created: number }).created, expected.length);
  const rows = await queueRows(db.url, id);
  assert.equal(rows.length, 1, 'one pg-boss entry throughout');
  assert.ok(Number(rows[0]!.retry_count) >= 1, `the entry was retried after its worker died (retry_count ${rows[0]!.retry_count})`);
  await waitFor('pg-boss to mark the entry completed', async () => ((await queueRows(db.url, id))[0]?.state === 'completed' ? true : undefined), 10_000, 100);
});
