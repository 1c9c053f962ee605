// Two `vigil worker` processes share a 100,000-name job; one is killed with SIGKILL mid-job. pg-boss
// expires the chunk it held and hands it to the survivor; the job completes with every row exactly
// once, in input order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobQueue } from '../../src/jobs/queue.js';
import { jobResultLines } from '../../src/jobs/results.js';
import { jobSettings } from '../../src/jobs/settings.js';
import { submitScreenJob } from '../../src/jobs/submit.js';
import { freshPgDatabase, pgTestServer } from '../support/pg.js';
import { cleanupStack, entry, importSnapshot, openInstance, startCli, waitFor } from './support.js';

const pg = await pgTestServer();

const ROWS = 100_000;
const FIRST = ['Anna', 'Boris', 'Chen', 'Dalia', 'Emeka', 'Farah', 'Goran', 'Hiroshi', 'Ines', 'Jamal', 'Kateryna', 'Luis'];
const LAST = ['Abbott', 'Brennan', 'Castillo', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gallagher', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski'];
const nameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;

test('a killed worker loses no rows: the job completes with every row exactly once, in order', { skip: pg.skip, timeout: 300_000 }, async (tt) => {
  const t = cleanupStack(tt);
  const db = await freshPgDatabase(t);
  const started = Date.now();
  const vigil = await openInstance(t, db.url);
  await importSnapshot(vigil.store, 'test-list', Array.from({ length: 200 }, (_, i) => entry('test-list', i, `${LAST[i % LAST.length]} Industrial Holdings ${i}`)), '2026-01-01');

  // A chunk whose worker vanished is retried after 10 s (workers run maintenance every second).
  // Shorter risks expiring live chunks on a loaded 2-core machine (harmless, but slower).
  const settings = jobSettings({ chunkSize: 1000, expireInSeconds: 10, retryDelaySeconds: 0, retryLimit: 5 });
  const queue = await JobQueue.open(db.url, settings);
  t.after(() => queue.stop());
  const env = { VIGIL_JOBS_MAINTENANCE_SECONDS: '1', VIGIL_JOBS_POLL_SECONDS: '0.5' };
  const args = ['--database-url', db.url, 'worker', '--concurrency', '1'];
  const victim = startCli(t, args, env);
  const survivor = startCli(t, args, env);
  await Promise.all([victim.ready, survivor.ready]);

  const rows = Array.from({ length: ROWS }, (_, i) => ({ name: nameOf(i) }));
  const job = await submitScreenJob(vigil.store, queue, rows);
  assert.equal(job.chunks, 100);

  // Kill mid-chunk: with one loop per worker, two active chunks mean the victim holds one.
  await waitFor('a fifth of the chunks, with both workers busy', async () =>
    ((await vigil.store.countJobChunks(job.id)) >= 20 && (await queue.activeChunks()) === 2 ? true : undefined), 120_000, 20);
  victim.child.kill('SIGKILL');
  assert.equal(await victim.exited, null, 'the victim died by signal');
  const killedAt = await vigil.store.countJobChunks(job.id);
  assert.ok(killedAt < job.chunks, `the job was still running when the worker was killed (${killedAt}/${job.chunks})`);

  await waitFor('the job to complete', async () => ((await vigil.store.countJobChunks(job.id)) === job.chunks ? true : undefined), 240_000, 100);
  // The worker writes 'done' just after the last chunk lands: wait for that write, not only the chunk.
  const finished = await waitFor('the job marked done', async () => {
    const j = await vigil.store.getJob(job.id);
    return j?.status === 'done' ? j : undefined;
  }, 30_000, 100);
  assert.equal(finished.status, 'done');

  let expected = 1;
  for await (const page of jobResultLines(vigil.store, job.id)) {
    for (const line of page.trimEnd().split('\n')) {
      const r = JSON.parse(line) as { row: number; input: { name: string } };
      assert.equal(r.row, expected, 'rows in input order, none missing, none twice');
      assert.equal(r.input.name, nameOf(expected - 1));
      expected++;
    }
  }
  assert.equal(expected - 1, ROWS);

  // The kill really interrupted a chunk: at least one chunk needed a second attempt. On a loaded
  // machine a slow live chunk may also expire and run twice; its queue entry completes a little
  // after its (idempotent) results were stored.
  const states = await waitFor('every chunk completed in the queue', async () => {
    const all = await Promise.all(Array.from({ length: job.chunks }, (_, c) => queue.chunkState(job.id, c)));
    return all.every((s) => s?.state === 'completed') ? all : undefined;
  }, 60_000, 250);
  const retried = states.filter((s) => s && s.retryCount > 0).length;
  assert.ok(retried >= 1, 'some chunk was retried after the kill');
  survivor.child.kill('SIGTERM');
  assert.equal(await survivor.exited, 0, `the survivor stops cleanly on SIGTERM: ${survivor.stderr()}`);
  tt.diagnostic(`100,000-row job with a worker killed at ${killedAt}/100 chunks: ${((Date.now() - started) / 1000).toFixed(1)} s, ${retried} chunk(s) retried`);
});
